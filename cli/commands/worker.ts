import { Command, InvalidArgumentError, Option } from 'commander';
import { createLogger } from '../../core/logger';
import { requireRedis } from '../../jobs/redis-connection';
import { QUEUE_NAMES, type QueueName } from '../../jobs/job-runner';
import { startWorker, WORKER_DEFAULTS } from '../../jobs/worker';
import { configFrom } from '../context';

interface WorkerFlags {
  concurrency?: number;
  queues?: QueueName[];
  graceMs: number;
  lockDuration: number;
  stalledInterval: number;
}

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function queueList(value: string): QueueName[] {
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = names.filter((n) => !(QUEUE_NAMES as readonly string[]).includes(n));
  if (bad.length > 0 || names.length === 0)
    throw new InvalidArgumentError(`queues are ${QUEUE_NAMES.join(', ')}`);
  return names as QueueName[];
}

/** Resolves on the first SIGTERM or SIGINT; a second one exits at once (jobs are retaken when their locks expire). */
function firstStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let seen = false;
    const onSignal = (signal: NodeJS.Signals) => {
      if (seen) process.exit(130);
      seen = true;
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

/**
 * `fraud-rings worker`: takes jobs from the ingest, detect and export queues until SIGTERM or
 * SIGINT, then finishes active jobs (handing back whatever is still running after --grace-ms) and
 * exits 0. Needs REDIS_URL (exit 2 without it, or when Redis's maxmemory-policy is not noeviction).
 */
export function register(program: Command): void {
  program
    .command('worker')
    .description('process jobs from the Redis queues (needs REDIS_URL)')
    .addOption(
      new Option(
        '--concurrency <n>',
        'jobs at once per queue (default WORKER_CONCURRENCY or 2)',
      ).argParser(positiveInt),
    )
    .addOption(
      new Option('--queues <list>', `comma-separated subset of ${QUEUE_NAMES.join(',')}`).argParser(
        queueList,
      ),
    )
    .addOption(
      new Option(
        '--grace-ms <ms>',
        'on shutdown, wait this long for active jobs before handing them back',
      )
        .argParser(positiveInt)
        .default(WORKER_DEFAULTS.graceMs),
    )
    .addOption(
      new Option('--lock-duration <ms>', "job lock; a dead worker's jobs are retaken after it")
        .argParser(positiveInt)
        .default(WORKER_DEFAULTS.lockDurationMs),
    )
    .addOption(
      new Option('--stalled-interval <ms>', 'how often to look for jobs of dead workers')
        .argParser(positiveInt)
        .default(WORKER_DEFAULTS.stalledIntervalMs),
    )
    .action(async (opts: WorkerFlags, cmd: Command) => {
      const config = configFrom(cmd);
      requireRedis(config, 'worker');
      const logger = createLogger(config.logLevel, { role: 'worker', pid: process.pid });
      const stop = firstStopSignal();
      const worker = await startWorker(config, logger, {
        concurrency: opts.concurrency,
        queues: opts.queues,
        lockDurationMs: opts.lockDuration,
        stalledIntervalMs: opts.stalledInterval,
      });
      const signal = await stop;
      logger.info({ signal }, 'shutting down: finishing active jobs');
      await worker.close(opts.graceMs);
      logger.info('worker stopped');
    });
}
