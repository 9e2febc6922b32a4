/**
 * SQLite store beyond the port contract: the data generation of migration 006 (bumped by loads
 * and detection runs, not by audit rows or failed loads), and group-committed audit appends.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openSqliteStore, type DataGenerationSource } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';
import {
  account,
  accountWithEmail,
  loadAll,
  payment,
  ring,
  run,
  T0,
  uniqueIds,
} from '../contract/contract-fixtures';
import type { GraphNode } from '../../core/types';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-graph-generation-'));
const file = path.join(dir, 'gen.db');
let store: GraphStore & DataGenerationSource;

beforeAll(async () => {
  store = openSqliteStore(file);
  await store.migrate();
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The shared counter of migration 006, read as another process would. */
function counter(): number {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT gen FROM data_generation WHERE id = 1').pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('sqlite data generation', () => {
  it('changes with every committed load and detection run, not with audit rows or cases', async () => {
    const id = uniqueIds();
    const t0 = store.dataGeneration();
    const c0 = counter();
    await loadAll(store, { accounts: [account(id('a')), account(id('b'))] });
    const t1 = store.dataGeneration();
    expect(counter()).toBe(c0 + 1);
    expect(t1).not.toBeNull();
    expect(t1).not.toBe(t0);

    await store.appendAudit({
      at: T0,
      actor: 'x',
      action: 'ring.view',
      target: 'ring:r',
      detail: {},
    });
    await store.createCase({
      caseId: id('case'),
      title: 'a case',
      ringId: null,
      runId: null,
      accounts: [id('a')],
      status: 'open',
      assignee: null,
      decisionNote: null,
      decidedBy: null,
      decidedAt: null,
      createdBy: 'x',
      createdAt: T0,
      updatedAt: T0,
    });
    expect(store.dataGeneration()).toBe(t1);
    expect(counter()).toBe(c0 + 1);

    await store.saveRun(run(id('run')), [ring(id('ring'), id('run'), 80, [id('a'), id('b')])], []);
    expect(counter()).toBe(c0 + 2);
    expect(store.dataGeneration()).not.toBe(t1);
  });

  it('is null while a load is in progress, and moves even when the load is rolled back', async () => {
    const id = uniqueIds();
    const c0 = counter();
    const before = store.dataGeneration();
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const load = store.load(async (w) => {
      await w.upsertAccounts([account(id('uncommitted'))]);
      wrote();
      await held;
      throw new Error('rejected file');
    });
    await written;
    // This connection sees the uncommitted row: no view may be kept now.
    expect(await store.getAccount(id('uncommitted'))).not.toBeNull();
    expect(store.dataGeneration()).toBeNull();
    release();
    await expect(load).rejects.toThrow('rejected file');
    expect(await store.getAccount(id('uncommitted'))).toBeNull();
    expect(counter()).toBe(c0);
    // A view built during the load must not match the generation after it.
    expect(store.dataGeneration()).not.toBeNull();
    expect(store.dataGeneration()).not.toBe(before);
  });

  it('is shared by every connection to the file', async () => {
    const other = openSqliteStore(file);
    try {
      const before = other.dataGeneration();
      await loadAll(store, { accounts: [account(uniqueIds()('d'))] });
      expect(other.dataGeneration()).not.toBe(before);
    } finally {
      await other.close();
    }
  });
});

