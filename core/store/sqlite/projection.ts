import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import { StoreError } from '../../errors';
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

  /**
   * Payment links between non-hub accounts, in primary-key order. On a database file the scan
   * runs in a worker thread on a read-only connection of its own and the batches queue up as
   * they come, so detection can open this stream first and build the identifier links while
   * SQLite scans the (largest) payment table. Same statement and batching either way.
   */
  async *readPaymentLinks(filter: PaymentLinkFilter = {}): AsyncIterable<PaymentLinkBatch> {
    const max = filter.maxCounterparties ?? 2 ** 31 - 1;
    if (this.db.memory) yield* paymentLinksInline(this.db, max);
    else yield* paymentLinksInWorker(this.db.name, max);
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

type PaymentLinkRow = [number, number, number, number, number, number, number];

function* paymentLinksInline(db: Db, max: number): Iterable<PaymentLinkBatch> {
  const stmt = db.prepare(PAYMENT_LINKS_SQL).bind(max).raw(true);
  let batch = newPaymentBatch(BATCH);
  let n = 0;
  for (const row of stmt.iterate() as Iterable<PaymentLinkRow>) {
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

/** The payment-link scan of `paymentLinksInline`, in plain CommonJS for a worker thread; `null` ends it. */
const PAYMENT_LINKS_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 10000');
  db.pragma('mmap_size = ' + workerData.mmap);
  const size = workerData.batch;
  const fresh = () => ({
    payerKeys: new Int32Array(size),
    payeeKeys: new Int32Array(size),
    count: new Int32Array(size),
    amount: new Float64Array(size),
    chargebacks: new Int32Array(size),
    firstAt: new Float64Array(size),
    lastAt: new Float64Array(size),
  });
  const send = (b) => parentPort.postMessage(b, Object.values(b).map((a) => a.buffer));
  let b = fresh();
  let n = 0;
  for (const row of db.prepare(workerData.sql).bind(workerData.max).raw(true).iterate()) {
    b.payerKeys[n] = row[0];
    b.payeeKeys[n] = row[1];
    b.count[n] = row[2];
    b.amount[n] = row[3];
    b.chargebacks[n] = row[4];
    b.firstAt[n] = row[5];
    b.lastAt[n] = row[6];
    if (++n === size) {
      send(b);
      b = fresh();
      n = 0;
    }
  }
  if (n > 0) {
    const last = {};
    for (const [k, a] of Object.entries(b)) last[k] = a.slice(0, n);
    send(last);
  }
  parentPort.postMessage(null);
} finally {
  db.close();
}
`;

async function* paymentLinksInWorker(file: string, max: number): AsyncIterable<PaymentLinkBatch> {
  const worker = new Worker(PAYMENT_LINKS_WORKER, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      mmap: WORKER_MMAP_BYTES,
      file,
      sql: PAYMENT_LINKS_SQL,
      max,
      batch: BATCH,
    },
  });
  const queue: PaymentLinkBatch[] = [];
  let done = false;
  let failure: StoreError | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: PaymentLinkBatch | null) => {
    if (m === null) done = true;
    else queue.push(m);
    notify();
  });
  worker.once('error', (err) => {
    failure = new StoreError(`reading payment links failed: ${err.message}`, { cause: err });
    notify();
  });
  worker.once('exit', (code) => {
    if (!done) failure ??= new StoreError(`payment links worker exited with code ${code}`);
    notify();
  });
  try {
    for (;;) {
      const next = queue.shift();
      if (next !== undefined) {
        yield next;
        continue;
      }
      if (failure !== null) throw failure;
      if (done) return;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  } finally {
    if (!done) await worker.terminate();
  }
}

const TOTALS_CHUNK = 50_000;
/**
 * Worker connections read the file through a memory map: the payee-side totals follow an index
 * into the table at random, and mapped pages skip SQLite's page cache copies (a third faster at
 * 1M accounts). Read-only, so the usual caveats of writing through a map do not apply.
 */
const WORKER_MMAP_BYTES = 2 ** 32;
/** Below this many accounts the queries are quick enough that a worker's start-up is not worth it. */
const WORKER_MIN_KEYS = 10_000;
const PAID_SQL =
  'SELECT payer_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payer_key IN (SELECT value FROM json_each(?)) GROUP BY payer_key';
const GOT_SQL =
  'SELECT payee_key, SUM(amount), SUM(chargebacks) FROM payment_links WHERE payee_key IN (SELECT value FROM json_each(?)) GROUP BY payee_key';

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

/** Totals per account from the grouped rows, chunk by chunk (sent and received set, chargebacks added). */
function mergeTotals(rows: TotalsRows): PaymentTotals {
  const totals = new Map<number, { sent: number; received: number; chargebacks: number }>();
  const at = (key: number) => {
    let t = totals.get(key);
    if (t === undefined) totals.set(key, (t = { sent: 0, received: 0, chargebacks: 0 }));
    return t;
  };
  for (let c = 0; c < rows.paid.length; c++) {
    const paid = rows.paid[c];
    for (let i = 0; i < paid.length; i += 3) {
      const t = at(paid[i]);
      t.sent = paid[i + 1];
      t.chargebacks += paid[i + 2];
    }
    const got = rows.got[c];
    for (let i = 0; i < got.length; i += 3) {
      const t = at(got[i]);
      t.received = got[i + 1];
      t.chargebacks += got[i + 2];
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
