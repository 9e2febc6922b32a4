import path from 'node:path';
import Database from 'better-sqlite3';
import { migrate, openDatabase } from '../../core/store/sqlite/database';
import { removeTempDirs, tempDir } from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

describe('SQLite page size', () => {
  it('creates a new store with 8 KiB pages, in WAL mode', () => {
    const file = path.join(tempDir('page-size'), 'store.db');
    const db = openDatabase(file);
    migrate(db);
    expect(db.pragma('page_size', { simple: true })).toBe(8192);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('keeps the page size of an existing store', () => {
    const file = path.join(tempDir('page-size-old'), 'store.db');
    const old = new Database(file);
    old.pragma('page_size = 4096');
    old.exec('CREATE TABLE t (x)');
    old.close();
    const db = openDatabase(file);
    migrate(db);
    expect(db.pragma('page_size', { simple: true })).toBe(4096);
    expect(db.prepare('SELECT count(*) FROM payments').pluck().get()).toBe(0);
    db.close();
  });
});