describe('sqlite account nodes kept between graph reads', () => {
  const node = (nodes: GraphNode[], userId: string) =>
    nodes.find((n) => n.id === `account:${userId}`)!;

  it('shows a committed change at once, and hands out copies', async () => {
    const id = uniqueIds();
    const [a, b] = [id('a'), id('b')];
    const email = `${id('shared')}@mail.test`;
    await loadAll(store, { accounts: [accountWithEmail(a, email), accountWithEmail(b, email)] });
    const hood = () => store.neighbourhood({ userId: a, depth: 1, limit: 50, hubCap: 50 });
    const first = await hood();
    expect(node(first.nodes, b).props).toMatchObject({ name: `Name of ${b}`, chargebacks: 0 });
    // A caller changing what it got does not change what the next one gets.
    node(first.nodes, b).props.name = 'scribbled';
    expect(node((await hood()).nodes, b).props.name).toBe(`Name of ${b}`);

    await loadAll(store, {
      accounts: [accountWithEmail(b, email, { name: 'Renamed' })],
      payments: [payment(id('p'), b, a, 10, { status: 'chargeback' })],
    });
    const after = await hood();
    expect(node(after.nodes, b).props).toMatchObject({ name: 'Renamed', chargebacks: 1 });
    expect(node(after.nodes, a).props.chargebacks).toBe(1);
    const ringGraph = await store.subgraphOf([a, b], { limit: 50, hubCap: 50 });
    expect(node(ringGraph.nodes, b).props).toMatchObject({ name: 'Renamed', chargebacks: 1 });
  });

  it('keeps nothing read during a load of this process, which may still roll back', async () => {
    const id = uniqueIds();
    const [a, b] = [id('a'), id('b')];
    const email = `${id('shared')}@mail.test`;
    await loadAll(store, { accounts: [accountWithEmail(a, email), accountWithEmail(b, email)] });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let wrote!: () => void;
    const written = new Promise<void>((resolve) => (wrote = resolve));
    const load = store.load(async (w) => {
      await w.upsertAccounts([accountWithEmail(b, email, { name: 'Never committed' })]);
      wrote();
      await held;
      throw new Error('rejected file');
    });
    await written;
    const during = await store.neighbourhood({ userId: a, depth: 1, limit: 50, hubCap: 50 });
    expect(node(during.nodes, b).props.name).toBe('Never committed');
    release();
    await expect(load).rejects.toThrow('rejected file');
    const after = await store.neighbourhood({ userId: a, depth: 1, limit: 50, hubCap: 50 });
    expect(node(after.nodes, b).props.name).toBe(`Name of ${b}`);
  });
});

describe('sqlite audit appends', () => {
  it('commits the entries of one turn together, in order, before any of them resolves', async () => {
    const target = `ring:${uniqueIds()('batch')}`;
    const appends = [1, 2, 3].map((n) =>
      store.appendAudit({ at: T0 + n, actor: `a${n}`, action: 'ring.view', target, detail: { n } }),
    );
    // Not yet written: the batch is written just after this turn.
    const reader = new Database(file, { readonly: true });
    try {
      const count = () =>
        reader.prepare('SELECT count(*) FROM audit_log WHERE target = ?').pluck().get(target);
      expect(count()).toBe(0);
      const entries = await Promise.all(appends);
      expect(count()).toBe(3);
      expect(entries.map((e) => e.actor)).toEqual(['a1', 'a2', 'a3']);
      expect(entries[1].id).toBe(entries[0].id + 1);
      expect(entries[2].id).toBe(entries[1].id + 1);
    } finally {
      reader.close();
    }
    const listed = await store.listAudit({ target });
    expect(listed.items.map((e) => [e.id, e.actor, e.detail])).toEqual([
      [expect.any(Number), 'a3', { n: 3 }],
      [expect.any(Number), 'a2', { n: 2 }],
      [expect.any(Number), 'a1', { n: 1 }],
    ]);
  });

  it('lists an entry appended a moment before, even if its append was not awaited', async () => {
    const target = `ring:${uniqueIds()('unawaited')}`;
    const pending = store.appendAudit({
      at: T0,
      actor: 'u',
      action: 'ring.view',
      target,
      detail: {},
    });
    const listed = await store.listAudit({ target });
    expect(listed.items).toHaveLength(1);
    expect(listed.items[0].id).toBe((await pending).id);
  });

  it('writes pending entries when the store is closed', async () => {
    const target = `ring:${uniqueIds()('closing')}`;
    const second = openSqliteStore(file);
    const pending = second.appendAudit({
      at: T0,
      actor: 'c',
      action: 'ring.view',
      target,
      detail: {},
    });
    await second.close();
    const entry = await pending;
    expect((await store.listAudit({ target })).items.map((e) => e.id)).toEqual([entry.id]);
  });
});
