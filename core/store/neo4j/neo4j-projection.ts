/**
 * The ProjectionSource part of the Neo4j adapter: detection's three streams read in windows of
 * integer keys (keys are dense from 1, handed out by the `Sequence` counters), each window one
 * read transaction, so a stream over millions of accounts never holds one long transaction.
 * Encodings match the port: label 1 = fraud, -1 = legit, 0 = none; kind = index into
 * IDENTIFIER_KINDS; unknown times are NaN.
 */
import type {
  AccountBatch,
  IncidenceBatch,
  IncidenceFilter,
  PaymentLinkBatch,
  PaymentLinkFilter,
  PaymentTotals,
} from '../port';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../types';
import type { CypherRunner } from './cypher-runner';
import { money, num, str, type Row } from './neo4j-values';

const TOTALS_CHUNK = 50_000;

const orNaN = (v: Row[string]): number => (v === null ? Number.NaN : num(v));
const labelCode = (v: Row[string]): number => (v === 'fraud' ? 1 : v === 'legit' ? -1 : 0);
const kindCode = (v: Row[string]): number => IDENTIFIER_KINDS.indexOf(str(v) as IdentifierKind);

/** Rows of `query` over consecutive key windows up to the highest key handed out; empty windows skipped. */
async function* keyWindows(
  runner: CypherRunner,
  window: number,
  which: 'maxAccountKey' | 'maxIdentifierKey',
  query: string,
  extra: Record<string, unknown> = {},
): AsyncGenerator<Row[]> {
  const [range] = await runner.read('read-projection-key-range');
  const max = num(range[which]);
  for (let from = 0; from < max; from += window) {
    const rows = await runner.read(query, {
      ...extra,
      fromKey: from,
      toKey: Math.min(from + window, max),
    });
    if (rows.length > 0) yield rows;
  }
}

export class Neo4jProjection {
  constructor(
    readonly runner: CypherRunner,
    /** Keys per window: each window is one query. */
    readonly window = 50_000,
  ) {}

  async *readAccounts(): AsyncIterable<AccountBatch> {
    for await (const rows of keyWindows(
      this.runner,
      this.window,
      'maxAccountKey',
      'read-projection-accounts',
    )) {
      yield {
        keys: Int32Array.from(rows, (r) => num(r.key)),
        userIds: rows.map((r) => str(r.userId)),
        createdAt: Float64Array.from(rows, (r) => orNaN(r.createdAt)),
        labels: Int8Array.from(rows, (r) => labelCode(r.label)),
        stub: Uint8Array.from(rows, (r) => (r.stub === true ? 1 : 0)),
      };
    }
  }

  /** Only identifiers used by 2 or more accounts (at most `filter.maxSharers`), as the SQLite adapter. */
  async *readIncidences(filter: IncidenceFilter = {}): AsyncIterable<IncidenceBatch> {
    const extra = { maxSharers: filter.maxSharers ?? null };
    for await (const rows of keyWindows(
      this.runner,
      this.window,
      'maxIdentifierKey',
      'read-projection-incidences',
      extra,
    )) {
      yield {
        accountKeys: Int32Array.from(rows, (r) => num(r.accountKey)),
        identifierKeys: Int32Array.from(rows, (r) => num(r.identifierKey)),
        kinds: Uint8Array.from(rows, (r) => kindCode(r.kind)),
        firstSeen: Float64Array.from(rows, (r) => orNaN(r.firstSeen)),
      };
    }
  }

  async *readPaymentLinks(filter: PaymentLinkFilter = {}): AsyncIterable<PaymentLinkBatch> {
    const extra = { maxCounterparties: filter.maxCounterparties ?? null };
    for await (const rows of keyWindows(
      this.runner,
      this.window,
      'maxAccountKey',
      'read-projection-payment-links',
      extra,
    )) {
      yield {
        payerKeys: Int32Array.from(rows, (r) => num(r.payerKey)),
        payeeKeys: Int32Array.from(rows, (r) => num(r.payeeKey)),
        count: Int32Array.from(rows, (r) => num(r.count)),
        amount: Float64Array.from(rows, (r) => money(r.amount)),
        chargebacks: Int32Array.from(rows, (r) => num(r.chargebacks)),
        firstAt: Float64Array.from(rows, (r) => orNaN(r.firstAt)),
        lastAt: Float64Array.from(rows, (r) => orNaN(r.lastAt)),
      };
    }
  }

  async paymentTotals(keys: number[]): Promise<PaymentTotals> {
    const unique = [...new Set(keys)];
    const rows: Row[] = [];
    for (let i = 0; i < unique.length; i += TOTALS_CHUNK) {
      rows.push(
        ...(await this.runner.read('read-projection-payment-totals', {
          keys: unique.slice(i, i + TOTALS_CHUNK),
        })),
      );
    }
    return {
      keys: Int32Array.from(rows, (r) => num(r.key)),
      sent: Float64Array.from(rows, (r) => money(r.sent)),
      received: Float64Array.from(rows, (r) => money(r.received)),
      chargebacks: Int32Array.from(rows, (r) => num(r.chargebacks)),
    };
  }

  async identifierValues(
    keys: number[],
  ): Promise<Map<number, { kind: IdentifierKind; value: string; raw: string }>> {
    const out = new Map<number, { kind: IdentifierKind; value: string; raw: string }>();
    if (keys.length === 0) return out;
    const rows = await this.runner.read('read-projection-identifier-values', {
      keys: [...new Set(keys)],
    });
    for (const r of rows)
      out.set(num(r.key), {
        kind: str(r.kind) as IdentifierKind,
        value: str(r.value),
        raw: str(r.raw),
      });
    return out;
  }
}
