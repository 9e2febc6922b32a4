import type { Db } from './database';
import { prepared } from './entities/prepare';

/**
 * The store's data generation (migration 006): a counter bumped in the same transaction as every
 * write that changes what a graph view shows (entity loads, saved detection runs). Reading it is
 * one primary-key lookup, cheap enough for every request, and it is shared by every process
 * on the file.
 */
export function dataGeneration(db: Db): number {
  const row = prepared(db, 'SELECT gen FROM data_generation WHERE id = 1').get() as
    { gen: number } | undefined;
  return row?.gen ?? 0;
}

/** Bumps the data generation; call it inside the transaction that changes the data. */
export function bumpDataGeneration(db: Db): void {
  prepared(db, 'UPDATE data_generation SET gen = gen + 1 WHERE id = 1').run();
}
