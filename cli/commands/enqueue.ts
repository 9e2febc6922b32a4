import { Command, InvalidArgumentError, Option } from 'commander';
import type { Config } from '../../core/config';
import { FraudRingsError } from '../../core/errors';
import { BullmqJobRunner } from '../../jobs/bullmq-job-runner';
import type { JobView } from '../../jobs/job-runner';
import { scheduleNightly, unscheduleNightly } from '../../jobs/nightly-scheduler';
import { requireRedis } from '../../jobs/redis-connection';
import { waitForJob } from '../../jobs/wait-for-job';
import { configFrom } from '../context';
import { describeJob } from './jobs';

interface NightlyFlags {
  date?: string;
  groups?: number;
  schedule?: boolean;
  unschedule?: boolean;
  wait?: boolean;
  json?: boolean;
}

interface DetectFlags {
  seed?: number;
  resolution?: number;
  key?: string;
  groups?: number;
  wait?: boolean;
  json?: boolean;
}

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n)) throw new InvalidArgumentError('expected a number');
  return n;
}

async function withRunner<T>(
  config: Config,
  fn: (runner: BullmqJobRunner) => Promise<T>,
): Promise<T> {
  requireRedis(config, 'enqueue');
  const runner = new BullmqJobRunner(config);
  try {
    return await fn(runner);
  } finally {
    await runner.close();
  }
}

/** With --wait: blocks until the job finishes; a failed job exits 1 with its reason. */
async function finish(
  config: Config,
  runner: BullmqJobRunner,
  job: JobView,
  flags: { wait?: boolean; json?: boolean },
  printed: unknown,
): Promise<void> {
  if (!flags.wait) {
    process.stdout.write(flags.json ? `${JSON.stringify(printed)}\n` : `${describeJob(job)}\n`);
    return;
  }
  const done = await waitForJob(config, runner.queues, job.id);
  process.stdout.write(flags.json ? `${JSON.stringify(done)}\n` : `${describeJob(done)}\n`);
  if (done.state === 'failed')
    throw new FraudRingsError(
      'JOB_FAILED',
      `fraud-rings: job ${done.id} failed: ${done.failedReason ?? 'no reason recorded'}`,
    );
}

/**
 * `fraud-rings enqueue nightly PATH...` (ingest each file → detect → export decided cases, ids from
 * the run date and file contents, so a repeat is a no-op), `--schedule` to run it every night at
 * NIGHTLY_CRON in NIGHTLY_TZ instead, `--unschedule` to stop; `fraud-rings enqueue detect`.
 * Both need REDIS_URL (exit 2 without it).
 */
export function register(program: Command): void {
  const enqueue = program
    .command('enqueue')
    .description('put work on the Redis queues for workers (needs REDIS_URL)');
  enqueue
    .command('nightly')
    .description('ingest PATH... then detect then export decided cases, as one flow')
    .argument('[paths...]', 'files or directories (users*, devices*, payments*)')
    .option('--date <yyyy-mm-dd>', 'run date (default: today in NIGHTLY_TZ); part of every job id')
    .addOption(
      new Option(
        '--groups <n>',
        'split detection into n group jobs (default: from the graph size)',
      ).argParser(number),
    )
    .option('--schedule', 'install the nightly schedule for these paths instead of running now')
    .option('--unschedule', 'remove the nightly schedule')
    .option('--wait', 'wait until the flow has finished; exit 1 if it failed')
    .option('--json', 'print JSON')
    .action(async (paths: string[], flags: NightlyFlags, cmd: Command) => {
      const config = configFrom(cmd);
      await withRunner(config, async (runner) => {
        if (flags.unschedule) {
          const removed = await unscheduleNightly(runner.queues);
          process.stdout.write(
            flags.json
              ? `${JSON.stringify({ removed })}\n`
              : `${removed ? 'nightly schedule removed' : 'no nightly schedule was set'}\n`,
          );
          return;
        }
        if (paths.length === 0)
          throw new FraudRingsError(
            'USAGE',
            'fraud-rings: enqueue nightly needs at least one PATH',
          );
        if (flags.schedule) {
          const s = await scheduleNightly(runner.queues, config, paths);
          process.stdout.write(
            flags.json
              ? `${JSON.stringify(s)}\n`
              : `nightly scheduled: '${s.pattern}' ${s.timeZone}, next ${s.next === null ? 'none' : new Date(s.next).toISOString()}\n`,
          );
          return;
        }
        const enqueued = await runner.enqueueNightly(paths, {
          runDate: flags.date,
          detectGroups: flags.groups,
        });
        if (!flags.json) {
          process.stderr.write(
            `nightly ${enqueued.runKey}: ${enqueued.duplicate ? 'already enqueued, nothing added' : `${enqueued.jobs.length} jobs added`}\n`,
          );
        }
        await finish(config, runner, enqueued.root, flags, enqueued);
      });
    });
  enqueue
    .command('detect')
    .description('one detection run over the whole store')
    .addOption(new Option('--seed <n>', 'Louvain seed (default DETECT_SEED)').argParser(number))
    .addOption(
      new Option('--resolution <r>', 'Louvain resolution (default DETECT_RESOLUTION)').argParser(
        number,
      ),
    )
    .addOption(
      new Option(
        '--groups <n>',
        'split into n group jobs for several workers (default: from the graph size)',
      ).argParser(number),
    )
    .option(
      '--key <key>',
      'idempotency key: a second request with the same key returns the first job',
    )
    .option('--wait', 'wait until the run has finished; exit 1 if it failed')
    .option('--json', 'print JSON')
    .action(async (flags: DetectFlags, cmd: Command) => {
      const config = configFrom(cmd);
      await withRunner(config, async (runner) => {
        const job = await runner.enqueueDetect({
          seed: flags.seed,
          resolution: flags.resolution,
          key: flags.key,
          groups: flags.groups,
        });
        await finish(config, runner, job, flags, job);
      });
    });
}
