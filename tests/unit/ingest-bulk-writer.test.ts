import Database from 'better-sqlite3';
import { BULK_ROWS, BulkWriter } from '../../core/store/sqlite/entities/load-bulk-insert';

describe('BulkWriter', () => {
  function table(): Database.Database {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE)');
    return db;
  }

  function write(w: BulkWriter, from: number, n: number, value = (i: number) => `v${i}`): void {
    for (let i = from; i < from + n; i++) {
      w.set(0, i);
      w.set(1, value(i));
      w.commit();
    }
    w.drain();
  }

  it('writes full statements and the remainder, in order', () => {
    const db = table();
    write(new BulkWriter(db, 'INSERT INTO t (k, v)', '(?, ?)', '', 2), 1, BULK_ROWS * 2 + 5);
    const rows = db.prepare('SELECT k, v FROM t ORDER BY k').raw().all();
    expect(rows).toHaveLength(BULK_ROWS * 2 + 5);
    expect(rows[BULK_ROWS * 2 + 4]).toEqual([BULK_ROWS * 2 + 5, `v${BULK_ROWS * 2 + 5}`]);
  });

  it('with everyRowChanges, throws when OR IGNORE skipped a row of a full statement or of the remainder', () => {
    const db = table();
    const w = new BulkWriter(db, 'INSERT OR IGNORE INTO t (k, v)', '(?, ?)', '', 2, true);
    write(w, 1, BULK_ROWS);
    expect(() => write(w, 100, BULK_ROWS, (i) => (i === 130 ? 'v5' : `v${i}`))).toThrow(
      /changed 63 of 64 rows/,
    );
    expect(() => write(w, 1000, 3, (i) => (i === 1002 ? 'v6' : `w${i}`))).toThrow(
      /changed 0 of 1 rows/,
    );
    // Without the check the same skip passes silently.
    const lax = new BulkWriter(db, 'INSERT OR IGNORE INTO t (k, v)', '(?, ?)', '', 2);
    expect(() => write(lax, 2000, 1, () => 'v7')).not.toThrow();
  });
});
