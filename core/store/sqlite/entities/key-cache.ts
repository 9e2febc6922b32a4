import { IDENTIFIER_KINDS } from '../../../types';
import type { Db } from '../database';

/**
 * A flat copy of `s` that does not keep the string it was cut from alive. Values read from an
 * input file are slices of a 1 MiB chunk; caching one as-is would pin the whole chunk for the
 * life of the cache (gigabytes over a 10-million-row file). Only called on cache misses.
 */
export function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * A bounded map from an id or identifier value to its integer key. `complete` means every row
 * of the table is in the map, so a miss proves the row is new and needs no lookup; it is true
 * only from an empty table and stops being true when the map overflows and is cleared.
 */
export class KeyCache {
  private readonly map = new Map<string, number>();
  complete = false;

  constructor(private readonly capacity: number) {}

  get(value: string): number | undefined {
    return this.map.get(value);
  }

  /**
   * `owned`: `value` is already a string of its own (an interned value of a packed batch), not a
   * slice of input text, so it is kept as it is.
   */
  set(value: string, key: number, owned = false): void {
    if (this.map.size >= this.capacity) {
      this.map.clear();
      this.complete = false;
    }
    this.map.set(owned ? value : detach(value), key);
  }

  delete(value: string): void {
    this.map.delete(value);
  }

  reset(complete: boolean): void {
    this.map.clear();
    this.complete = complete;
  }
}

/** The key caches of one connection, kept across loads so each file of an ingest reuses them. */
export interface LoadCaches {
  accounts: KeyCache;
  /** One per identifier kind, indexed by kind code. */
  identifiers: KeyCache[];
  /** `PRAGMA data_version` when the caches were last known valid; -1 = invalid. */
  dataVersion: number;
}

const MAX_ACCOUNTS = 4_000_000;
const MAX_IDENTIFIERS_PER_KIND = 1_500_000;
const byDb = new WeakMap<Db, LoadCaches>();

/**
 * The caches of `db`, valid for a load that has just begun its write transaction: they are
 * dropped when another connection has committed since (`data_version` changed) or the last
 * load rolled back, and are then `complete` only for tables that are empty.
 */
export function cachesFor(db: Db): LoadCaches {
  let caches = byDb.get(db);
  if (!caches) {
    caches = {
      accounts: new KeyCache(MAX_ACCOUNTS),
      identifiers: IDENTIFIER_KINDS.map(() => new KeyCache(MAX_IDENTIFIERS_PER_KIND)),
      dataVersion: -1,
    };
    byDb.set(db, caches);
  }
  const version = db.pragma('data_version', { simple: true }) as number;
  if (caches.dataVersion !== version) {
    const noAccounts = db.prepare('SELECT NOT EXISTS (SELECT 1 FROM accounts)').pluck().get() === 1;
    caches.accounts.reset(noAccounts);
    caches.identifiers.forEach((cache, kind) => {
      const none =
        db
          .prepare('SELECT NOT EXISTS (SELECT 1 FROM identifiers WHERE kind = ?)')
          .pluck()
          .get(kind) === 1;
      cache.reset(none);
    });
    caches.dataVersion = version;
  }
  return caches;
}

/** Forgets everything cached for `db` (after a roll-back the keys it handed out are gone). */
export function invalidateCaches(db: Db): void {
  const caches = byDb.get(db);
  if (caches) caches.dataVersion = -1;
}
