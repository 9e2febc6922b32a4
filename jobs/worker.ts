/**
 * `fraud-rings worker`: one BullMQ worker per queue in this process, sharing the configured
 * concurrency per queue. Start-up refuses a Redis whose eviction policy could drop jobs. Once
 * running, a lost Redis is waited for (every command retries until the connection is back), so a
 * Redis restart at night costs a pause, not the worker. `close()` is the graceful shutdown.
 */
import { Worker } from 'bullmq';
import type { Config } from '../core/config';
import { FraudRingsError } from '../core/errors';
import type { Logger } from '../core/logger';
import { openStore } from '../core/store/open-store';
import type { GraphStore } from '../core/store/port';
import { processorFor } from './bullmq-processors';
import { failureReason } from './job-failure';
import { QUEUE_NAMES, type QueueName } from './job-runner';
import { QueueSet } from './queue-set';
import { assertNoEviction } from './redis-policy';
import { workerConnection } from './redis-connection';

export interface WorkerOptions {
  /** Jobs run at once per queue; default `config.workerConcurrency`. */
  concurrency?: number;
  /** How long a job's lock lasts without renewal (a killed worker's jobs are retaken after this). */
  lockDurationMs?: number;
  /** How often stalled jobs (lock expired) are looked for. */
  stalledIntervalMs?: number;
  /** Times a job may stall (its worker died) before it fails. */
  maxStalledCount?: number;
  queues?: QueueName[];
  /** Opens the store for one job; default `openStore(config)`. */
  openStore?: () => Promise<GraphStore>;
}

export interface RunningWorker {
  readonly names: QueueName[];
  /**
   * Stops taking jobs and waits for active ones; after `graceMs` aborts them, which hands each back
   * to its queue for another worker. Resolves when every connection is closed.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Locks are renewed from the event loop, and the heavy steps hold it for long stretches
 * (better-sqlite3 is synchronous: a million-row commit; Louvain on a large group). With BullMQ's
 * 30 s default, a 100,000-account nightly on a busy 2-core machine saw healthy jobs declared
 * stalled and failed. Five minutes covers those stretches; the price is that a killed worker's
 * job waits up to that long before another worker retakes it, which a nightly batch can afford.
 */
export const WORKER_DEFAULTS = {
  lockDurationMs: 300_000,
  stalledIntervalMs: 30_000,
  maxStalledCount: 3,
  graceMs: 25_000,
} as const;

/** Checks Redis, starts the workers, resolves once they are connected and taking jobs. */
export async function startWorker(
  config: Config,
  logger: Logger,
  opts: WorkerOptions = {},
): Promise<RunningWorker> {
  const connection = workerConnection(config);
  try {
    await assertNoEviction(config.redisUrl ?? '');
  } catch (err) {
    if (err instanceof FraudRingsError) throw err;
    throw new FraudRingsError(
      'REDIS_UNAVAILABLE',
      `fraud-rings: cannot reach Redis at ${config.redisUrl}: ${(err as Error).message}`,
      { cause: err },
    );
  }
  const queues = new QueueSet(config, connection);
  const deps = { config, logger, queues, openStore: opts.openStore ?? (() => openStore(config)) };
  const names = opts.queues ?? [...QUEUE_NAMES];
  const workers = names.map(
    (name) =>
      new Worker(name, processorFor(name, deps), {
        connection,
        prefix: config.queuePrefix,
        concurrency: opts.concurrency ?? config.workerConcurrency,
        lockDuration: opts.lockDurationMs ?? WORKER_DEFAULTS.lockDurationMs,
        stalledInterval: opts.stalledIntervalMs ?? WORKER_DEFAULTS.stalledIntervalMs,
        maxStalledCount: opts.maxStalledCount ?? WORKER_DEFAULTS.maxStalledCount,
      }),
  );
  for (const w of workers) {
    let lastError = '';
    w.on('error', (err) => {
      if (err.message !== lastError)
        logger.warn(
          { queue: w.name, err: err.message },
          'worker error (a lost Redis is retried until it is back)',
        );
      lastError = err.message;
    });
    w.on('ready', () => {
      lastError = '';
    });
    w.on('completed', (job) =>
      logger.info({ queue: w.name, job: job.id, name: job.name }, 'job completed'),
    );
    w.on('failed', (job, err) =>
      logger.warn(
        {
          queue: w.name,
          job: job?.id,
          name: job?.name,
          attempts: job?.attemptsMade,
          reason: failureReason(err),
        },
        'job failed',
      ),
    );
    w.on('stalled', (jobId) =>
      logger.warn({ queue: w.name, job: jobId }, 'job stalled (its worker died); put back to wait'),
    );
  }
  await Promise.all(workers.map((w) => w.waitUntilReady()));
  logger.info(
    {
      queues: names,
      concurrency: opts.concurrency ?? config.workerConcurrency,
      prefix: config.queuePrefix,
    },
    'worker ready',
  );
  let closing: Promise<void> | null = null;
  return {
    names,
    close(graceMs = WORKER_DEFAULTS.graceMs) {
      closing ??= (async () => {
        const timer = setTimeout(() => {
          logger.warn({ graceMs }, 'grace period over; handing active jobs back');
          workers.forEach((w) => w.cancelAllJobs('worker shutting down'));
        }, graceMs);
        try {
          await Promise.all(workers.map((w) => w.close()));
        } finally {
          clearTimeout(timer);
          await queues.close();
        }
      })();
      return closing;
    },
  };
}
