import { QueueEvents } from 'bullmq';
import type { Config } from '../core/config';
import { NotFoundError } from '../core/errors';
import { bullmqJobView } from './bullmq-job-view';
import type { JobView } from './job-runner';
import type { QueueSet } from './queue-set';
import { workerConnection } from './redis-connection';

/**
 * Waits (through `QueueEvents`, no polling) until job `id` has completed or failed, and returns
 * its final view. A failure is a result here, not an exception: the caller reads `failedReason`.
 */
export async function waitForJob(config: Config, queues: QueueSet, id: string): Promise<JobView> {
  const job = await queues.findJob(id);
  if (job === undefined) throw new NotFoundError('JOB_NOT_FOUND', `fraud-rings: no job ${id}`);
  const events = new QueueEvents(job.queueName, {
    connection: workerConnection(config),
    prefix: config.queuePrefix,
  });
  events.on('error', () => {});
  try {
    await events.waitUntilReady();
    await job.waitUntilFinished(events).catch(() => undefined);
  } finally {
    await events.close();
  }
  const done = await queues.findJob(id);
  const view = done ? await bullmqJobView(done) : null;
  if (view === null)
    throw new NotFoundError('JOB_NOT_FOUND', `fraud-rings: job ${id} was removed while waiting`);
  return view;
}
