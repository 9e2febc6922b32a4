import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import { StoreError } from '../../errors';
import { columnStream, WORKER_MMAP_BYTES } from './projection-streams';
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

  /** Incidences of identifiers shared by 2..maxSharers accounts (see `columnStream` for where it runs). */
  readIncidences(filter: IncidenceFilter = {}): AsyncIterable<IncidenceBatch> {
    const max = filter.maxSharers ?? 2 ** 31 - 1;
    return columnStream<IncidenceBatch>(this.db, INCIDENCES_SQL, max, INCIDENCE_COLUMNS, BATCH);
  }

  /** Payment links between non-hub accounts, in primary-key order (see `columnStream` for where it runs). */
  readPaymentLinks(filter: PaymentLinkFilter = {}): AsyncIterable<PaymentLinkBatch> {
    const max = filter.maxCounterparties ?? 2 ** 31 - 1;
    return columnStream<PaymentLinkBatch>(this.db, PAYMENT_LINKS_SQL, max, PAYMENT_COLUMNS, BATCH);
  }

  /**
   * Sums per account, over every payment link (merchants included): amount sent, amount
   * received, chargebacks on both sides. For many keys on a database file, the two grouped
   * queries run in a worker thread on a read-only connection of their own, so the caller can
   * start this early (detection does, before Louvain) and the SQLite time overlaps CPU work on
   * the main thread. Same statements either way, so the same sums.
   */
  async paymentTotals(keys: number[]): Promise<PaymentTotals> {
    const unique = [...new Set(keys)].sort((a, b) => a - b);
    const chunks: string[] = [];
    for (let i = 0; i < unique.length; i += TOTALS_CHUNK)
      chunks.push(JSON.stringify(unique.slice(i, i + TOTALS_CHUNK)));
    const rows =
      unique.length >= WORKER_MIN_KEYS && !this.db.memory
        ? await totalsInWorker(this.db.name, chunks)
        : totalsInline(this.db, chunks);
    return mergeTotals(rows);
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

const PAYMENT_LINKS_SQL = `WITH hubs AS (
   SELECT k FROM (
     SELECT payer_key AS k, COUNT(*) AS n FROM payment_links GROUP BY payer_key
     UNION ALL
     SELECT payee_key, COUNT(*) FROM payment_links GROUP BY payee_key
   ) GROUP BY k HAVING SUM(n) > ?
 )
 SELECT payer_key, payee_key, count, amount, chargebacks, first_at, last_at FROM payment_links
 WHERE payer_key NOT IN hubs AND payee_key NOT IN hubs
 ORDER BY payer_key, payee_key`;

const PAYMENT_COLUMNS = [
  ['payerKeys', 'Int32Array'],
  ['payeeKeys', 'Int32Array'],
  ['count', 'Int32Array'],
  ['amount', 'Float64Array'],
  ['chargebacks', 'Int32Array'],
  ['firstAt', 'Float64Array'],
  ['lastAt', 'Float64Array'],
] as const;

const INCIDENCES_SQL = `WITH shared AS (
   SELECT identifier_key FROM account_identifiers GROUP BY identifier_key HAVING COUNT(*) BETWEEN 2 AND ?
 )
 SELECT a.account_key, a.identifier_key, a.kind, a.first_seen
 FROM shared s JOIN account_identifiers a ON a.identifier_key = s.identifier_key
 ORDER BY a.identifier_key, a.account_key`;

const INCIDENCE_COLUMNS = [
  ['accountKeys', 'Int32Array'],
  ['identifierKeys', 'Int32Array'],
  ['kinds', 'Uint8Array'],
  ['firstSeen', 'Float64Array'],
] as const;

const TOTALS_CHUNK = 50_000;
/** Below this many accounts the queries are quick enough that a worker's start-up is not worth it. */
const WORKER_MIN_KEYS = 10_000;
const PAID_SQL =
  'SELECT payer_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payer_key IN (SELECT value FROM json_each(?)) GROUP BY payer_key ORDER BY payer_key';
const GOT_SQL =
  'SELECT payee_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payee_key IN (SELECT value FROM json_each(?)) GROUP BY payee_key ORDER BY payee_key';

/** Rows of PAID_SQL and GOT_SQL per chunk of keys, packed as (key, amount, chargebacks) triples. */
interface TotalsRows {
  paid: Float64Array[];
  got: Float64Array[];
}

function pack(rows: Array<[number, number, number]>): Float64Array {
  const out = new Float64Array(rows.length * 3);
  rows.forEach((r, i) => out.set(r, i * 3));
  return out;
}

function totalsInline(db: Db, chunks: string[]): TotalsRows {
  const paid = db.prepare(PAID_SQL).raw(true);
  const got = db.prepare(GOT_SQL).raw(true);
  return {
    paid: chunks.map((c) => pack(paid.all(c) as Array<[number, number, number]>)),
    got: chunks.map((c) => pack(got.all(c) as Array<[number, number, number]>)),
  };
}

/** The worker: plain CommonJS (no TypeScript loader in worker threads), the driver passed by path. */
const TOTALS_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 10000');
  db.pragma('mmap_size = ' + workerData.mmap);
  const pack = (rows) => {
    const out = new Float64Array(rows.length * 3);
    rows.forEach((r, i) => out.set(r, i * 3));
    return out;
  };
  const paid = db.prepare(workerData.paidSql).raw(true);
  const got = db.prepare(workerData.gotSql).raw(true);
  const out = {
    paid: workerData.chunks.map((c) => pack(paid.all(c))),
    got: workerData.chunks.map((c) => pack(got.all(c))),
  };
  parentPort.postMessage(out, [...out.paid, ...out.got].map((a) => a.buffer));
} finally {
  db.close();
}
`;

function totalsInWorker(file: string, chunks: string[]): Promise<TotalsRows> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(TOTALS_WORKER, {
      eval: true,
      workerData: {
        driver: require.resolve('better-sqlite3'),
        mmap: WORKER_MMAP_BYTES,
        file,
        chunks,
        paidSql: PAID_SQL,
        gotSql: GOT_SQL,
      },
    });
    let result: TotalsRows | null = null;
    worker.once('message', (m: TotalsRows) => (result = m));
    worker.once('error', (err) =>
      reject(new StoreError(`payment totals failed: ${err.message}`, { cause: err })),
    );
    worker.once('exit', (code) => {
      if (result !== null) resolve(result);
      else reject(new StoreError(`payment totals worker exited with code ${code}`));
    });
  });
}

/**
 * Totals per account from the grouped rows: per chunk, the payer rows and the payee rows (each in
 * ascending key order) merged by key, so keys come out ascending with no per-key objects.
 */
function mergeTotals(rows: TotalsRows): PaymentTotals {
  let capacity = 0;
  for (let c = 0; c < rows.paid.length; c++)
    capacity += (rows.paid[c].length + rows.got[c].length) / 3;
  const keys = new Float64Array(capacity);
  const sentOf = new Float64Array(capacity);
  const receivedOf = new Float64Array(capacity);
  const chargebacksOf = new Int32Array(capacity);
  let m = 0;
  for (let c = 0; c < rows.paid.length; c++) {
    const paid = rows.paid[c];
    const got = rows.got[c];
    let i = 0;
    let j = 0;
    while (i < paid.length || j < got.length) {
      const kp = i < paid.length ? paid[i] : Infinity;
      const kg = j < got.length ? got[j] : Infinity;
      const key = Math.min(kp, kg);
      let sent = 0;
      let received = 0;
      let chargebacks = 0;
      if (kp === key) {
        sent = paid[i + 1];
        chargebacks += paid[i + 2];
        i += 3;
      }
      if (kg === key) {
        received = got[j + 1];
        chargebacks += got[j + 2];
        j += 3;
      }
      keys[m] = key;
      sentOf[m] = sent;
      receivedOf[m] = received;
      chargebacksOf[m++] = chargebacks;
    }
  }
  return {
    keys: Array.from(keys.subarray(0, m)),
    sent: sentOf.slice(0, m),
    received: receivedOf.slice(0, m),
    chargebacks: chargebacksOf.slice(0, m),
  };
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

/** The ProjectionSource part of the SQLite adapter. */
export const SqliteProjection: new (db: Db) => ProjectionSource = ProjectionReader;
export type SqliteProjection = ProjectionSource;
