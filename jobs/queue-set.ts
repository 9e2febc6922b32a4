/**
 * The pipeline's queues (`ingest`, `detect`, `export`) and its flow producer, all under
 * `config.queuePrefix`, created once per process and closed together.
 */
import { FlowProducer, Queue, type ConnectionOptions, type Job } from 'bullmq';
import type { Config } from '../core/config';
import { RETRY } from './job-failure';
import { QUEUE_NAMES, type QueueName } from './job-runner';

/** Finished jobs are kept for reading (`jobs`, the API) and for de-duplication by id. */
export const KEEP_COMPLETED = { age: 30 * 24 * 3600, count: 10_000 } as const;
export const KEEP_FAILED = { age: 90 * 24 * 3600, count: 10_000 } as const;

/** Options every job of the pipeline gets (a flow's jobs get them explicitly: flows ignore queue defaults). */
export const JOB_DEFAULTS = {
  ...RETRY,
  removeOnComplete: KEEP_COMPLETED,
  removeOnFail: KEEP_FAILED,
} as const;

export class QueueSet {
  readonly prefix: string;
  readonly flows: FlowProducer;
  private readonly queues: Record<QueueName, Queue>;

  constructor(config: Config, connection: ConnectionOptions) {
    this.prefix = config.queuePrefix;
    const make = (name: QueueName) =>
      new Queue(name, { connection, prefix: this.prefix, defaultJobOptions: JOB_DEFAULTS });
    this.queues = { ingest: make('ingest'), detect: make('detect'), export: make('export') };
    this.flows = new FlowProducer({ connection, prefix: this.prefix });
    // Connection errors surface as rejected commands to the caller; the events would only repeat them.
    for (const queue of Object.values(this.queues)) queue.on('error', () => {});
    this.flows.on('error', () => {});
  }

  queue(name: QueueName): Queue {
    return this.queues[name];
  }

  /** The job with this id on whichever queue holds it. */
  async findJob(id: string): Promise<Job | undefined> {
    for (const name of QUEUE_NAMES) {
      const job = await this.queues[name].getJob(id);
      if (job) return job;
    }
    return undefined;
  }

  async close(): Promise<void> {
    await Promise.all([...Object.values(this.queues).map((q) => q.close()), this.flows.close()]);
  }
}
