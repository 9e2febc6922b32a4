/**
 * Jobs benchmark: prints
 *   1. throughput of small no-op jobs through the pipeline's queue settings (enqueue and process,
 *      at several worker concurrencies);
 *   2. wall time of the nightly flow (ingest each file → detect → export) at N accounts on BullMQ
 *      with worker processes, beside the in-process runner doing the same steps.
 *
 *   nice npx tsx bench/jobs.ts [--users 100000] [--small 5000] [--workers 2] [--groups 4]
 *
 * Uses REDIS_URL when set, otherwise starts a private redis-server. Figures only; never pass/fail.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'bullmq';
import { loadConfig, type Config } from '../core/config';
import { generateDataset } from '../core/generate';
import { createLogger } from '../core/logger';
import { BullmqJobRunner } from '../jobs/bullmq-job-runner';
import { InProcessRunner } from '../jobs/in-process-runner';
import { JOB_DEFAULTS, QueueSet } from '../jobs/queue-set';
import { producerConnection, workerConnection } from '../jobs/redis-connection';
import { waitForJob } from '../jobs/wait-for-job';
import { startCliWorker, type SpawnedWorker } from '../tests/helpers/jobs-harness';
import { startRedisServer, uniquePrefix } from '../tests/helpers/redis-server';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
}

const USERS = arg('users', 100_000);
const SMALL = arg('small', 5000);
const WORKERS = arg('workers', 2);
const GROUPS = arg('groups', 4);
const SKIP_IN_PROCESS = process.argv.includes('--skip-in-process');

function configFor(redisUrl: string | null, dir: string, prefix: string): Config {
  return loadConfig(
    {},
    {
      REDIS_URL: redisUrl ?? '',
      QUEUE_PREFIX: prefix,
      FRAUD_RINGS_DB: path.join(dir, 'store.db'),
      EXPORT_DIR: path.join(dir, 'exports'),
      LOG_LEVEL: 'silent',
    },
  );
}

async function smallJobs(
  redisUrl: string,
  concurrency: number,
): Promise<{ enqueuePerSec: number; processPerSec: number }> {
  const config = configFor(redisUrl, os.tmpdir(), uniquePrefix('bench-small'));
  const queues = new QueueSet(config, producerConnection(config));
  const queue = queues.queue('detect');
  let done = 0;
  let resolveAll: () => void = () => {};
  const all = new Promise<void>((r) => (resolveAll = r));
  const t0 = performance.now();
  for (let i = 0; i < SMALL; i += 500) {
    await queue.addBulk(
      Array.from({ length: Math.min(500, SMALL - i) }, (_, k) => ({
        name: 'detect',
        data: { n: i + k },
        opts: JOB_DEFAULTS,
      })),
    );
  }
  const t1 = performance.now();
  const worker = new Worker('detect', async (job) => job.data.n as number, {
    connection: workerConnection(config),
    prefix: config.queuePrefix,
    concurrency,
  });
  worker.on('completed', () => {
    if (++done === SMALL) resolveAll();
  });
  await all;
  const t2 = performance.now();
  await worker.close();
  await queue.obliterate({ force: true });
  await queues.close();
  return { enqueuePerSec: SMALL / ((t1 - t0) / 1000), processPerSec: SMALL / ((t2 - t1) / 1000) };
}

async function nightlyOnBullmq(redisUrl: string, inDir: string, groups: number): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-bench-bull-'));
  const prefix = uniquePrefix('bench-nightly');
  const config = configFor(redisUrl, dir, prefix);
  const env = {
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    FRAUD_RINGS_DB: config.dbPath,
    EXPORT_DIR: config.exportDir,
    LOG_LEVEL: 'info',
  };
  const workers: SpawnedWorker[] = [];
  for (let i = 0; i < WORKERS; i++)
    workers.push(await startCliWorker(env, ['--concurrency', '2'], []));
  const runner = new BullmqJobRunner(config);
  try {
    const t0 = performance.now();
    const enqueued = await runner.enqueueNightly([inDir], {
      runDate: '2026-05-01',
      detectGroups: groups,
    });
    const done = await waitForJob(config, runner.queues, enqueued.root.id);
    const ms = performance.now() - t0;
    if (done.state !== 'completed') {
      const failed = await runner.listJobs({ state: 'failed', limit: 100 });
      const reasons = failed.map((j) => `${j.id}: ${j.failedReason}`).join('; ');
      throw new Error(`nightly failed: ${done.failedReason} (failed jobs: ${reasons})`);
    }
    return ms;
  } finally {
    await runner.close();
    for (const w of workers) {
      w.child.kill('SIGTERM');
      await w.exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function nightlyInProcess(inDir: string): Promise<number> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-bench-inproc-'));
  const runner = new InProcessRunner(configFor(null, dir, 'unused'), {
    logger: createLogger('silent'),
  });
  try {
    const t0 = performance.now();
    const enqueued = await runner.enqueueNightly([inDir], { runDate: '2026-05-01' });
    await runner.close();
    const root = await runner.getJob(enqueued.root.id);
    if (root?.state !== 'completed')
      throw new Error(`in-process nightly failed: ${root?.failedReason}`);
    return performance.now() - t0;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const redis = await startRedisServer();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-bench-data-'));
  try {
    process.stdout.write(
      `jobs benchmark: node ${process.version}, ${os.cpus().length} cpus, redis ${redis.url}${redis.owned ? ' (private)' : ''}\n\n`,
    );
    process.stdout.write(
      `small no-op jobs (${SMALL}, pipeline job options, one worker process):\n`,
    );
    for (const c of [1, 8, 32]) {
      const r = await smallJobs(redis.url, c);
      process.stdout.write(
        `  concurrency ${String(c).padStart(2)}: enqueue ${r.enqueuePerSec.toFixed(0)} jobs/s, process ${r.processPerSec.toFixed(0)} jobs/s\n`,
      );
    }
    const inDir = path.join(dataDir, 'in');
    const g = await generateDataset({ outDir: inDir, users: USERS, seed: 3 });
    process.stdout.write(
      `\nnightly flow, ${USERS} accounts (${g.counts.sightings} sightings, ${g.counts.payments} payments):\n`,
    );
    const inProcess = SKIP_IN_PROCESS ? NaN : await nightlyInProcess(inDir);
    process.stdout.write(
      `  in-process runner:                          ${(inProcess / 1000).toFixed(1)} s\n`,
    );
    const one = await nightlyOnBullmq(redis.url, inDir, 1);
    process.stdout.write(
      `  BullMQ, ${WORKERS} worker processes, 1 detect group: ${(one / 1000).toFixed(1)} s\n`,
    );
    const split = await nightlyOnBullmq(redis.url, inDir, GROUPS);
    process.stdout.write(
      `  BullMQ, ${WORKERS} worker processes, ${GROUPS} detect groups: ${(split / 1000).toFixed(1)} s\n`,
    );
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
    await redis.stop();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});
