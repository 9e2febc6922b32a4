import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';
import type { CaseRecord } from '../../core/types';
import { createUser } from '../../core/auth/create-user';
import { userFromPassword, userFromToken } from '../../core/auth/authenticate';
import { hashToken } from '../../core/auth/api-token';

const baseCase = (id: string, createdAt: number, over: Partial<CaseRecord> = {}): CaseRecord => ({
  caseId: id,
  title: `case ${id}`,
  ringId: null,
  runId: null,
  accounts: ['a2', 'a1'],
  status: 'open',
  assignee: null,
  decisionNote: null,
  decidedBy: null,
  decidedAt: null,
  createdBy: 'ann',
  createdAt,
  updatedAt: createdAt,
  ...over,
});

describe('SQLite users, cases and audit stores', () => {
  let dir: string;
  let file: string;
  let store: GraphStore;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-api-store-'));
    file = path.join(dir, 's.db');
    store = openSqliteStore(file);
    await store.migrate();
  });
  afterAll(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('creates users with a hashed password and a hashed token; names are unique regardless of case', async () => {
    const { user, token } = await createUser(
      store,
      { name: 'Ann', role: 'analyst', password: 'ann-password' },
      5,
    );
    expect(user.passwordHash).toMatch(/^scrypt\$/);
    const raw = new Database(file, { readonly: true });
    const stored = raw.prepare('SELECT token_hash FROM api_tokens').all() as Array<{
      token_hash: string;
    }>;
    raw.close();
    expect(stored).toEqual([{ token_hash: hashToken(token) }]);
    expect((await userFromToken(store, token))?.name).toBe('Ann');
    expect(await userFromToken(store, `${token}x`)).toBeNull();
    expect((await userFromPassword(store, 'ann', 'ann-password'))?.userId).toBe(user.userId);
    expect(await userFromPassword(store, 'ann', 'nope-nope')).toBeNull();
    expect(await userFromPassword(store, 'nobody', 'ann-password')).toBeNull();
    await expect(createUser(store, { name: 'ANN', role: 'admin' })).rejects.toMatchObject({
      code: 'USER_EXISTS',
    });
    await expect(createUser(store, { name: 'bad name', role: 'admin' })).rejects.toMatchObject({
      code: 'INVALID_USER_NAME',
    });
    await expect(
      createUser(store, { name: 'shorty', role: 'admin', password: 'short' }),
    ).rejects.toMatchObject({ code: 'WEAK_PASSWORD' });
    const tokenOnly = await createUser(store, { name: 'robot', role: 'admin' });
    expect(tokenOnly.user.passwordHash).toBeNull();
    expect(await userFromPassword(store, 'robot', '')).toBeNull();
  });

  it('pages cases newest first and filters by status and assignee', async () => {
    for (let i = 0; i < 5; i++)
      await store.createCase(
        baseCase(`c${i}`, 100 + i, {
          assignee: i % 2 ? 'ann' : null,
          status: i === 4 ? 'in_progress' : 'open',
        }),
      );
    const p1 = await store.listCases({ limit: 2 });
    expect(p1.items.map((c) => c.caseId)).toEqual(['c4', 'c3']);
    const p2 = await store.listCases({ limit: 2, cursor: p1.nextCursor });
    const p3 = await store.listCases({ limit: 2, cursor: p2.nextCursor });
    expect([...p2.items, ...p3.items].map((c) => c.caseId)).toEqual(['c2', 'c1', 'c0']);
    expect(p3.nextCursor).toBeNull();
    expect((await store.listCases({ assignee: 'ann' })).items.map((c) => c.caseId)).toEqual([
      'c3',
      'c1',
    ]);
    expect((await store.listCases({ status: 'in_progress' })).items.map((c) => c.caseId)).toEqual([
      'c4',
    ]);
    expect((await store.getCase('c0'))?.accounts).toEqual(['a2', 'a1']);
    await expect(store.listCases({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'INVALID_CURSOR',
    });
  });

  it('updates cases, lists decided ones, and keeps notes in order', async () => {
    const updated = await store.updateCase(
      'c1',
      { status: 'dismissed', decidedBy: 'ann', decidedAt: 500, decisionNote: 'legit family' },
      500,
    );
    expect(updated).toMatchObject({
      status: 'dismissed',
      decidedBy: 'ann',
      decidedAt: 500,
      decisionNote: 'legit family',
      updatedAt: 500,
      assignee: 'ann',
    });
    expect((await store.casesDecidedSince(499)).map((c) => c.caseId)).toEqual(['c1']);
    expect(await store.casesDecidedSince(500)).toEqual([]);
    await expect(store.updateCase('nope', { status: 'open' }, 1)).rejects.toMatchObject({
      code: 'CASE_NOT_FOUND',
    });
    await store.addNote({
      noteId: 'n2',
      caseId: 'c1',
      author: 'ann',
      text: 'second',
      createdAt: 20,
    });
    await store.addNote({
      noteId: 'n1',
      caseId: 'c1',
      author: 'bob',
      text: 'first',
      createdAt: 10,
    });
    expect((await store.listNotes('c1')).map((n) => n.text)).toEqual(['first', 'second']);
    await expect(
      store.addNote({ noteId: 'n3', caseId: 'nope', author: 'a', text: 't', createdAt: 1 }),
    ).rejects.toMatchObject({ code: 'CASE_NOT_FOUND' });
  });

  it('freezes evidence packs (the newest is current; none is ever rewritten) and keeps markers', async () => {
    expect(await store.getEvidencePack('c1')).toBeNull();
    await store.saveEvidencePack('c1', { hash: 'h1', createdAt: 10, body: { a: 1 } });
    await expect(
      store.saveEvidencePack('c1', { hash: 'h1', createdAt: 11, body: { a: 2 } }),
    ).rejects.toMatchObject({ code: 'EVIDENCE_PACK_EXISTS' });
    await store.saveEvidencePack('c1', { hash: 'h2', createdAt: 20, body: { a: 3 } });
    expect(await store.getEvidencePack('c1')).toEqual({
      hash: 'h2',
      createdAt: 20,
      body: { a: 3 },
    });
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE evidence_packs SET body = '{}'").run()).toThrow(/frozen/);
    expect(() => raw.prepare('DELETE FROM evidence_packs').run()).toThrow(/frozen/);
    raw.close();
    expect(await store.getMarker('m')).toBeNull();
    await store.setMarker('m', 'v1');
    await store.setMarker('m', 'v2');
    expect(await store.getMarker('m')).toBe('v2');
  });

  it('appends to the audit log, filters and pages it newest first, and refuses updates and deletes', async () => {
    for (let i = 0; i < 5; i++)
      await store.appendAudit({
        at: i,
        actor: i % 2 ? 'ann' : 'bob',
        action: 'ring.view',
        target: `ring:r${i}`,
        detail: { i },
      });
    const first = await store.listAudit({ limit: 3 });
    expect(first.items.map((e) => e.detail.i)).toEqual([4, 3, 2]);
    const rest = await store.listAudit({ limit: 3, cursor: first.nextCursor });
    expect(rest.items.map((e) => e.detail.i)).toEqual([1, 0]);
    expect(rest.nextCursor).toBeNull();
    expect((await store.listAudit({ actor: 'ann' })).items.map((e) => e.target)).toEqual([
      'ring:r3',
      'ring:r1',
    ]);
    expect((await store.listAudit({ target: 'ring:r0' })).items).toHaveLength(1);
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE audit_log SET actor = 'mallory'").run()).toThrow(
      /append-only/,
    );
    expect(() => raw.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    raw.close();
  });
});
