/**
 * Workers killed with SIGKILL in the middle of the nightly: the job's lock expires, another
 * worker process takes it again, and the run completes with every payment in the store exactly
 * once and the same rings as the in-process steps. Workers are real `fraud-rings worker`
 * processes (from source) with short lock and stall intervals.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Job } from 'bullmq';
import { generateDataset } from '../../core/generate';
import { BullmqJobRunner } from '../../jobs/bullmq-job-runner';
import {
  jobsTestEnv,
  readJob,
  startCliWorker,
  waitForFinished,
  type JobsTestEnv,
  type SpawnedWorker,
} from '../helpers/jobs-harness';
import { digestStore, referenceRun, type StoreDigest } from '../helpers/jobs-rings';
import { startRedisServer, type RedisServer } from '../helpers/redis-server';

function dataRows(file: string): number {
  return (
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.trim() !== '').length - 1
  );
}

/** Payment rows in the store and distinct payment ids among them, read straight from the file. */
function storedPayments(dbPath: string): { rows: number; distinct: number } {
  const db = new Database(dbPath, { readonly: true });
  try {
    return db
      .prepare('SELECT count(*) AS rows, count(DISTINCT payment_id) AS "distinct" FROM payments')
      .get() as { rows: number; distinct: number };
  } finally {
    db.close();
  }
}

/** Polls without pause until `pick` finds a job, so a short-lived active job is not missed. */
async function catchActive(
  t: JobsTestEnv,
  queue: 'ingest' | 'detect',
  pick: (job: Job) => boolean,
  timeoutMs: number,
): Promise<Job> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const active = await t.queues().queue(queue).getJobs(['active']);
    const hit = active.find(pick);
    if (hit) return hit;
  }
  throw new Error(`no matching active ${queue} job within ${timeoutMs} ms`);
}

describe('jobs: a worker killed mid-run', () => {
  let redis: RedisServer;
  let data: JobsTestEnv;
  let reference: StoreDigest;
  let inDir: string;
  const envs: JobsTestEnv[] = [];
  const workers: SpawnedWorker[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    data = jobsTestEnv(redis.url, 'crash-data');
    inDir = path.join(data.dir, 'in');
    await generateDataset({ outDir: inDir, users: 5000, seed: 11 });
    reference = await referenceRun(data.config.dbPath, [inDir], data.config);
  }, 120_000);
  afterEach(async () => {
    for (const w of workers.splice(0)) {
      if (w.child.exitCode === null && w.child.signalCode === null) {
        w.child.kill('SIGKILL');
        await w.exited;
      }
    }
  });
  afterAll(async () => {
    for (const t of envs) await t.cleanup();
    await data.cleanup();
    await redis.stop();
  });

  async function worker(t: JobsTestEnv): Promise<SpawnedWorker> {
    const w = await startCliWorker(t.env, ['--concurrency', '1']);
    workers.push(w);
    return w;
  }

  it('completes the run after a SIGKILL in the middle of an ingest, with every payment once', async () => {
    const t = jobsTestEnv(redis.url, 'crash-ingest');
    envs.push(t);
    const first = await worker(t);
    const runner = new BullmqJobRunner(t.config);
    const enqueued = await runner.enqueueNightly([inDir], { runDate: '2026-04-01' });
    const paymentsJob = enqueued.jobs.find((j) => String(j.data.path).endsWith('payments.csv'));
    expect(paymentsJob).toBeDefined();
    const caught = await catchActive(
      t,
      'ingest',
      (j) =>
        j.id === paymentsJob?.id &&
        typeof j.progress === 'object' &&
        (j.progress as { done: number }).done > 0,
      60_000,
    );
    first.child.kill('SIGKILL');
    await first.exited;
    expect(await (await readJob(t, caught.id ?? ''))?.getState()).toBe('active');

    await worker(t);
    expect(await waitForFinished(t, enqueued.root.id, 120_000)).toBe('completed');
    const retaken = await readJob(t, paymentsJob?.id ?? '');
    expect(retaken?.stalledCounter).toBeGreaterThanOrEqual(1);
    expect(retaken?.attemptsStarted).toBeGreaterThanOrEqual(2);
    expect(storedPayments(t.config.dbPath)).toEqual({
      rows: dataRows(path.join(inDir, 'payments.csv')),
      distinct: dataRows(path.join(inDir, 'payments.csv')),
    });
    const digest = await digestStore(t.config.dbPath);
    expect(digest.counts).toEqual(reference.counts);
    expect(digest.rings).toEqual(reference.rings);
    await runner.close();
  });

  it('completes the run after a SIGKILL in the middle of a split detection, saving one run', async () => {
    const t = jobsTestEnv(redis.url, 'crash-detect');
    envs.push(t);
    const first = await worker(t);
    const runner = new BullmqJobRunner(t.config);
    const enqueued = await runner.enqueueNightly([inDir], {
      runDate: '2026-04-02',
      detectGroups: 8,
    });
    const caught = await catchActive(t, 'detect', () => true, 90_000);
    first.child.kill('SIGKILL');
    await first.exited;
    expect(['detect', 'detect-group']).toContain(caught.name);

    await worker(t);
    await worker(t);
    expect(await waitForFinished(t, enqueued.root.id, 120_000)).toBe('completed');
    expect((await readJob(t, caught.id ?? ''))?.stalledCounter).toBeGreaterThanOrEqual(1);
    const digest = await digestStore(t.config.dbPath);
    expect(digest.runs).toBe(1);
    expect(storedPayments(t.config.dbPath).distinct).toBe(
      dataRows(path.join(inDir, 'payments.csv')),
    );
    expect(digest.counts).toEqual(reference.counts);
    expect(digest.rings).toEqual(reference.rings);
    expect(digest.runId).toBe(reference.runId);
    await runner.close();
  });
});
