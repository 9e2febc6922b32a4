import path from 'node:path';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import type { GraphStore } from '../../core/store/port';
import {
  dumpEntities,
  openTestStore,
  tempDir,
  writeLines,
  removeTempDirs,
} from '../helpers/ingest-fixtures';

const USERS = [
  'user_id,created_at,name,email,phone,address,country,label',
  'alice,2026-01-01,Alice,Alice.Smith+promo@Gmail.com,(555) 010-1234,"1 Main Street, Springfield",US,',
  'bob,2026-01-02,Bob,alicesmith@gmail.com,+1 555 010 1234,,US,fraud',
  'carol,2026-01-03,Carol,carol@example.com,5550109999,,US,legit',
];
const DEVICES = [
  'user_id,device_id,ip,seen_at',
  'carol,DEV-C,10.0.0.7,2026-02-01T08:00:00Z',
  'dave,DEV-C,,2026-02-02T08:00:00Z',
  'dave,DEV-D,10.0.0.9,2026-02-03T08:00:00Z',
  'erin,DEV-E,10.0.0.9,2026-02-04T08:00:00Z',
];
const PAYMENTS = [
  'payment_id,payer_id,payee_id,amount,currency,created_at,card_id,device_id,status',
  'p1,alice,carol,10.10,EUR,2026-03-01,CARD-A,,settled',
  'p2,alice,carol,0.20,EUR,2026-03-05,CARD-A,,chargeback',
  'p3,erin,frank,5,EUR,2026-03-06,,DEV-E,',
];

afterAll(removeTempDirs);

