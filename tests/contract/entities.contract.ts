/** Contract: loads (atomic, idempotent, update semantics, stubs), counts, account views, search. */
import type { ContractContext } from './graph-store.contract';
import {
  account,
  accountWithEmail,
  delta,
  HOUR,
  loadAll,
  payment,
  ref,
  sighting,
  T0,
  uniqueIds,
} from './contract-fixtures';

export function describeEntityContract(ctx: ContractContext): void {
  describe('entities', () => {
    it('upserts accounts with their profile identifiers and counts them', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const before = await store.counts();
      await loadAll(store, {
        accounts: [
          accountWithEmail(id('a'), `${id('shared')}@Example.com`, {
            label: 'fraud',
            phone: '+44 7700 900001',
            identifiers: [
              ref('email', `${id('shared')}@example.com`, `${id('shared')}@Example.com`),
              ref('phone', id('447700900001'), '+44 7700 900001'),
            ],
          }),
          accountWithEmail(id('b'), `${id('shared')}@example.com`, { label: 'legit' }),
        ],
      });
      expect(delta(await store.counts(), before)).toEqual({
        accounts: 2,
        stubAccounts: 0,
        devices: 0,
        sightings: 0,
        identifiers: 2,
        identifierLinks: 3,
        payments: 0,
      });
      const a = await store.getAccount(id('a'));
      expect(a).toMatchObject({
        userId: id('a'),
        createdAt: T0,
        name: `Name of ${id('a')}`,
        phone: '+44 7700 900001',
        country: 'GB',
        label: 'fraud',
        stub: false,
      });
      expect(a?.payments).toEqual({
        sent: 0,
        received: 0,
        chargebacks: 0,
        amountSent: 0,
        amountReceived: 0,
      });
      const email = a?.identifiers.find((i) => i.kind === 'email');
      expect(email).toMatchObject({
        value: `${id('shared')}@example.com`,
        raw: `${id('shared')}@Example.com`,
        accounts: 2,
      });
      expect(a?.identifiers.find((i) => i.kind === 'phone')).toMatchObject({
        value: id('447700900001'),
        accounts: 1,
      });
      expect((await store.getAccount(id('b')))?.label).toBe('legit');
    });

    it('is idempotent: loading the same rows again changes nothing', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const data = {
        accounts: [accountWithEmail(id('a'), `${id('x')}@example.com`)],
        sightings: [sighting(id('a'), id('dev'), T0, id('ip'))],
        payments: [payment(id('p1'), id('a'), id('merchant'), 12.5)],
      };
      await loadAll(store, data);
      const once = await store.counts();
      const viewOnce = await store.getAccount(id('a'));
      await loadAll(store, data);
      expect(await store.counts()).toEqual(once);
      expect(await store.getAccount(id('a'))).toEqual(viewOnce);
    });

    it('updates a known account and replaces its profile identifiers', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, {
        accounts: [
          accountWithEmail(id('a'), `${id('old')}@example.com`),
          accountWithEmail(id('b'), `${id('old')}@example.com`),
        ],
      });
      await loadAll(store, {
        accounts: [
          accountWithEmail(id('a'), `${id('new')}@example.com`, {
            name: 'Renamed',
            country: 'FR',
            label: 'fraud',
          }),
        ],
      });
      const a = await store.getAccount(id('a'));
      expect(a).toMatchObject({
        name: 'Renamed',
        country: 'FR',
        label: 'fraud',
        email: `${id('new')}@example.com`,
      });
      expect(a?.identifiers.filter((i) => i.kind === 'email').map((i) => i.value)).toEqual([
        `${id('new')}@example.com`,
      ]);
      const b = await store.getAccount(id('b'));
      expect(b?.identifiers.find((i) => i.kind === 'email')).toMatchObject({
        value: `${id('old')}@example.com`,
        accounts: 1,
      });
    });

    it('creates stub accounts for references without a users row, filled by a later users row', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const before = await store.counts();
      await loadAll(store, {
        sightings: [sighting(id('seen'), id('dev'), T0)],
        payments: [payment(id('p'), id('payer'), id('payee'), 10)],
      });
      expect(delta(await store.counts(), before)).toMatchObject({
        accounts: 3,
        stubAccounts: 3,
        payments: 1,
        sightings: 1,
        devices: 1,
      });
      const stub = await store.getAccount(id('payee'));
      expect(stub).toMatchObject({
        userId: id('payee'),
        stub: true,
        createdAt: null,
        name: null,
        label: null,
      });
      expect(stub?.payments).toMatchObject({ received: 1, amountReceived: 10 });
      await loadAll(store, { accounts: [account(id('payee'))] });
      expect(delta(await store.counts(), before)).toMatchObject({ accounts: 3, stubAccounts: 2 });
      expect(await store.getAccount(id('payee'))).toMatchObject({ stub: false, createdAt: T0 });
    });

    it('keeps one sighting per (account, device, time, ip) and widens first/last seen', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const before = await store.counts();
      await loadAll(store, {
        accounts: [account(id('a'))],
        sightings: [
          sighting(id('a'), id('dev'), T0 + HOUR),
          sighting(id('a'), id('dev'), T0 + HOUR),
          sighting(id('a'), id('dev'), T0 + 5 * HOUR),
        ],
      });
      await loadAll(store, { sightings: [sighting(id('a'), id('dev'), T0)] });
      expect(delta(await store.counts(), before)).toMatchObject({
        accounts: 1,
        sightings: 3,
        devices: 1,
        identifiers: 1,
        identifierLinks: 1,
      });
      const device = (await store.getAccount(id('a')))?.identifiers.find(
        (i) => i.kind === 'device',
      );
      expect(device).toMatchObject({
        value: id('dev'),
        firstSeen: T0,
        lastSeen: T0 + 5 * HOUR,
        accounts: 1,
      });
    });

    it('updates a re-loaded payment in place and totals payments per account', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, {
        accounts: [account(id('a')), account(id('b'))],
        payments: [
          payment(id('p1'), id('a'), id('b'), 100),
          payment(id('p2'), id('a'), id('b'), 50, { status: 'chargeback' }),
          payment(id('p3'), id('b'), id('a'), 7),
        ],
      });
      const before = await store.counts();
      await loadAll(store, { payments: [payment(id('p1'), id('a'), id('b'), 30)] });
      expect(delta(await store.counts(), before).payments).toBe(0);
      const a = await store.getAccount(id('a'));
      expect(a?.payments.sent).toBe(2);
      expect(a?.payments.amountSent).toBeCloseTo(80, 6);
      expect(a?.payments.received).toBe(1);
      expect(a?.payments.amountReceived).toBeCloseTo(7, 6);
      expect(a?.payments.chargebacks).toBeGreaterThanOrEqual(1);
    });

    it('links the payer to the card and device of a payment', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, {
        payments: [
          payment(id('p'), id('a'), id('b'), 5, {
            cardId: id('card'),
            deviceId: id('dev'),
            identifiers: [ref('card', id('card')), ref('device', id('dev'))],
          }),
        ],
      });
      const kinds = (await store.getAccount(id('a')))?.identifiers
        .map((i) => `${i.kind}:${i.value}`)
        .sort();
      expect(kinds).toEqual([`card:${id('card')}`, `device:${id('dev')}`]);
      expect((await store.getAccount(id('b')))?.identifiers).toEqual([]);
    });

    it('rolls a load back entirely when its function throws', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const before = await store.counts();
      const failure = new Error('too many rejects');
      await expect(
        store.load(async (w) => {
          await w.upsertAccounts([accountWithEmail(id('a'), `${id('a')}@example.com`)]);
          await w.upsertSightings([sighting(id('a'), id('dev'), T0)]);
          await w.upsertPayments([payment(id('p'), id('a'), id('b'), 1)]);
          throw failure;
        }),
      ).rejects.toBe(failure);
      expect(await store.counts()).toEqual(before);
      expect(await store.getAccount(id('a'))).toBeNull();
      expect(await store.getAccount(id('b'))).toBeNull();
    });

    it('returns the value of the load function', async () => {
      const id = uniqueIds();
      await expect(
        ctx.store().load(async (w) => {
          await w.upsertAccounts([account(id('a'))]);
          return { accepted: 1 };
        }),
      ).resolves.toEqual({ accepted: 1 });
    });

    it('gets accounts by id in the order asked, skipping unknown ids', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, { accounts: [account(id('a')), account(id('b'))] });
      expect(await store.getAccount(id('nobody'))).toBeNull();
      const views = await store.getAccounts([id('b'), id('nobody'), id('a')]);
      expect(views.map((v) => v.userId)).toEqual([id('b'), id('a')]);
    });

    it('searches an account id and a normalised identifier exactly', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, {
        accounts: [
          accountWithEmail(id('a'), `${id('m')}@example.com`),
          accountWithEmail(id('b'), `${id('m')}@example.com`),
        ],
      });
      expect(await store.search({ kind: 'account', value: id('a') }, 10)).toEqual([
        { kind: 'account', value: id('a'), userIds: [id('a')] },
      ]);
      const hits = await store.search({ kind: 'email', value: `${id('m')}@example.com` }, 10);
      expect(hits).toHaveLength(1);
      expect(hits[0]).toMatchObject({ kind: 'email', value: `${id('m')}@example.com` });
      expect([...hits[0].userIds].sort()).toEqual([id('a'), id('b')]);
      expect(await store.search({ kind: 'email', value: `${id('m')}@example` }, 10)).toEqual([]);
      expect(await store.search({ kind: 'account', value: id('') }, 10)).toEqual([]);
    });
  });
}
