import type { Statement } from 'better-sqlite3';
import type { Db } from '../database';

const cache = new WeakMap<Db, Map<string, Statement>>();

/** The prepared statement for `sql` on `db`, compiled once per connection and reused. */
export function prepared(db: Db, sql: string): Statement {
  let byText = cache.get(db);
  if (!byText) {
    byText = new Map();
    cache.set(db, byText);
  }
  let stmt = byText.get(sql);
  if (!stmt) {
    stmt = db.prepare(sql);
    byText.set(sql, stmt);
  }
  return stmt;
}