describe('SQLite entity store loaded by ingest', () => {
  let dir: string;
  let store: GraphStore;
  const dbFile = () => path.join(dir, 'store.db');

  beforeEach(async () => {
    dir = tempDir('ingest-store');
    store = await openTestStore(dir);
    writeLines(dir, 'in/users.csv', USERS);
    writeLines(dir, 'in/devices.csv', DEVICES);
    writeLines(dir, 'in/payments.csv', PAYMENTS);
    await ingestPaths(store, [path.join(dir, 'in')], { rejectsDir: dir });
  });
  afterEach(() => store.close());

  it('counts every entity, with stub accounts for references without a users row', async () => {
    expect(await store.counts()).toEqual({
      accounts: 6,
      stubAccounts: 3,
      devices: 3,
      sightings: 4,
      identifiers: 11,
      identifierLinks: 15,
      payments: 3,
    });
    const dave = await store.getAccount('dave');
    expect(dave).toMatchObject({
      userId: 'dave',
      stub: true,
      createdAt: null,
      name: null,
      label: null,
    });
    expect(dave!.identifiers.map((i) => [i.kind, i.value, i.accounts, i.firstSeen])).toEqual([
      ['ip', '10.0.0.9', 2, Date.UTC(2026, 1, 3, 8)],
      ['device', 'dev-c', 2, Date.UTC(2026, 1, 2, 8)],
      ['device', 'dev-d', 1, Date.UTC(2026, 1, 3, 8)],
    ]);
  });

  it('is idempotent: a second load of the same files leaves every table byte-identical', async () => {
    const before = dumpEntities(dbFile());
    const report = await ingestPaths(store, [path.join(dir, 'in')], { rejectsDir: dir });
    expect(report.files.every((f) => f.loaded && f.rejected === 0)).toBe(true);
    expect(dumpEntities(dbFile())).toBe(before);
  });

  it('fills a stub when its users row arrives and replaces profile identifiers on update', async () => {
    writeLines(dir, 'later/users.csv', [
      'user_id,created_at,name,email,phone,address,country,label',
      'dave,2026-01-04,Dave,dave@example.com,,,GB,fraud',
      'bob,2026-01-02,Bob,bob@example.com,,,US,fraud',
    ]);
    await ingestPaths(store, [path.join(dir, 'later')], { rejectsDir: dir });
    expect(await store.getAccount('dave')).toMatchObject({
      stub: false,
      name: 'Dave',
      country: 'GB',
      label: 'fraud',
      createdAt: Date.UTC(2026, 0, 4),
    });
    const bob = await store.getAccount('bob');
    expect(bob!.identifiers.map((i) => `${i.kind}:${i.value}`)).toEqual(['email:bob@example.com']);
    expect(
      (await store.search({ kind: 'email', value: 'alicesmith@gmail.com' }, 10))[0]!.userIds,
    ).toEqual(['alice']);
    expect((await store.search({ kind: 'phone', value: '5550101234' }, 10))[0]!.userIds).toEqual([
      'alice',
    ]);
    expect(await store.counts()).toMatchObject({ accounts: 6, stubAccounts: 2 });
  });

  it('lets the later of two users rows with one id win, within one file', async () => {
    writeLines(dir, 'dup/users.csv', [
      'user_id,created_at,email,label',
      'zed,2026-01-01,first@example.com,legit',
      'amy,2026-01-01,amy@example.com,',
      'zed,2026-01-05,second@example.com,fraud',
    ]);
    const report = await ingestPaths(store, [path.join(dir, 'dup')], { rejectsDir: dir });
    expect(report.files[0]).toMatchObject({ read: 3, accepted: 3, rejected: 0 });
    const zed = await store.getAccount('zed');
    expect([zed!.email, zed!.label, zed!.createdAt]).toEqual([
      'second@example.com',
      'fraud',
      Date.UTC(2026, 0, 5),
    ]);
    expect(zed!.identifiers.map((i) => i.value)).toEqual(['second@example.com']);
    expect(await store.search({ kind: 'email', value: 'first@example.com' }, 5)).toEqual([]);
  });

  it('moves an updated payment from its old pair to its new one', async () => {
    writeLines(dir, 'fix/payments.csv', [
      'payment_id,payer_id,payee_id,amount,currency,created_at,card_id,device_id,status',
      'p2,alice,bob,0.20,EUR,2026-03-07,CARD-A,,settled',
    ]);
    await ingestPaths(store, [path.join(dir, 'fix')], { rejectsDir: dir });
    const g = await store.subgraphOf(['alice', 'bob', 'carol'], { limit: 50, hubCap: 100 });
    expect(
      g.edges
        .filter((e) => e.type === 'pays')
        .map((e) => [e.id, e.props.count, e.props.amount, e.props.chargebacks]),
    ).toEqual([
      ['pays:account:alice->account:bob', 1, 0.2, 0],
      ['pays:account:alice->account:carol', 1, 10.1, 0],
    ]);
    expect(await store.counts()).toMatchObject({ payments: 3 });
  });

  it('searches by normalised email and phone, and by account id, exactly', async () => {
    expect(
      await store.search({ kind: 'email', value: ' ALICE.smith@googlemail.com ' }, 10),
    ).toEqual([{ kind: 'email', value: 'alicesmith@gmail.com', userIds: ['alice', 'bob'] }]);
    expect(await store.search({ kind: 'phone', value: '1-555-010-1234' }, 1)).toEqual([
      { kind: 'phone', value: '+15550101234', userIds: ['alice'] },
    ]);
    expect(await store.search({ kind: 'account', value: 'carol' }, 5)).toEqual([
      { kind: 'account', value: 'carol', userIds: ['carol'] },
    ]);
    expect(await store.search({ kind: 'account', value: 'caro' }, 5)).toEqual([]);
    expect(await store.search({ kind: 'ip', value: '10.0.0.10' }, 5)).toEqual([]);
  });

  it('aggregates payments per account and per pair', async () => {
    expect((await store.getAccount('alice'))!.payments).toEqual({
      sent: 2,
      received: 0,
      chargebacks: 1,
      amountSent: 10.3,
      amountReceived: 0,
    });
    expect((await store.getAccount('carol'))!.payments).toEqual({
      sent: 0,
      received: 2,
      chargebacks: 1,
      amountSent: 0,
      amountReceived: 10.3,
    });
    const g = await store.subgraphOf(['alice', 'carol', 'nobody'], { limit: 50, hubCap: 100 });
    expect(g.edges.filter((e) => e.type === 'pays')).toEqual([
      {
        id: 'pays:account:alice->account:carol',
        source: 'account:alice',
        target: 'account:carol',
        type: 'pays',
        props: {
          count: 2,
          amount: 10.3,
          chargebacks: 1,
          firstAt: Date.UTC(2026, 2, 1),
          lastAt: Date.UTC(2026, 2, 5),
        },
      },
    ]);
  });

  it('expands the neighbourhood hop by hop through identifiers and payments', async () => {
    const one = await store.neighbourhood({ userId: 'carol', depth: 1, limit: 100, hubCap: 100 });
    expect(one.nodes.filter((n) => n.type === 'account').map((n) => n.id)).toEqual([
      'account:alice',
      'account:carol',
      'account:dave',
    ]);
    expect(one.capped).toBe(false);
    const two = await store.neighbourhood({ userId: 'carol', depth: 2, limit: 100, hubCap: 100 });
    expect(two.nodes.filter((n) => n.type === 'account').map((n) => n.id)).toEqual([
      'account:alice',
      'account:bob',
      'account:carol',
      'account:dave',
      'account:erin',
    ]);
    const three = await store.neighbourhood({ userId: 'carol', depth: 3, limit: 100, hubCap: 100 });
    expect(three.nodes.some((n) => n.id === 'account:frank')).toBe(true);
    expect(three.edges.find((e) => e.id === 'uses:account:dave->device:dev-c')?.props).toEqual({
      firstSeen: Date.UTC(2026, 1, 2, 8),
      lastSeen: Date.UTC(2026, 1, 2, 8),
    });
    const node = three.nodes.find((n) => n.id === 'account:carol')!;
    expect(node.props).toMatchObject({ label: 'legit', stub: false, chargebacks: 1 });
  });

  it('collapses an identifier above the hub cap into one hub node and does not expand it', async () => {
    const g = await store.neighbourhood({ userId: 'dave', depth: 2, limit: 100, hubCap: 1 });
    const hubs = g.nodes.filter((n) => n.type === 'hub');
    expect(hubs.map((n) => [n.id, n.props.count])).toEqual([
      ['device:dev-c', 2],
      ['ip:10.0.0.9', 2],
    ]);
    expect(g.nodes.filter((n) => n.type === 'account').map((n) => n.id)).toEqual(['account:dave']);
    expect(g.capped).toBe(true);
  });

  it('stops at the node limit and says so', async () => {
    const g = await store.neighbourhood({ userId: 'carol', depth: 3, limit: 4, hubCap: 100 });
    expect(g.nodes).toHaveLength(4);
    expect(g.capped).toBe(true);
    const ids = new Set(g.nodes.map((n) => n.id));
    expect(g.edges.every((e) => ids.has(e.source) && ids.has(e.target))).toBe(true);
  });

  it('shows the identifiers members share, as nodes with the contract ids', async () => {
    const g = await store.subgraphOf(['alice', 'bob', 'carol'], { limit: 50, hubCap: 100 });
    expect(g.nodes.map((n) => `${n.type} ${n.id}`)).toEqual([
      'account account:alice',
      'account account:bob',
      'account account:carol',
      'email email:alicesmith@gmail.com',
      'phone phone:+15550101234',
    ]);
    expect(g.edges.filter((e) => e.type === 'uses').map((e) => e.id)).toEqual([
      'uses:account:alice->email:alicesmith@gmail.com',
      'uses:account:alice->phone:+15550101234',
      'uses:account:bob->email:alicesmith@gmail.com',
      'uses:account:bob->phone:+15550101234',
    ]);
    expect(g.nodes.find((n) => n.id === 'phone:+15550101234')!.props).toEqual({
      kind: 'phone',
      value: '+15550101234',
      raw: '(555) 010-1234',
      accounts: 2,
    });
  });

  it('rejects an unknown account and out-of-range bounds with typed errors', async () => {
    await expect(
      store.neighbourhood({ userId: 'nobody', depth: 1, limit: 10, hubCap: 10 }),
    ).rejects.toMatchObject({ code: 'ACCOUNT_NOT_FOUND' });
    await expect(
      store.neighbourhood({ userId: 'carol', depth: 4, limit: 10, hubCap: 10 }),
    ).rejects.toMatchObject({ code: 'INVALID_GRAPH_QUERY' });
  });

  it('rolls back everything a load wrote when it throws', async () => {
    const before = dumpEntities(dbFile());
    await expect(
      store.load(async (w) => {
        await w.upsertPayments([
          {
            paymentId: 'px',
            payerId: 'new1',
            payeeId: 'new2',
            amount: 1,
            currency: 'EUR',
            createdAt: 1,
            cardId: null,
            deviceId: null,
            status: 'settled',
            identifiers: [{ kind: 'card', value: 'zz', raw: 'ZZ' }],
          },
        ]);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(dumpEntities(dbFile())).toBe(before);
    await store.load(async (w) =>
      w.upsertPayments([
        {
          paymentId: 'py',
          payerId: 'new1',
          payeeId: 'alice',
          amount: 2,
          currency: 'EUR',
          createdAt: 2,
          cardId: null,
          deviceId: null,
          status: 'settled',
          identifiers: [],
        },
      ]),
    );
    expect((await store.getAccount('new1'))!.payments.sent).toBe(1);
    expect(await store.counts()).toMatchObject({ accounts: 7, payments: 4 });
  });
});
