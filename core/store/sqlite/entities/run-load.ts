import { StoreError } from '../../../errors';
import type { LoadWriter } from '../../port';
import type { Db } from '../database';
import { cachesFor, invalidateCaches } from './key-cache';
import { SqliteLoadWriter } from './load-writer';

const queues = new WeakMap<Db, Promise<unknown>>();

/**
 * Runs `fn` inside one `BEGIN IMMEDIATE` transaction: committed when `fn` resolves, rolled back
 * (nothing half-written stays) when it throws. IMMEDIATE takes the write lock up front, so a
 * concurrent writer in another process waits (busy timeout) instead of failing mid-load.
 *
 * better-sqlite3 transactions are synchronous while `fn` is async, so loads on one connection
 * are queued: a second load starts only after the first has committed or rolled back.
 */
export function runLoad<T>(db: Db, fn: (writer: LoadWriter) => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => loadNow(db, fn));
  queues.set(db, next);
  return next;
}

async function loadNow<T>(db: Db, fn: (writer: LoadWriter) => Promise<T>): Promise<T> {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (err) {
    throw new StoreError('fraud-rings: the store is busy (another load holds the write lock)', {
      retriable: true,
      cause: err,
    });
  }
  let writer: SqliteLoadWriter | null = null;
  try {
    writer = new SqliteLoadWriter(db, cachesFor(db));
    const result = await fn(writer);
    writer.finish();
    db.exec('COMMIT');
    return result;
  } catch (err) {
    invalidateCaches(db);
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  } finally {
    writer?.close();
  }
}
