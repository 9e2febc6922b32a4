import type { Db } from './database';
import type {
  AccountBatch,
  IncidenceBatch,
  IncidenceFilter,
  PaymentLinkBatch,
  PaymentLinkFilter,
  PaymentTotals,
  ProjectionSource,
} from '../port';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../types';

const BATCH = 65_536;

/**
 * The streams detection reads, straight from the tables of migration 001 in one scan each:
 * accounts by key, account–identifier incidences in the primary-key order of
 * `account_identifiers` (identifier key first), and the per-(payer, payee) aggregates the load
 * writer keeps in `payment_links`, in primary-key order. The filters run inside SQLite (grouped
 * scans over covering keys), so only rows that can add an edge cross into JavaScript: at 100k
 * accounts about a fifth of the incidences and of the payment pairs. Rows come as raw arrays into typed columns; no row objects.
 */
class ProjectionReader implements ProjectionSource {
  constructor(readonly db: Db) {}

  async *readAccounts(): AsyncIterable<AccountBatch> {
    const stmt = this.db
      .prepare('SELECT key, user_id, created_at, label, stub FROM accounts ORDER BY key')
      .raw(true);
    let batch = newAccountBatch();
    let n = 0;
    for (const row of stmt.iterate() as Iterable<[number, string, number | null, number, number]>) {
      batch.keys[n] = row[0];
      batch.userIds.push(row[1]);
      batch.createdAt[n] = row[2] ?? Number.NaN;
      batch.labels[n] = row[3];
      batch.stub[n] = row[4];
      if (++n === BATCH) {
        yield batch;
        batch = newAccountBatch();
        n = 0;
      }
    }
    if (n > 0) yield trimAccounts(batch, n);
  }

  async *readIncidences(filter: IncidenceFilter = {}): AsyncIterable<IncidenceBatch> {
    const max = filter.maxSharers ?? 2 ** 31 - 1;
    const stmt = this.db
      .prepare(
        `WITH shared AS (
           SELECT identifier_key FROM account_identifiers GROUP BY identifier_key HAVING COUNT(*) BETWEEN 2 AND ?
         )
         SELECT a.account_key, a.identifier_key, a.kind, a.first_seen
         FROM shared s JOIN account_identifiers a ON a.identifier_key = s.identifier_key
         ORDER BY a.identifier_key, a.account_key`,
      )
      .bind(max)
      .raw(true);
    let batch = newIncidenceBatch(BATCH);
    let n = 0;
    for (const row of stmt.iterate() as Iterable<[number, number, number, number | null]>) {
      batch.accountKeys[n] = row[0];
      batch.identifierKeys[n] = row[1];
      batch.kinds[n] = row[2];
      batch.firstSeen[n] = row[3] ?? Number.NaN;
      if (++n === BATCH) {
        yield batch;
        batch = newIncidenceBatch(BATCH);
        n = 0;
      }
    }
    if (n > 0) {
      yield {
        accountKeys: batch.accountKeys.slice(0, n),
        identifierKeys: batch.identifierKeys.slice(0, n),
        kinds: batch.kinds.slice(0, n),
        firstSeen: batch.firstSeen.slice(0, n),
      };
    }
  }

  async *readPaymentLinks(filter: PaymentLinkFilter = {}): AsyncIterable<PaymentLinkBatch> {
    const max = filter.maxCounterparties ?? 2 ** 31 - 1;
    const stmt = this.db
      .prepare(
        `WITH hubs AS (
           SELECT k FROM (
             SELECT payer_key AS k, COUNT(*) AS n FROM payment_links GROUP BY payer_key
             UNION ALL
             SELECT payee_key, COUNT(*) FROM payment_links GROUP BY payee_key
           ) GROUP BY k HAVING SUM(n) > ?
         )
         SELECT payer_key, payee_key, count, amount, chargebacks, first_at, last_at FROM payment_links
         WHERE payer_key NOT IN hubs AND payee_key NOT IN hubs
         ORDER BY payer_key, payee_key`,
      )
      .bind(max)
      .raw(true);
    let batch = newPaymentBatch(BATCH);
    let n = 0;
    for (const row of stmt.iterate() as Iterable<
      [number, number, number, number, number, number, number]
    >) {
      batch.payerKeys[n] = row[0];
      batch.payeeKeys[n] = row[1];
      batch.count[n] = row[2];
      batch.amount[n] = row[3];
      batch.chargebacks[n] = row[4];
      batch.firstAt[n] = row[5];
      batch.lastAt[n] = row[6];
      if (++n === BATCH) {
        yield batch;
        batch = newPaymentBatch(BATCH);
        n = 0;
      }
    }
    if (n > 0) {
      yield {
        payerKeys: batch.payerKeys.slice(0, n),
        payeeKeys: batch.payeeKeys.slice(0, n),
        count: batch.count.slice(0, n),
        amount: batch.amount.slice(0, n),
        chargebacks: batch.chargebacks.slice(0, n),
        firstAt: batch.firstAt.slice(0, n),
        lastAt: batch.lastAt.slice(0, n),
      };
    }
  }

