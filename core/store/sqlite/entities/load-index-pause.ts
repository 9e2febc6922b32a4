import type { Db } from '../database';

/** Tables whose indexes a load may pause (`pauseIndexes`); their names are never user input. */
export type PausableTable = 'payment_links' | 'account_identifiers';

/**
 * Drops the secondary indexes of `table`, except partial ones, and returns the function that
 * creates them again, from the SQL SQLite kept for them (so the schema stays defined by the
 * migrations alone).
 *
 * Why: filling an empty table (a first load of payments) inserts into its secondary indexes in
 * random order, about a microsecond per row; building an index once over the filled table is a
 * sort, several times cheaper. A partial index (`… WHERE chargebacks > 0`) takes few rows, and
 * keeping it costs less than the scan of the whole table that would rebuild it. Both run inside
 * the load's transaction, so a roll-back restores the indexes and other connections never see
 * the table without them.
 */
export function pauseIndexes(db: Db, table: PausableTable): () => void {
  const indexes = (
    db
      .prepare(
        "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
      )
      .all(table) as Array<{ name: string; sql: string }>
  ).filter(({ sql }) => !/\bWHERE\b/i.test(sql));
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return () => buildIndexes(db, indexes);
}

/** The sort runs of an index build, in KiB (see `buildIndexes`). */
const BUILD_RUN_KIB = 8192;

/**
 * Creates `indexes` with their sort spread over two cores. SQLite sorts an index build in runs
 * as large as the page cache: with 64 MiB, the million pairs of a first load are one run, sorted
 * on this thread alone, while the other core (the parse thread's) is idle at the end of a load.
 * With 8 MiB runs and one helper thread (`PRAGMA threads`) the runs are sorted on both: the payee
 * index of a million pairs took 290-330 ms instead of 400-440. Shrinking the cache only writes
 * its dirty pages to the WAL now instead of at commit; both settings are restored afterwards.
 */
function buildIndexes(db: Db, indexes: Array<{ sql: string }>): void {
  const threads = Number(db.pragma('threads', { simple: true }));
  const cacheSize = Number(db.pragma('cache_size', { simple: true }));
  db.pragma('threads = 1');
  db.pragma(`cache_size = ${-BUILD_RUN_KIB}`);
  try {
    for (const { sql } of indexes) db.exec(sql);
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
    db.pragma(`threads = ${threads}`);
  }
}

/** Whether `table` has no row: a load into it can then pause its indexes. */
export function tableIsEmpty(db: Db, table: PausableTable): boolean {
  return db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
}
