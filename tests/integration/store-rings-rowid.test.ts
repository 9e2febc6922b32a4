/**
 * Migration 007 turns `rings` from a WITHOUT ROWID table into a rowid table. A store saved under
 * migration 006 must keep every ring, byte for byte, keep (run_id, ring_id) unique, and answer
 * the ring reads exactly as before. The members of a run are written in key order, many per
 * statement: the rings of an account must still come back complete.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { listMigrations, migrate, openDatabase, type Db } from '../../core/store/sqlite/database';
import { SqliteRings } from '../../core/store/sqlite/rings';
import type { RingRecord } from '../../core/types';
import { ring as fixtureRing, run } from '../contract/contract-fixtures';

/** A ring whose evidence is large enough to overflow a page, as big rings' evidence does. */
const ring = (runId: string, ringId: string, score: number, members: string[]): RingRecord =>
  fixtureRing(ringId, runId, score, members, {
    evidence: [
      {
        kind: 'shared_device',
        value: 'd1',
        accounts: members.length,
        text: `${members.length} accounts used device d1 ${'x'.repeat(score * 100)}`,
      },
    ],
  });

/** Applies the migrations up to `version` only, as a store created by an older release. */
function migrateTo(db: Db, version: number): void {
  db.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  );
  for (const m of listMigrations().filter((m) => m.version <= version)) {
    db.exec(m.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, 0)').run(m.version, m.name);
  }
}

const dump = (db: Db) =>
  db.prepare('SELECT * FROM rings ORDER BY run_id, ring_id').all() as Array<
    Record<string, unknown>
  >;

describe('SQLite rings table (migration 007)', () => {
  let dir: string;
  let db: Db;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-rings-'));
    db = openDatabase(path.join(dir, 'store.db'));
  });
  afterEach(() => {
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every ring of a store saved under migration 006 and its reads', async () => {
    migrateTo(db, 6);
    expect(db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'rings'").pluck().get()).toMatch(
      /WITHOUT ROWID/,
    );
    const rings = new SqliteRings(db);
    await rings.saveRun(
      run('run-a'),
      [
        ring('run-a', 'R1', 90, ['u1', 'u2', 'u3']),
        ring('run-a', 'R2', 40, ['u3', 'u4', 'u5', 'u6']),
      ],
      [],
    );
    await rings.saveRun(
      run('run-b', { startedAt: 2000 }),
      [ring('run-b', 'R1', 70, ['u1', 'u2'])],
      [],
    );
    const before = dump(db);
    const pageBefore = await rings.listRings({ runId: 'run-a', limit: 10 });

    migrate(db);

    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(7);
    const sql = db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'rings'").pluck().get();
    expect(sql).not.toMatch(/WITHOUT ROWID/);
    expect(dump(db)).toEqual(before);
    expect(before).toHaveLength(3);
    const after = new SqliteRings(db);
    expect(await after.listRings({ runId: 'run-a', limit: 10 })).toEqual(pageBefore);
    expect((await after.getRing('R1'))?.runId).toBe('run-b');
    expect((await after.getRing('R1', 'run-a'))?.score).toBe(90);
    expect((await after.ringsOfAccount('u3', 'run-a')).map((r) => r.ringId)).toEqual(['R1', 'R2']);
    const indexes = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'rings'")
      .pluck()
      .all();
    expect(indexes).toEqual(
      expect.arrayContaining(['rings_by_score', 'rings_by_size', 'rings_by_id']),
    );
    expect(() =>
      db
        .prepare(
          "INSERT INTO rings (run_id, ring_id, score, flagged, size, status, members, features, evidence, parents) VALUES ('run-a', 'R1', 1, 0, 1, 'new', '[]', '{}', '[]', '[]')",
        )
        .run(),
    ).toThrow(/UNIQUE constraint failed: rings.run_id, rings.ring_id/);
  });

  it('writes the members of many rings, in any order, so that every account finds its rings', async () => {
    migrate(db);
    const rings = new SqliteRings(db);
    // 150 rings of 3 members over 200 accounts: more rows than one 64-row statement, members
    // listed out of key order, and accounts in several rings.
    const list = Array.from({ length: 150 }, (_, i) =>
      ring('run-a', `R${String(i).padStart(3, '0')}`, 100 - (i % 90), [
        `u${(i * 7) % 200}`,
        `u${(i * 13 + 5) % 200}`,
        `u${199 - (i % 200)}`,
      ]),
    );
    await rings.saveRun(run('run-a'), list, []);
    const expected = new Map<string, string[]>();
    for (const r of list)
      for (const m of new Set(r.members)) expected.set(m, [...(expected.get(m) ?? []), r.ringId]);
    const rows = db
      .prepare('SELECT user_id, ring_id FROM ring_members WHERE run_id = ?')
      .all('run-a') as Array<{ user_id: string; ring_id: string }>;
    expect(rows).toHaveLength([...expected.values()].reduce((s, l) => s + l.length, 0));
    for (const [user, ringIds] of expected) {
      const found = (await rings.ringsOfAccount(user, 'run-a')).map((r) => r.ringId).sort();
      expect(found).toEqual([...ringIds].sort());
    }
  });
});
