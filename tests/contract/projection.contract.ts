/** Contract: the projection streams detection reads (integer keys consistent across streams). */
import { IDENTIFIER_KINDS } from '../../core/types';
import type { ContractContext } from './graph-store.contract';
import {
  account,
  accountWithEmail,
  HOUR,
  loadAll,
  payment,
  sighting,
  T0,
  uniqueIds,
} from './contract-fixtures';

async function collect<B>(stream: AsyncIterable<B>): Promise<B[]> {
  const out: B[] = [];
  for await (const b of stream) out.push(b);
  return out;
}

export function describeProjectionContract(ctx: ContractContext): void {
  describe('projection source', () => {
    it('streams accounts, incidences and aggregated payment links with consistent integer keys', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const email = `${id('ab')}@example.com`;
      await loadAll(store, {
        accounts: [
          accountWithEmail(id('a'), email, { label: 'fraud' }),
          accountWithEmail(id('b'), email, { label: 'legit', createdAt: T0 + HOUR }),
          account(id('c')),
        ],
        sightings: [
          sighting(id('b'), id('dev'), T0 + 2 * HOUR),
          sighting(id('c'), id('dev'), T0 + 3 * HOUR),
        ],
        payments: [
          payment(id('p1'), id('a'), id('b'), 10, { createdAt: T0 + HOUR }),
          payment(id('p2'), id('a'), id('b'), 5, {
            createdAt: T0 + 4 * HOUR,
            status: 'chargeback',
          }),
          payment(id('p3'), id('b'), id('stub'), 3),
        ],
      });

      const keyOf = new Map<string, number>();
      const accounts = new Map<
        number,
        { userId: string; createdAt: number; label: number; stub: number }
      >();
      for (const b of await collect(store.readAccounts())) {
        expect(b.userIds.length).toBe(b.keys.length);
        for (let i = 0; i < b.keys.length; i++) {
          expect(Number.isInteger(b.keys[i])).toBe(true);
          expect(accounts.has(b.keys[i])).toBe(false);
          accounts.set(b.keys[i], {
            userId: b.userIds[i],
            createdAt: b.createdAt[i],
            label: b.labels[i],
            stub: b.stub[i],
          });
          keyOf.set(b.userIds[i], b.keys[i]);
        }
      }
      const mine = (name: string) => accounts.get(keyOf.get(id(name)) as number);
      expect(mine('a')).toEqual({ userId: id('a'), createdAt: T0, label: 1, stub: 0 });
      expect(mine('b')).toEqual({ userId: id('b'), createdAt: T0 + HOUR, label: -1, stub: 0 });
      expect(mine('c')).toMatchObject({ label: 0, stub: 0 });
      expect(mine('stub')).toMatchObject({ stub: 1, label: 0 });
      expect(Number.isNaN(mine('stub')?.createdAt)).toBe(true);

      const byIdentifier = new Map<
        number,
        Array<{ account: number; kind: number; firstSeen: number }>
      >();
      let lastKey = -Infinity;
      for (const b of await collect(store.readIncidences())) {
        for (let i = 0; i < b.accountKeys.length; i++) {
          expect(b.identifierKeys[i]).toBeGreaterThanOrEqual(lastKey);
          lastKey = b.identifierKeys[i];
          expect(accounts.has(b.accountKeys[i])).toBe(true);
          const list = byIdentifier.get(b.identifierKeys[i]) ?? [];
          list.push({ account: b.accountKeys[i], kind: b.kinds[i], firstSeen: b.firstSeen[i] });
          byIdentifier.set(b.identifierKeys[i], list);
        }
      }
      const owners = (members: string[]) => members.map((m) => keyOf.get(id(m))).sort();
      const shared = [...byIdentifier.entries()].filter(([, list]) => {
        const keys = list.map((l) => l.account).sort();
        return (
          JSON.stringify(keys) === JSON.stringify(owners(['a', 'b'])) ||
          JSON.stringify(keys) === JSON.stringify(owners(['b', 'c']))
        );
      });
      expect(shared).toHaveLength(2);
      const emailEntry = shared.find(
        ([, list]) => list[0].kind === IDENTIFIER_KINDS.indexOf('email'),
      );
      const deviceEntry = shared.find(
        ([, list]) => list[0].kind === IDENTIFIER_KINDS.indexOf('device'),
      );
      expect(emailEntry).toBeDefined();
      expect(deviceEntry?.[1].map((l) => l.firstSeen).sort()).toEqual([
        T0 + 2 * HOUR,
        T0 + 3 * HOUR,
      ]);

      const values = await store.identifierValues([
        emailEntry?.[0] as number,
        deviceEntry?.[0] as number,
      ]);
      expect(values.get(emailEntry?.[0] as number)).toEqual({
        kind: 'email',
        value: email,
        raw: email,
      });
      expect(values.get(deviceEntry?.[0] as number)).toMatchObject({
        kind: 'device',
        value: id('dev'),
      });

      const links = [];
      for (const b of await collect(store.readPaymentLinks())) {
        for (let i = 0; i < b.payerKeys.length; i++) {
          links.push({
            payer: b.payerKeys[i],
            payee: b.payeeKeys[i],
            count: b.count[i],
            amount: b.amount[i],
            chargebacks: b.chargebacks[i],
            firstAt: b.firstAt[i],
            lastAt: b.lastAt[i],
          });
        }
      }
      const ab = links.filter(
        (l) => l.payer === keyOf.get(id('a')) && l.payee === keyOf.get(id('b')),
      );
      expect(ab).toHaveLength(1);
      expect(ab[0]).toMatchObject({
        count: 2,
        chargebacks: 1,
        firstAt: T0 + HOUR,
        lastAt: T0 + 4 * HOUR,
      });
      expect(ab[0].amount).toBeCloseTo(15, 6);
      expect(
        links.filter((l) => l.payer === keyOf.get(id('b')) && l.payee === keyOf.get(id('a'))),
      ).toEqual([]);
    });

    it('filters incidences by sharers and payment links by counterparties, and totals payments', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const trio = ['a', 'b', 'c'].map(id);
      await loadAll(store, {
        accounts: [
          ...trio.map((u) => accountWithEmail(u, `${id('trio')}@example.com`)),
          accountWithEmail(id('d'), `${id('pair')}@example.com`),
          accountWithEmail(id('e'), `${id('pair')}@example.com`),
          accountWithEmail(id('solo'), `${id('solo')}@example.com`),
        ],
        payments: [
          payment(id('p1'), id('a'), id('b'), 10),
          payment(id('p2'), id('b'), id('a'), 4, { status: 'chargeback' }),
          ...['x1', 'x2', 'x3'].map((x, i) => payment(id(`m${i}`), id(x), id('shop'), 2)),
          payment(id('p3'), id('d'), id('shop'), 6, { status: 'chargeback' }),
        ],
      });
      const keyOf = new Map<string, number>();
      for await (const b of store.readAccounts())
        b.userIds.forEach((u, i) => keyOf.set(u, b.keys[i]));
      const mineKeys = new Set(
        [...keyOf.entries()].filter(([u]) => u.startsWith(id(''))).map(([, k]) => k),
      );

      const groups = async (maxSharers?: number) => {
        const byIdentifier = new Map<number, number[]>();
        for await (const b of store.readIncidences(
          maxSharers === undefined ? undefined : { maxSharers },
        )) {
          for (let i = 0; i < b.accountKeys.length; i++) {
            if (!mineKeys.has(b.accountKeys[i])) continue;
            byIdentifier.set(b.identifierKeys[i], [
              ...(byIdentifier.get(b.identifierKeys[i]) ?? []),
              b.accountKeys[i],
            ]);
          }
        }
        return [...byIdentifier.values()].map((g) => g.length).sort();
      };
      expect(await groups(2)).toEqual([2]);
      expect(await groups(3)).toEqual([2, 3]);

      const pairs = async (maxCounterparties?: number) => {
        const out: string[] = [];
        const nameOf = new Map([...keyOf.entries()].map(([u, k]) => [k, u]));
        for await (const b of store.readPaymentLinks(
          maxCounterparties === undefined ? undefined : { maxCounterparties },
        )) {
          for (let i = 0; i < b.payerKeys.length; i++) {
            const payer = nameOf.get(b.payerKeys[i]) ?? '';
            if (payer.startsWith(id(''))) out.push(`${payer}>${nameOf.get(b.payeeKeys[i])}`);
          }
        }
        return out.sort();
      };
      const all = await pairs();
      expect(all).toHaveLength(6);
      expect(await pairs(3)).toEqual([`${id('a')}>${id('b')}`, `${id('b')}>${id('a')}`]);

      const totals = await store.paymentTotals([
        keyOf.get(id('a')) as number,
        keyOf.get(id('shop')) as number,
        keyOf.get(id('c')) as number,
      ]);
      const byKey = new Map<number, { sent: number; received: number; chargebacks: number }>();
      for (let i = 0; i < totals.keys.length; i++)
        byKey.set(totals.keys[i], {
          sent: totals.sent[i],
          received: totals.received[i],
          chargebacks: totals.chargebacks[i],
        });
      expect(byKey.get(keyOf.get(id('a')) as number)?.sent).toBeCloseTo(10, 6);
      expect(byKey.get(keyOf.get(id('a')) as number)?.received).toBeCloseTo(4, 6);
      expect(byKey.get(keyOf.get(id('a')) as number)?.chargebacks).toBe(1);
      expect(byKey.get(keyOf.get(id('shop')) as number)).toEqual({
        sent: 0,
        received: 12,
        chargebacks: 1,
      });
      expect(byKey.has(keyOf.get(id('c')) as number)).toBe(false);
    });

    it('keeps an account key when the account is loaded again', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await loadAll(store, { payments: [payment(id('p'), id('a'), id('b'), 1)] });
      const keysOf = async () => {
        const keys = new Map<string, number>();
        for await (const b of store.readAccounts())
          b.userIds.forEach((u, i) => keys.set(u, b.keys[i]));
        return keys;
      };
      const before = await keysOf();
      await loadAll(store, { accounts: [account(id('a')), account(id('b'))] });
      const after = await keysOf();
      expect(after.get(id('a'))).toBe(before.get(id('a')));
      expect(after.get(id('b'))).toBe(before.get(id('b')));
    });
  });
}
