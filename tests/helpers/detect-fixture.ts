/**
 * Small hand-made data sets for detection tests: a `ProjectionSource` over in-memory rows (the
 * same columnar batches a store streams), joined with a real SQLite `RingStore` in memory.
 */
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../core/types';
import type { ProjectionSource, RingStore } from '../../core/store/port';
import { openDatabase, migrate } from '../../core/store/sqlite/database';
import { SqliteRings } from '../../core/store/sqlite/rings';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const T0 = Date.UTC(2026, 4, 3, 9, 0, 0);

export interface FixtureAccount {
  id: string;
  createdAt: number | null;
  label?: 'fraud' | 'legit';
  stub?: boolean;
}

export interface FixtureIdentifier {
  kind: IdentifierKind;
  value: string;
  raw?: string;
  accounts: string[];
  /** First use per account (same order), or one time for all. */
  firstSeen?: number | number[];
}

export interface FixturePayment {
  payer: string;
  payee: string;
  count?: number;
  amount?: number;
  chargebacks?: number;
}

export interface Fixture {
  accounts: FixtureAccount[];
  identifiers: FixtureIdentifier[];
  payments: FixturePayment[];
}

/** A ProjectionSource over the fixture rows; keys are 1-based positions, streamed in small batches. */
export function fixtureSource(f: Fixture, batchSize = 7): ProjectionSource {
  const keyOf = new Map(f.accounts.map((a, i) => [a.id, i + 1]));
  const key = (id: string) => {
    const k = keyOf.get(id);
    if (k === undefined) throw new Error(`fixture: unknown account ${id}`);
    return k;
  };
  const incidences = f.identifiers.flatMap((ident, g) =>
    ident.accounts
      .map((a, j) => ({
        accountKey: key(a),
        identifierKey: g + 1,
        kind: IDENTIFIER_KINDS.indexOf(ident.kind),
        firstSeen: Array.isArray(ident.firstSeen)
          ? ident.firstSeen[j]
          : (ident.firstSeen ?? Number.NaN),
      }))
      .sort((x, y) => x.accountKey - y.accountKey),
  );
  return {
    async *readAccounts() {
      for (let i = 0; i < f.accounts.length; i += batchSize) {
        const rows = f.accounts.slice(i, i + batchSize);
        yield {
          keys: rows.map((a) => key(a.id)),
          userIds: rows.map((a) => a.id),
          createdAt: rows.map((a) => a.createdAt ?? Number.NaN),
          labels: rows.map((a) => (a.label === 'fraud' ? 1 : a.label === 'legit' ? -1 : 0)),
          stub: rows.map((a) => (a.stub ? 1 : 0)),
        };
      }
    },
    async *readIncidences(filter = {}) {
      const max = (filter as { maxSharers?: number }).maxSharers ?? Infinity;
      const sharers = new Map<number, number>();
      for (const r of incidences)
        sharers.set(r.identifierKey, (sharers.get(r.identifierKey) ?? 0) + 1);
      const kept = incidences.filter(
        (r) =>
          (sharers.get(r.identifierKey) ?? 0) >= 2 && (sharers.get(r.identifierKey) ?? 0) <= max,
      );
      for (let i = 0; i < kept.length; i += batchSize) {
        const rows = kept.slice(i, i + batchSize);
        yield {
          accountKeys: rows.map((r) => r.accountKey),
          identifierKeys: rows.map((r) => r.identifierKey),
          kinds: rows.map((r) => r.kind),
          firstSeen: rows.map((r) => r.firstSeen),
        };
      }
    },
    async *readPaymentLinks(filter = {}) {
      const max = (filter as { maxCounterparties?: number }).maxCounterparties ?? Infinity;
      const all = f.payments
        .map((p) => ({ ...p, a: key(p.payer), b: key(p.payee) }))
        .sort((x, y) => x.a - y.a || x.b - y.b);
      const pairs = new Map<number, number>();
      for (const p of all) for (const k of [p.a, p.b]) pairs.set(k, (pairs.get(k) ?? 0) + 1);
      const rows = all.filter((p) => (pairs.get(p.a) ?? 0) <= max && (pairs.get(p.b) ?? 0) <= max);
      for (let i = 0; i < rows.length; i += batchSize) {
        const b = rows.slice(i, i + batchSize);
        yield {
          payerKeys: b.map((r) => r.a),
          payeeKeys: b.map((r) => r.b),
          count: b.map((r) => r.count ?? 1),
          amount: b.map((r) => r.amount ?? 100),
          chargebacks: b.map((r) => r.chargebacks ?? 0),
          firstAt: b.map(() => T0),
          lastAt: b.map(() => T0),
        };
      }
    },
    async paymentTotals(keys: number[]) {
      const wanted = new Set(keys);
      const totals = new Map<number, { sent: number; received: number; chargebacks: number }>();
      const at = (k: number) =>
        totals.get(k) ?? (totals.set(k, { sent: 0, received: 0, chargebacks: 0 }), totals.get(k)!);
      for (const p of f.payments) {
        const a = key(p.payer);
        const b = key(p.payee);
        if (wanted.has(a)) {
          at(a).sent += p.amount ?? 100;
          at(a).chargebacks += p.chargebacks ?? 0;
        }
        if (wanted.has(b)) {
          at(b).received += p.amount ?? 100;
          at(b).chargebacks += p.chargebacks ?? 0;
        }
      }
      const ks = [...totals.keys()];
      return {
        keys: ks,
        sent: ks.map((k) => totals.get(k)!.sent),
        received: ks.map((k) => totals.get(k)!.received),
        chargebacks: ks.map((k) => totals.get(k)!.chargebacks),
      };
    },
    async identifierValues(keys: number[]) {
      const out = new Map<number, { kind: IdentifierKind; value: string; raw: string }>();
      for (const k of keys) {
        const ident = f.identifiers[k - 1];
        if (ident)
          out.set(k, { kind: ident.kind, value: ident.value, raw: ident.raw ?? ident.value });
      }
      return out;
    },
  };
}