  async paymentTotals(keys: number[]): Promise<PaymentTotals> {
    const paid = this.db
      .prepare(
        'SELECT payer_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payer_key IN (SELECT value FROM json_each(?)) GROUP BY payer_key',
      )
      .raw(true);
    const got = this.db
      .prepare(
        'SELECT payee_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payee_key IN (SELECT value FROM json_each(?)) GROUP BY payee_key',
      )
      .raw(true);
    const totals = new Map<number, { sent: number; received: number; chargebacks: number }>();
    const at = (key: number) => {
      let t = totals.get(key);
      if (t === undefined) totals.set(key, (t = { sent: 0, received: 0, chargebacks: 0 }));
      return t;
    };
    const unique = [...new Set(keys)].sort((a, b) => a - b);
    for (let i = 0; i < unique.length; i += 50_000) {
      const chunk = JSON.stringify(unique.slice(i, i + 50_000));
      for (const [key, amount, cb] of paid.all(chunk) as Array<[number, number, number]>) {
        const t = at(key);
        t.sent = amount;
        t.chargebacks += cb;
      }
      for (const [key, amount, cb] of got.all(chunk) as Array<[number, number, number]>) {
        const t = at(key);
        t.received = amount;
        t.chargebacks += cb;
      }
    }
    const out = {
      keys: [] as number[],
      sent: [] as number[],
      received: [] as number[],
      chargebacks: [] as number[],
    };
    for (const [key, t] of totals) {
      out.keys.push(key);
      out.sent.push(t.sent);
      out.received.push(t.received);
      out.chargebacks.push(t.chargebacks);
    }
    return out;
  }

  async identifierValues(
    keys: number[],
  ): Promise<Map<number, { kind: IdentifierKind; value: string; raw: string }>> {
    const out = new Map<number, { kind: IdentifierKind; value: string; raw: string }>();
    const stmt = this.db
      .prepare(
        'SELECT key, kind, value, raw FROM identifiers WHERE key IN (SELECT value FROM json_each(?))',
      )
      .raw(true);
    const unique = [...new Set(keys)];
    for (let i = 0; i < unique.length; i += 10_000) {
      const rows = stmt.all(JSON.stringify(unique.slice(i, i + 10_000))) as Array<
        [number, number, string, string]
      >;
      for (const [key, kind, value, raw] of rows)
        out.set(key, { kind: IDENTIFIER_KINDS[kind], value, raw });
    }
    return out;
  }
}

function newAccountBatch() {
  return {
    keys: new Int32Array(BATCH),
    userIds: [] as string[],
    createdAt: new Float64Array(BATCH),
    labels: new Int8Array(BATCH),
    stub: new Uint8Array(BATCH),
  };
}

function trimAccounts(b: ReturnType<typeof newAccountBatch>, n: number): AccountBatch {
  return {
    keys: b.keys.slice(0, n),
    userIds: b.userIds,
    createdAt: b.createdAt.slice(0, n),
    labels: b.labels.slice(0, n),
    stub: b.stub.slice(0, n),
  };
}

function newIncidenceBatch(size: number) {
  return {
    accountKeys: new Int32Array(size),
    identifierKeys: new Int32Array(size),
    kinds: new Uint8Array(size),
    firstSeen: new Float64Array(size),
  };
}

function newPaymentBatch(size: number) {
  return {
    payerKeys: new Int32Array(size),
    payeeKeys: new Int32Array(size),
    count: new Int32Array(size),
    amount: new Float64Array(size),
    chargebacks: new Int32Array(size),
    firstAt: new Float64Array(size),
    lastAt: new Float64Array(size),
  };
}

/** The ProjectionSource part of the SQLite adapter. */
export const SqliteProjection: new (db: Db) => ProjectionSource = ProjectionReader;
export type SqliteProjection = ProjectionSource;
