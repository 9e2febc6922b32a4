import type { Db } from '../database';

/**
 * Drops the secondary indexes of `table` and returns the function that creates them again, from
 * the SQL SQLite kept for them (so the schema stays defined by the migrations alone).
 *
 * Why: filling an empty `payment_links` (a first load of payments) inserts one pair per payment
 * into its payee indexes in random order, about a microsecond each; building an index once over
 * the filled table is a sort, several times cheaper. Both run inside the load's transaction, so
 * a roll-back restores the indexes and other connections never see the table without them.
 */
export function pauseIndexes(db: Db, table: string): () => void {
  const indexes = db
    .prepare(
      "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL",
    )
    .all(table) as Array<{ name: string; sql: string }>;
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  return () => {
    for (const { sql } of indexes) db.exec(sql);
  };
}

/** Whether `payment_links` has no row: a load into it can then pause its indexes. */
export function noPaymentLinks(db: Db): boolean {
  return db.prepare('SELECT NOT EXISTS (SELECT 1 FROM payment_links)').pluck().get() === 1;
}