/** A real SQLite RingStore in memory (migrations applied), for saving and reading runs. */
export function memoryRingStore(): RingStore & { close(): void } {
  const db = openDatabase(':memory:');
  migrate(db);
  const rings = new SqliteRings(db);
  return {
    saveRun: rings.saveRun.bind(rings),
    getRun: rings.getRun.bind(rings),
    latestRun: rings.latestRun.bind(rings),
    listRuns: rings.listRuns.bind(rings),
    listRings: rings.listRings.bind(rings),
    getRing: rings.getRing.bind(rings),
    ringLineage: rings.ringLineage.bind(rings),
    ringsOfAccount: rings.ringsOfAccount.bind(rings),
    close: () => db.close(),
  };
}

/** Source and ring store in one object, as `runDetection` takes them. */
export function fixtureStore(f: Fixture): ProjectionSource & RingStore & { close(): void } {
  return { ...fixtureSource(f), ...memoryRingStore() };
}

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

/**
 * The reference scene: a ring of 8 created within a day sharing a device and a card, with
 * chargebacks and a money cycle; a household of 4 (address, family laptop, IP, payments among
 * them, created years apart); an office of 20 behind one IP and one address; a public hotspot
 * IP used by 60 accounts (above the IP cut-off); and loners.
 */
export function referenceScene(): Fixture {
  const ring = ids('r', 8);
  const home = ids('h', 4);
  const office = ids('o', 20);
  const crowd = ids('p', 40);
  const accounts: FixtureAccount[] = [
    ...ring.map((id, i) => ({
      id,
      createdAt: T0 + i * 3 * HOUR,
      label: i === 0 ? ('fraud' as const) : undefined,
    })),
    ...home.map((id, i) => ({ id, createdAt: T0 - (4 - i) * 400 * DAY })),
    ...office.map((id, i) => ({ id, createdAt: T0 - i * 17 * DAY })),
    ...crowd.map((id, i) => ({ id, createdAt: T0 - i * 5 * DAY })),
  ];
  return {
    accounts,
    identifiers: [
      {
        kind: 'device',
        value: 'd-41f',
        accounts: ring,
        firstSeen: ring.map((_, i) => T0 + i * 4 * HOUR),
      },
      {
        kind: 'card',
        value: 'c-77',
        raw: '4111 **** 0077',
        accounts: ring.slice(0, 5),
        firstSeen: T0,
      },
      { kind: 'address', value: '1 elm st', raw: '1 Elm Street', accounts: home },
      {
        kind: 'device',
        value: 'd-home',
        accounts: home,
        firstSeen: home.map((_, i) => T0 - (4 - i) * 400 * DAY),
      },
      { kind: 'ip', value: '10.0.0.7', accounts: home, firstSeen: T0 - 1000 * DAY },
      { kind: 'ip', value: '192.0.2.1', accounts: office, firstSeen: T0 - 300 * DAY },
      { kind: 'address', value: '9 works rd', accounts: office },
      {
        kind: 'ip',
        value: '198.51.100.9',
        accounts: [...crowd, ...office, ...ring.slice(0, 1)],
        firstSeen: T0 - 10 * DAY,
      },
    ],
    payments: [
      { payer: 'r1', payee: 'r2', count: 3, amount: 900, chargebacks: 1 },
      { payer: 'r2', payee: 'r3', count: 3, amount: 850, chargebacks: 1 },
      { payer: 'r3', payee: 'r1', count: 2, amount: 800 },
      { payer: 'r4', payee: 'r5', count: 1, amount: 300, chargebacks: 2 },
      { payer: 'h1', payee: 'h2', count: 4, amount: 200 },
      { payer: 'h2', payee: 'h1', count: 2, amount: 50 },
      { payer: 'h3', payee: 'h1', count: 1, amount: 20 },
    ],
  };
}
