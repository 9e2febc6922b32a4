import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { InputFile } from './input-files';
import { INTERN_CAPACITY, type PackedPayments } from './payment-batch';

/** A message of the parse thread (`payment-parse-worker.ts`). */
export type ParseMessage =
  | {
      type: 'batch';
      batch: PackedPayments;
      /** Records read since the previous batch (accepted + rejected). */
      read: number;
      /** [physical line, reason, raw text] of each record rejected since the previous batch. */
      rejects: Array<[number, string, string]>;
      bytes: number;
      totalBytes: number;
    }
  /** The file is read; `notLoaded` says why it cannot be loaded at all (bad header, bad gzip). */
  | { type: 'end'; notLoaded: string | null }
  | { type: 'error'; message: string; stack: string };

/** What `parsePaymentsInWorker` yields: errors of the worker are thrown instead. */
export type ParseOutput = Exclude<ParseMessage, { type: 'error' }>;

export interface ParseWorkerData {
  input: InputFile;
  internCapacity: number;
}

/**
 * Starts the worker from CommonJS source, since worker threads get no TypeScript loader: from the
 * compiled tree the entry is `payment-parse-worker.js` and is required as it is; from the sources
 * (tsx, or jest through @swc/jest) it is the `.ts` file, compiled on load by tsx's require hook
 * (tsx is a runtime dependency of the package).
 */
const BOOT = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx) require(workerData.tsx).register();
require(workerData.entry);
`;

const ENTRY = path.join(__dirname, `payment-parse-worker${path.extname(__filename) || '.js'}`);

/**
 * Reads, validates and packs a payments file on a worker thread, yielding its messages in order
 * while the caller writes (the two cores each take one side). Each `batch` message is
 * acknowledged when the caller asks for the next one, which lets the worker run ahead by a
 * bounded number of batches. Ending the iteration early (the caller threw) stops the worker.
 */
export async function* parsePaymentsInWorker(
  input: InputFile,
  internCapacity = INTERN_CAPACITY,
): AsyncGenerator<ParseOutput> {
  const data: ParseWorkerData & { entry: string; tsx: string | null } = {
    input,
    internCapacity,
    entry: ENTRY,
    tsx: ENTRY.endsWith('.ts') ? require.resolve('tsx/cjs/api') : null,
  };
  // A small young generation: the thread's garbage is per row and dies at once, and the default
  // (several times larger) only adds to the peak memory of a 10-million-row load. No execArgv:
  // the worker needs none of the parent's flags (a tsx loader among them would only slow its
  // start; BOOT registers tsx when the entry is TypeScript).
  const worker = new Worker(BOOT, {
    eval: true,
    workerData: data,
    execArgv: [],
    resourceLimits: { maxYoungGenerationSizeMb: 8 },
  });
  const queue: ParseMessage[] = [];
  let failure: Error | null = null;
  let exited = false;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  worker.on('message', (m: ParseMessage) => {
    queue.push(m);
    notify();
  });
  worker.on('error', (err) => {
    failure = err;
    notify();
  });
  worker.on('exit', () => {
    exited = true;
    notify();
  });
  try {
    for (;;) {
      while (queue.length === 0) {
        if (failure !== null) throw failure;
        if (exited) throw new Error('fraud-rings: the payments parse thread ended unexpectedly');
        await new Promise<void>((r) => (wake = r));
      }
      const m = queue.shift()!;
      if (m.type === 'error') {
        const err = new Error(m.message);
        err.stack = m.stack;
        throw err;
      }
      yield m;
      if (m.type === 'end') return;
      worker.postMessage('ack');
    }
  } finally {
    await worker.terminate();
  }
}
