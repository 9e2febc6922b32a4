/**
 * Graceful shutdown's last resort. A worker asked to stop lets active jobs finish; when the grace
 * period runs out it aborts them, and an aborted job is handed back to its queue (`wait`) so
 * another worker takes it at once, rather than after its lock expires. The processor's own
 * promise is left to die with the process: every step is atomic (one transaction per file, one
 * `saveRun` per detection) and idempotent, so work cut short is simply done again.
 */
import { WaitingError, type Job } from 'bullmq';

const HANDED_BACK = Symbol('handed-back');

/**
 * Runs `work` unless `signal` aborts first; on abort, moves the job back to `wait` and throws
 * BullMQ's `WaitingError` (the worker then neither fails nor completes it).
 */
export async function runOrHandBack<T>(
  job: Job,
  token: string | undefined,
  signal: AbortSignal | undefined,
  work: Promise<T>,
): Promise<T> {
  if (signal === undefined) return work;
  work.catch(() => {});
  let onAbort: () => void = () => {};
  const aborted = new Promise<typeof HANDED_BACK>((resolve) => {
    onAbort = () => resolve(HANDED_BACK);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const outcome = await Promise.race([work, aborted]);
    if (outcome !== HANDED_BACK) return outcome;
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
  await job.moveToWait(token);
  throw new WaitingError(`handed back: ${String(signal.reason ?? 'worker shutting down')}`);
}
