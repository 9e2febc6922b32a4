/**
 * Writes a load's batches one transaction each, resuming from the failed batch: a batch that
 * fails with a retriable `StoreError` (after the driver's own retries) is tried again after a
 * growing pause, up to `attempts` times, without rewriting the batches before it. Batches are
 * idempotent MERGEs, so when the store stays down the caller can re-run the same load and it
 * converges to what one clean load would give; the error says how far the load got.
 */
import { StoreError } from '../../errors';

export interface ResumeOptions {
  attempts: number;
  /** Pause before retry n is `pauseMs * n`. */
  pauseMs: number;
  /** Rows of the whole load, for the error message. */
  totalRows: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Writes every batch in order; resolves with the number of rows written. */
export async function writeResumably<B extends { rows: unknown[] }>(
  batches: AsyncIterable<B>,
  write: (batch: B) => Promise<void>,
  opts: ResumeOptions,
): Promise<number> {
  let written = 0;
  for await (const batch of batches) {
    for (let attempt = 1; ; attempt++) {
      try {
        await write(batch);
        break;
      } catch (err) {
        const retriable = err instanceof StoreError && err.retriable;
        if (retriable && attempt < opts.attempts) {
          await sleep(opts.pauseMs * attempt);
          continue;
        }
        if (!(err instanceof StoreError)) throw err;
        throw new StoreError(
          `fraud-rings: the graph store failed after writing ${written} of ${opts.totalRows} rows; loading the same file again completes it`,
          { retriable: err.retriable, cause: err },
        );
      }
    }
    written += batch.rows.length;
  }
  return written;
}
