/**
 * SQLite graph reads beyond the port contract: payment hubs (merchants) are not expanded,
 * identifier counts stop at a ceiling, account nodes carry chargebacks, and migration 005
 * leaves the covering chargebacks index in place.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { GraphStore } from '../../core/store/port';
import { DEGREE_CEILING } from '../../core/store/sqlite/entities/graph-elements';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { Subgraph } from '../../core/types';
import { account, loadAll, payment, sighting, T0, uniqueIds } from '../contract/contract-fixtures';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-graph-reads-'));
const file = path.join(dir, 'graph.db');
let store: GraphStore;

beforeAll(async () => {
  store = openSqliteStore(file);
  await store.migrate();
});
afterAll(async () => {
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const accountIds = (g: Subgraph) =>
  g.nodes
    .filter((n) => n.type === 'account')
    .map((n) => n.id.replace(/^account:/, ''))
    .sort();

describe('sqlite graph reads', () => {
  it('shows a merchant reached through a payment but does not follow its other payers', async () => {
    const id = uniqueIds();
    const customers = ['c1', 'c2', 'c3', 'c4', 'c5', 'c6'].map(id);
    await loadAll(store, {
      accounts: [account(id('m')), ...customers.map((c) => account(c))],
      payments: customers.map((c, i) =>
        payment(id(`p${i}`), c, id('m'), 10 + i, i < 2 ? { status: 'chargeback' } : {}),
      ),
    });
    const capped = await store.neighbourhood({ userId: id('c3'), depth: 2, limit: 100, hubCap: 3 });
    expect(accountIds(capped)).toEqual([id('c3'), id('m')].sort());
    expect(capped.capped).toBe(true);
    const merchant = capped.nodes.find((n) => n.id === `account:${id('m')}`);
    expect(merchant?.props.chargebacks).toBe(2);

    const open = await store.neighbourhood({ userId: id('c3'), depth: 2, limit: 100, hubCap: 10 });
    expect(accountIds(open)).toEqual([id('m'), ...customers].sort());
    expect(open.capped).toBe(false);
    expect(open.edges.filter((e) => e.type === 'pays')).toHaveLength(6);

    const fromMerchant = await store.neighbourhood({
      userId: id('m'),
      depth: 1,
      limit: 100,
      hubCap: 3,
    });
    expect(accountIds(fromMerchant)).toEqual([id('m'), ...customers].sort());
    const payer = fromMerchant.nodes.find((n) => n.id === `account:${customers[0]}`);
    expect(payer?.props.chargebacks).toBe(1);
  });

  it('counts a hub identifier up to a ceiling and says when the count is a lower bound', async () => {
    const id = uniqueIds();
    const users = Array.from({ length: DEGREE_CEILING + 10 }, (_, i) => id(`u${i}`));
    await loadAll(store, {
      accounts: users.map((u) => account(u)),
      sightings: users.map((u, i) => sighting(u, id(`dev-${i}`), T0, id('wifi'))),
    });
    const g = await store.neighbourhood({ userId: users[0], depth: 1, limit: 100, hubCap: 50 });
    const hub = g.nodes.find((n) => n.id === `ip:${id('wifi')}`);
    expect(hub).toMatchObject({
      type: 'hub',
      label: `${id('wifi')} (${DEGREE_CEILING}+ accounts)`,
      props: { count: DEGREE_CEILING, accounts: DEGREE_CEILING, accountsAtLeast: true },
    });
    expect(accountIds(g)).toEqual([users[0]]);

    const exact = await store.neighbourhood({
      userId: users[0],
      depth: 1,
      limit: 5000,
      hubCap: DEGREE_CEILING + 10,
    });
    const ip = exact.nodes.find((n) => n.id === `ip:${id('wifi')}`);
    expect(ip?.type).toBe('ip');
    expect(ip?.props.accounts).toBe(DEGREE_CEILING + 10);
    expect(ip?.props.accountsAtLeast).toBeUndefined();
    expect(accountIds(exact)).toEqual([...users].sort());

    const ring = await store.subgraphOf(users.slice(0, 3), { limit: 100, hubCap: 50 });
    expect(ring.nodes.find((n) => n.id === `ip:${id('wifi')}`)?.props).toMatchObject({
      count: DEGREE_CEILING,
      accountsAtLeast: true,
    });
    expect(ring.edges.filter((e) => e.type === 'uses')).toHaveLength(3);
  });

  it('subgraphOf keeps member order under its limit and reads payments among members only', async () => {
    const id = uniqueIds();
    await loadAll(store, {
      accounts: ['a', 'b', 'c', 'x'].map((n) => account(id(n))),
      payments: [
        payment(id('ab'), id('a'), id('b'), 5),
        payment(id('ab2'), id('a'), id('b'), 7),
        payment(id('bx'), id('b'), id('x'), 9),
      ],
    });
    const g = await store.subgraphOf([id('a'), id('nobody'), id('b'), id('a'), id('c')], {
      limit: 2,
      hubCap: 50,
    });
    expect(accountIds(g)).toEqual([id('a'), id('b')].sort());
    expect(g.capped).toBe(true);
    expect(g.edges).toEqual([
      expect.objectContaining({
        source: `account:${id('a')}`,
        target: `account:${id('b')}`,
        props: expect.objectContaining({ count: 2, amount: 12 }),
      }),
    ]);
  });

  it('migration 005 leaves one partial chargebacks index covering the count', () => {
    const db = new Database(file, { readonly: true });
    try {
      const names = db
        .prepare(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'payment_links' ORDER BY name",
        )
        .pluck()
        .all();
      expect(names).toEqual(['payment_links_by_payee', 'payment_links_chargebacks_received']);
      const plan = db
        .prepare(
          'EXPLAIN QUERY PLAN SELECT sum(chargebacks) FROM payment_links WHERE payee_key = 1 AND chargebacks > 0',
        )
        .all() as Array<{ detail: string }>;
      expect(plan.map((p) => p.detail).join(' ')).toContain(
        'COVERING INDEX payment_links_chargebacks_received',
      );
    } finally {
      db.close();
    }
  });
});
