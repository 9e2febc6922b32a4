/**
 * Shared setup of the jobs integration tests: a configuration per test (own SQLite file, own queue
 * prefix, own export dir), worker processes spawned from the real CLI, and polling helpers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Job } from 'bullmq';
import { loadConfig, type Config } from '../../core/config';
import { QueueSet } from '../../jobs/queue-set';
import { producerConnection } from '../../jobs/redis-connection';
import { uniquePrefix } from './redis-server';

const ROOT = path.join(__dirname, '..', '..');
const BIN = path.join(ROOT, 'bin', 'fraud-rings.js');

export interface JobsTestEnv {
  dir: string;
  prefix: string;
  redisUrl: string;
  config: Config;
  env: Record<string, string>;
  /** The pipeline's queues under this test's prefix (opened on first use). */
  queues(): QueueSet;
  cleanup(): Promise<void>;
}

/** A fresh directory, database path and queue prefix, and the config and env that name them. */
export function jobsTestEnv(redisUrl: string, label: string, dbName = 'store.db'): JobsTestEnv {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fr-${label}-`));
  const prefix = uniquePrefix(label);
  const env: Record<string, string> = {
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    FRAUD_RINGS_DB: path.join(dir, dbName),
    EXPORT_DIR: path.join(dir, 'exports'),
    LOG_LEVEL: 'info',
    WORKER_CONCURRENCY: '2',
  };
  const config = loadConfig({}, { ...env, LOG_LEVEL: 'silent' });
  let queues: QueueSet | null = null;
  return {
    dir,
    prefix,
    redisUrl,
    config,
    env,
    queues: () => (queues ??= new QueueSet(config, producerConnection(config))),
    cleanup: async () => {
      await queues?.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface SpawnedWorker {
  child: ChildProcess;
  /** Everything the process wrote to stderr so far (pino JSON lines). */
  log(): string;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
}

/** Runs `node bin/fraud-rings.js ...args` from source with the test's env. */
export function spawnCli(env: Record<string, string>, args: string[]): SpawnedWorker {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, FRAUD_RINGS_FROM_SOURCE: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  let stdout = '';
  child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
  child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, log: () => stderr + stdout, exited };
}

/** Runs the CLI to completion; returns exit code, stdout and stderr. */
export async function runCli(
  env: Record<string, string>,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env, FRAUD_RINGS_FROM_SOURCE: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, stdout, stderr };
}

/**
 * Lock and stall intervals short enough that a killed worker's job is retaken within seconds,
 * long enough that the small test data sets never block the event loop past a lock.
 */
export const SHORT_LOCKS = [
  '--lock-duration',
  '4000',
  '--stalled-interval',
  '500',
  '--grace-ms',
  '5000',
];

/** A CLI worker (short locks unless `locks` says otherwise), resolved once it logs that it is ready. */
export async function startCliWorker(
  env: Record<string, string>,
  extra: string[] = [],
  locks: string[] = SHORT_LOCKS,
): Promise<SpawnedWorker> {
  const w = spawnCli(env, ['worker', ...locks, ...extra]);
  try {
    await waitFor(
      async () => w.log().includes('"worker ready"') || w.child.exitCode !== null,
      30_000,
      'worker start (it logs "worker ready" at LOG_LEVEL info)',
    );
  } catch (err) {
    w.child.kill('SIGKILL');
    throw err;
  }
  if (w.child.exitCode !== null) throw new Error(`worker exited at start: ${w.log()}`);
  return w;
}

/** Polls `check` every 25 ms until it returns true; throws naming `what` after `timeoutMs`. */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs: number,
  what: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

/** Reads a job straight from Redis (what another machine would see). */
export function readJob(t: JobsTestEnv, id: string): Promise<Job | undefined> {
  return t.queues().findJob(id);
}

/** Waits until the job is completed or failed and returns its final state. */
export async function waitForFinished(
  t: JobsTestEnv,
  id: string,
  timeoutMs = 60_000,
): Promise<string> {
  let state = 'unknown';
  await waitFor(
    async () => {
      const job = await readJob(t, id);
      state = job ? await job.getState() : 'missing';
      return state === 'completed' || state === 'failed';
    },
    timeoutMs,
    `${id} to finish (last state ${state})`,
  );
  return state;
}
