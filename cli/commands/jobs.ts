import { Command, InvalidArgumentError, Option } from 'commander';
import { NotFoundError } from '../../core/errors';
import { BullmqJobRunner } from '../../jobs/bullmq-job-runner';
import { JOB_STATES, type JobView } from '../../jobs/job-runner';
import { requireRedis } from '../../jobs/redis-connection';
import { configFrom } from '../context';

interface JobsFlags {
  limit: number;
  state?: (typeof JOB_STATES)[number];
  json?: boolean;
}

function limit(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new InvalidArgumentError('expected an integer from 1 to 1000');
  return n;
}

function progressText(job: JobView): string {
  if (job.progress === null) return '';
  const { stage, done, total } = job.progress;
  return total === null || total === 0
    ? `${stage} ${done}`
    : `${stage} ${Math.round((100 * done) / total)}%`;
}

/** One line per job: id, name, state, progress, attempts and, when failed, the reason. */
export function describeJob(job: JobView): string {
  const parts = [job.id, job.name, job.state];
  const progress = progressText(job);
  if (progress !== '') parts.push(progress);
  parts.push(`attempts=${job.attemptsMade}`);
  parts.push(new Date(job.timestamps.created).toISOString());
  if (job.failedReason !== null) parts.push(`reason: ${job.failedReason}`);
  return parts.join('  ');
}

/**
 * `fraud-rings jobs [ID] [--state S] [--limit N] [--json]`: recent jobs of every queue, newest
 * first, with state, progress and failure reason; with ID, that job (its result too). Needs REDIS_URL.
 */
export function register(program: Command): void {
  program
    .command('jobs')
    .description(
      'recent jobs (state, progress, failure reason), or one job by id (needs REDIS_URL)',
    )
    .argument('[id]', 'a job id')
    .addOption(new Option('--state <state>', 'only jobs in this state').choices([...JOB_STATES]))
    .addOption(new Option('--limit <n>', 'how many').argParser(limit).default(20))
    .option('--json', 'print JSON')
    .action(async (id: string | undefined, flags: JobsFlags, cmd: Command) => {
      const config = configFrom(cmd);
      requireRedis(config, 'jobs');
      const runner = new BullmqJobRunner(config);
      try {
        if (id !== undefined) {
          const job = await runner.getJob(id);
          if (job === null) throw new NotFoundError('JOB_NOT_FOUND', `fraud-rings: no job ${id}`);
          process.stdout.write(
            flags.json
              ? `${JSON.stringify(job, null, 2)}\n`
              : `${describeJob(job)}\n${job.result === null ? '' : `result: ${JSON.stringify(job.result)}\n`}`,
          );
          return;
        }
        const jobs = await runner.listJobs({ limit: flags.limit, state: flags.state });
        if (flags.json) process.stdout.write(`${JSON.stringify(jobs, null, 2)}\n`);
        else
          process.stdout.write(
            jobs.length === 0 ? 'no jobs\n' : `${jobs.map(describeJob).join('\n')}\n`,
          );
      } finally {
        await runner.close();
      }
    });
}
