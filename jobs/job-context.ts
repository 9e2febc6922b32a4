/**
 * What a processor gets, whichever runner calls it: the BullMQ worker and the in-process runner
 * both build one, so the processors in `processors/` are the same code on both paths.
 */
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { GraphStore } from '../core/store/port';
import type { JobProgress } from './job-runner';

export interface JobContext {
  readonly id: string;
  readonly config: Config;
  readonly logger: Logger;
  /** Runs `fn` with the store (each job gets its own connection unless the runner was given one). */
  withStore<T>(fn: (store: GraphStore) => Promise<T>): Promise<T>;
  /** Reports progress; with BullMQ this is `job.updateProgress`. */
  progress(progress: JobProgress): Promise<void>;
}

/** A progress reporter that sends at most one update per `everyMs` (and always the last of a stage). */
export function throttledProgress(
  ctx: JobContext,
  everyMs = 500,
): (stage: string, done: number, total: number | null) => void {
  let last = 0;
  return (stage, done, total) => {
    const now = Date.now();
    if (now - last < everyMs && done !== total) return;
    last = now;
    void ctx
      .progress({ stage, done, total })
      .catch((err: unknown) => ctx.logger.warn({ err, job: ctx.id }, 'progress update failed'));
  };
}
