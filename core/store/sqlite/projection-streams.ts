/**
 * Column streams for the SQLite projection reader: one statement with one bound parameter, its
 * rows packed into batches of typed columns (row field j into column j; NULL becomes NaN).
 *
 * On a database file the statement runs in a worker thread on a read-only connection of its own
 * and batches queue up as they come (typed arrays are transferred, not copied), so detection can
 * open several streams at once and SQLite scans them while the main thread does other work.
 * On an in-memory database (no second connection can see it) the same packing runs inline.
 * Either way the batches are identical.
 */
import { Worker } from 'node:worker_threads';
import type { Db } from './database';
import { StoreError } from '../../errors';

export type ColumnType = 'Int32Array' | 'Uint8Array' | 'Float64Array';

/** Output columns in row-field order: [name in the batch, typed array]. */
export type ColumnSpec = ReadonlyArray<readonly [string, ColumnType]>;

/**
 * Worker connections read through a memory map: the payee-side payment totals follow an index
 * into the table at random, and mapped pages skip SQLite's page-cache copies (a third faster at
 * 1M accounts). The connections are read-only.
 */
export const WORKER_MMAP_BYTES = 2 ** 32;

const CTORS = { Int32Array, Uint8Array, Float64Array };

/** The worker, plain CommonJS (worker threads get no TypeScript loader); `null` ends the stream. */
const STREAM_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
try {
  db.pragma('busy_timeout = 10000');
  db.pragma('mmap_size = ' + workerData.mmap);
  const ctors = { Int32Array, Uint8Array, Float64Array };
  const cols = workerData.columns;
  const size = workerData.batch;
  const fresh = () => cols.map(([, type]) => new ctors[type](size));
  const send = (arrays) => {
    const batch = {};
    cols.forEach(([name], j) => (batch[name] = arrays[j]));
    parentPort.postMessage(batch, arrays.map((a) => a.buffer));
  };
  let arrays = fresh();
  let n = 0;
  const width = cols.length;
  for (const row of db.prepare(workerData.sql).bind(workerData.param).raw(true).iterate()) {
    for (let j = 0; j < width; j++) arrays[j][n] = row[j] ?? NaN;
    if (++n === size) {
      send(arrays);
      arrays = fresh();
      n = 0;
    }
  }
  if (n > 0) send(arrays.map((a) => a.slice(0, n)));
  parentPort.postMessage(null);
} finally {
  db.close();
}
`;

/** Batches of `sql` bound to `param`, packed per `columns`; in a worker thread unless `db` is in memory. */
export function columnStream<T>(
  db: Db,
  sql: string,
  param: number,
  columns: ColumnSpec,
  batch: number,
): AsyncIterable<T> {
  return db.memory
    ? inline<T>(db, sql, param, columns, batch)
    : inWorker<T>(db.name, sql, param, columns, batch);
}

/**
 * The inline stream reads every row before it yields the first batch: better-sqlite3 lets no
 * other statement run on a connection while one is being iterated, and detection reads several
 * streams at once. In-memory databases are small, so holding their batches costs little.
 */
async function* inline<T>(
  db: Db,
  sql: string,
  param: number,
  columns: ColumnSpec,
  size: number,
): AsyncIterable<T> {
  const fresh = () => columns.map(([, type]) => new CTORS[type](size));
  const pack = (arrays: Array<Int32Array | Uint8Array | Float64Array>) =>
    Object.fromEntries(columns.map(([name], j) => [name, arrays[j]])) as T;
  const batches: T[] = [];
  let arrays = fresh();
  let n = 0;
  const width = columns.length;
  for (const row of db.prepare(sql).bind(param).raw(true).iterate() as Iterable<
    Array<number | null>
  >) {
    for (let j = 0; j < width; j++) arrays[j][n] = row[j] ?? Number.NaN;
    if (++n === size) {
      batches.push(pack(arrays));
      arrays = fresh();
      n = 0;
    }
  }
  if (n > 0) batches.push(pack(arrays.map((a) => a.slice(0, n))));
  yield* batches;
}

async function* inWorker<T>(
  file: string,
  sql: string,
  param: number,
  columns: ColumnSpec,
  batch: number,
): AsyncIterable<T> {
  const worker = new Worker(STREAM_WORKER, {
    eval: true,
    workerData: {
      driver: require.resolve('better-sqlite3'),
      mmap: WORKER_MMAP_BYTES,
      file,
      sql,
      param,
      columns,
      batch,
    },
  });
  const queue: T[] = [];
  let done = false;
  let failure: StoreError | null = null;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };
  worker.on('message', (m: T | null) => {
    if (m === null) done = true;
    else queue.push(m);
    notify();
  });
  worker.once('error', (err) => {
    failure = new StoreError(`reading the projection failed: ${err.message}`, { cause: err });
    notify();
  });
  worker.once('exit', (code) => {
    if (!done) failure ??= new StoreError(`projection reader exited with code ${code}`);
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
