/**
 * Which failures a job retries. Errors the project raises on purpose carry `retriable`: a store
 * marked retriable (lock timeout, lost connection) is retried with exponential backoff; bad input,
 * a missing entity or bad configuration fails at once, through BullMQ's `UnrecoverableError`, with
 * a `CODE: message` reason a person can read. Errors that are not ours (a driver's socket error,
 * a refused connection) are retried: a network hiccup at night must not lose a nightly.
 */
import { UnrecoverableError } from 'bullmq';
import { FraudRingsError } from '../core/errors';

/** Retry policy of every job: 5 attempts, 1 s, 2 s, 4 s, 8 s apart. */
export const RETRY = { attempts: 5, backoff: { type: 'exponential', delay: 1000 } } as const;

/** True when trying again later may succeed. */
export function shouldRetry(err: unknown): boolean {
  if (err instanceof UnrecoverableError) return false;
  return err instanceof FraudRingsError ? err.retriable : true;
}

/** `CODE: message` for a project error, the message otherwise; first line only. */
export function failureReason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  const firstLine = message.split('\n')[0] ?? '';
  return err instanceof FraudRingsError ? `${err.code}: ${firstLine}` : firstLine;
}

/** What a BullMQ processor throws for `err`: `UnrecoverableError` unless a retry may help. */
export function toProcessorError(err: unknown): Error {
  if (err instanceof UnrecoverableError) return err;
  if (!shouldRetry(err)) return new UnrecoverableError(failureReason(err));
  if (err instanceof FraudRingsError) return new Error(failureReason(err), { cause: err });
  return err instanceof Error ? err : new Error(String(err));
}
