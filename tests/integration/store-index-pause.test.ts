import path from 'node:path';
import { migrate, openDatabase } from '../../core/store/sqlite/database';
import { pauseIndexes, tableIsEmpty } from '../../core/store/sqlite/entities/load-index-pause';
import { removeTempDirs, tempDir } from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

describe('pauseIndexes', () => {
  it('drops the full secondary indexes, keeps partial ones, and builds them again as they were, settings restored', () => {
    const db = openDatabase(path.join(tempDir('index-pause'), 'store.db'));
    migrate(db);
    const indexes = () =>
      db
        .prepare(
          "SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'payment_links' AND sql IS NOT NULL ORDER BY name",
        )
        .all();
    const before = indexes();
    expect(before.map((i) => (i as { name: string }).name)).toEqual([
      'payment_links_by_payee',
      'payment_links_chargebacks_received',
    ]);
    expect(tableIsEmpty(db, 'payment_links')).toBe(true);
    const cacheSize = db.pragma('cache_size', { simple: true });
    const threads = db.pragma('threads', { simple: true });

    db.exec('BEGIN');
    const restore = pauseIndexes(db, 'payment_links');
    expect(indexes().map((i) => (i as { name: string }).name)).toEqual([
      'payment_links_chargebacks_received',
    ]);
    const insert = db.prepare(
      'INSERT INTO payment_links (payer_key, payee_key, count, amount, chargebacks, first_at, last_at) VALUES (?, ?, 1, 1.5, ?, 0, 0)',
    );
    // Enough pairs for several sort runs of the build (`buildIndexes`: 8 MiB each).
    for (let i = 0; i < 600_000; i++)
      insert.run(i % 9973, (i * 7919) % 200_003, i % 50 === 0 ? 1 : 0);
    restore();
    db.exec('COMMIT');

    expect(tableIsEmpty(db, 'payment_links')).toBe(false);
    expect(indexes()).toEqual(before);
    expect(db.pragma('cache_size', { simple: true })).toBe(cacheSize);
    expect(db.pragma('threads', { simple: true })).toBe(threads);
    // The rebuilt payee index answers, and agrees with a scan of the table.
    const payee = (7919 * 3) % 200_003;
    const viaIndex = db
      .prepare(
        'SELECT payer_key FROM payment_links INDEXED BY payment_links_by_payee WHERE payee_key = ? ORDER BY 1',
      )
      .pluck()
      .all(payee);
    const viaScan = db
      .prepare('SELECT payer_key FROM payment_links NOT INDEXED WHERE payee_key = ? ORDER BY 1')
      .pluck()
      .all(payee);
    expect(viaIndex.length).toBeGreaterThan(0);
    expect(viaIndex).toEqual(viaScan);
    expect(db.prepare('PRAGMA integrity_check').pluck().get()).toBe('ok');
    db.close();
  });
});
