import type { Db } from '../database';
import { BulkWriter } from './load-bulk-insert';

/**
 * New rows of a table with an `INTEGER PRIMARY KEY key`, whose keys are handed out at once and
 * whose rows are written later, 64 per statement (`BulkWriter`) and without a statement journal.
 *
 * Why: a first load of payments meets each new account id and card or device value once. One
 * `INSERT` per value, between the payments' own statements, cost 5 to 9 µs a value in the
 * profile (statement overhead, and the statement journal of a random insert into the unique
 * index); many per statement with `OR IGNORE`, about 1.3 µs. (Writing them sorted by the
 * unique value was measured too: no faster.)
 *
 * The keys are the ones SQLite would have assigned: `max(key) + 1`, then one more per row, in
 * the order the rows were added. That holds only while nothing else inserts into the table, so
 * the writer calls `flush()` before any other insert or lookup that could see the table (and
 * before commit); `flush()` also runs by itself every `maxPending` rows to bound memory.
 */
export class DeferredRows {
  /** Key of the first pending row (the others follow it), 0 when none is reserved. */
  private first = 0;
  private next = 0;
  /** Pending rows' values, column by column. */
  private readonly columns: unknown[][];
  private readonly insert: BulkWriter;

  constructor(
    private readonly db: Db,
    private readonly table: 'accounts' | 'identifiers',
    columns: readonly string[],
    private readonly maxPending = 65_536,
  ) {
    this.columns = columns.map(() => []);
    const all = ['key', ...columns];
    // OR IGNORE spares SQLite a statement journal; no row can conflict (its key is new, and its
    // unique value was missing from a complete cache), and a skipped row would throw.
    this.insert = new BulkWriter(
      db,
      `INSERT OR IGNORE INTO ${table} (${all.join(', ')})`,
      `(${all.map(() => '?').join(', ')})`,
      '',
      all.length,
      true,
    );
  }

  /** Reserves the key of a new row (`values` in the constructor's column order) and returns it. */
  add(...values: unknown[]): number {
    if (this.next - this.first >= this.maxPending) this.flush();
    if (this.next === 0) {
      this.next = this.db
        .prepare(`SELECT coalesce(max(key), 0) + 1 FROM ${this.table}`)
        .pluck()
        .get() as number;
      this.first = this.next;
    }
    for (let c = 0; c < values.length; c++) this.columns[c]!.push(values[c]);
    return this.next++;
  }

  /** Writes every pending row; afterwards keys are read from the table again. */
  flush(): void {
    const first = this.first;
    const n = this.next - first;
    this.next = this.first = 0;
    if (n === 0) return;
    const insert = this.insert;
    const columns = this.columns;
    for (let r = 0; r < n; r++) {
      insert.set(0, first + r);
      for (let c = 0; c < columns.length; c++) insert.set(c + 1, columns[c]![r]);
      insert.commit();
    }
    insert.drain();
    for (const column of columns) column.length = 0;
  }
}
