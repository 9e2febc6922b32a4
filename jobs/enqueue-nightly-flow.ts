import type { Config } from '../core/config';
import { bullmqJobView } from './bullmq-job-view';
import { describeInputs } from './input-files';
import { assertRunDate, runDateIn } from './job-ids';
import { validGroups } from './detect-request';
import type { JobView, NightlyEnqueued, NightlyRequest } from './job-runner';
import { nightlyFlow } from './nightly-flow';
import type { QueueSet } from './queue-set';

/**
 * Hashes the inputs, builds the nightly flow and adds it unless a flow with the same root id
 * (same run date, same file contents) exists; either way returns the flow's jobs as they are now.
 * Two callers racing past the existence check are still safe: BullMQ ignores a job whose id exists.
 */
export async function enqueueNightlyFlow(
  queues: QueueSet,
  config: Config,
  paths: string[],
  request: NightlyRequest = {},
): Promise<NightlyEnqueued> {
  const inputs = await describeInputs(paths);
  const runDate =
    request.runDate === undefined
      ? runDateIn(config.nightlyTimeZone)
      : assertRunDate(request.runDate);
  const plan = nightlyFlow(config, runDate, inputs, validGroups(request.detectGroups));
  const existing = await queues.queue('export').getJob(plan.jobIds[0]);
  if (existing === undefined) await queues.flows.add(plan.flow);
  const jobs: JobView[] = [];
  for (const id of plan.jobIds) {
    const job = await queues.findJob(id);
    const view = job ? await bullmqJobView(job) : null;
    if (view) jobs.push(view);
  }
  const root = jobs.find((j) => j.id === plan.jobIds[0]);
  if (root === undefined)
    throw new Error(`nightly ${plan.runKey}: root job ${plan.jobIds[0]} is missing after enqueue`);
  return { runKey: plan.runKey, runDate, duplicate: existing !== undefined, root, jobs };
}
