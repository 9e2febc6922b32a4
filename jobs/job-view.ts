/**
 * Turns a runner's job record into the `JobView` clients see. Job data is reduced to its small
 * scalar fields (a detection group's graph, say, stays out of listings).
 */
import {
  JOB_NAMES,
  JOB_STATES,
  QUEUE_NAMES,
  type JobName,
  type JobProgress,
  type JobState,
  type QueueName,
} from './job-runner';

/** Keeps scalar fields and short lists of scalars; drops anything bulky. */
export function summariseData(data: unknown): Record<string, unknown> {
  if (data === null || typeof data !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) out[key] = value;
    else if (
      Array.isArray(value) &&
      value.length <= 50 &&
      value.every((v) => ['string', 'number'].includes(typeof v))
    )
      out[key] = value;
  }
  return out;
}

/** A progress value as the runners store it, or null when it is not one of ours. */
export function asProgress(value: unknown): JobProgress | null {
  if (value === null || typeof value !== 'object') return null;
  const p = value as Partial<JobProgress>;
  if (typeof p.stage !== 'string' || typeof p.done !== 'number') return null;
  return { stage: p.stage, done: p.done, total: typeof p.total === 'number' ? p.total : null };
}

export function isJobName(name: string): name is JobName {
  return (JOB_NAMES as readonly string[]).includes(name);
}

export function isQueueName(name: string): name is QueueName {
  return (QUEUE_NAMES as readonly string[]).includes(name);
}

export function asJobState(state: string): JobState | 'unknown' {
  return (JOB_STATES as readonly string[]).includes(state) ? (state as JobState) : 'unknown';
}
