/**
 * The `JobRunner` on BullMQ: enqueues onto Redis for `fraud-rings worker` processes (here or on
 * other machines) and reads jobs back from the three queues.
 */
import type { Job, JobType } from 'bullmq';
import type { Config } from '../core/config';
import { bullmqJobView } from './bullmq-job-view';
import { detectJobPlan } from './detect-request';
import { enqueueNightlyFlow } from './enqueue-nightly-flow';
import {
  QUEUE_NAMES,
  type DetectRequest,
  type JobRunner,
  type JobView,
  type ListJobsQuery,
  type NightlyEnqueued,
  type NightlyRequest,
} from './job-runner';
import { producerConnection } from './redis-connection';
import { JOB_DEFAULTS, QueueSet } from './queue-set';

const ALL_STATES: JobType[] = [
  'active',
  'waiting',
  'waiting-children',
  'prioritized',
  'delayed',
  'failed',
  'completed',
];

export class BullmqJobRunner implements JobRunner {
  readonly kind = 'bullmq' as const;
  readonly queues: QueueSet;

  constructor(private readonly config: Config) {
    this.queues = new QueueSet(config, producerConnection(config));
  }

  enqueueNightly(paths: string[], request: NightlyRequest = {}): Promise<NightlyEnqueued> {
    return enqueueNightlyFlow(this.queues, this.config, paths, request);
  }

  async enqueueDetect(request: DetectRequest = {}): Promise<JobView> {
    const plan = detectJobPlan(this.config, request);
    const queue = this.queues.queue('detect');
    const opts =
      plan.dedupeKey === null
        ? { ...JOB_DEFAULTS, jobId: plan.jobId }
        : { ...JOB_DEFAULTS, jobId: plan.jobId, deduplication: { id: plan.dedupeKey } };
    const added = await queue.add('detect', plan.data, opts);
    const job = (added.id === undefined ? undefined : await queue.getJob(added.id)) ?? added;
    const view = await bullmqJobView(job);
    if (view === null) throw new Error(`detect job ${added.id ?? '?'} cannot be read back`);
    return view;
  }

  async listJobs(query: ListJobsQuery = {}): Promise<JobView[]> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
    const types: JobType[] = query.state === undefined ? ALL_STATES : [query.state];
    const jobs: Job[] = [];
    for (const name of QUEUE_NAMES)
      jobs.push(...(await this.queues.queue(name).getJobs(types, 0, limit - 1, false)));
    jobs.sort((a, b) => b.timestamp - a.timestamp || (b.id ?? '').localeCompare(a.id ?? ''));
    const views: JobView[] = [];
    for (const job of jobs.slice(0, limit)) {
      const view = await bullmqJobView(job);
      if (view) views.push(view);
    }
    return views;
  }

  async getJob(id: string): Promise<JobView | null> {
    const job = await this.queues.findJob(id);
    return job ? bullmqJobView(job) : null;
  }

  close(): Promise<void> {
    return this.queues.close();
  }
}
