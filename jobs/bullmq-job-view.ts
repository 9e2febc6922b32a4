import type { Job } from 'bullmq';
import type { JobView } from './job-runner';
import { asJobState, asProgress, isJobName, isQueueName, summariseData } from './job-view';

/**
 * The `JobView` of a BullMQ job (one extra round trip for its state), or null for a job that is
 * not one of the pipeline's (another client sharing the prefix).
 */
export async function bullmqJobView(job: Job): Promise<JobView | null> {
  if (job.id === undefined || !isJobName(job.name) || !isQueueName(job.queueName)) return null;
  const state = await job.getState();
  return {
    id: job.id,
    name: job.name,
    queue: job.queueName,
    state: asJobState(state),
    progress: asProgress(job.progress),
    result: job.returnvalue ?? null,
    failedReason: job.failedReason ? job.failedReason : null,
    attemptsMade: job.attemptsMade,
    parentId: job.parent?.id ?? null,
    data: summariseData(job.data),
    timestamps: {
      created: job.timestamp,
      started: job.processedOn ?? null,
      finished: job.finishedOn ?? null,
    },
  };
}
