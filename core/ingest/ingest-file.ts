import fs from 'node:fs';
import path from 'node:path';
import type { EntityStore, LoadWriter } from '../store/port';
import { ENTITY_SPECS } from './entity-specs';
import type { InputFile } from './input-files';
import { openInputText } from './input-stream';
import type { IngestFileReport, IngestProgress, ParseThread } from './ingest-report';
import { packedWriterOf, type PackedPaymentWriter } from './payment-batch';
import { parsePaymentsInWorker } from './payment-parse-thread';
import { RejectsFile } from './rejects-file';
import { unreadableReason } from './unreadable';
import { validatingReader } from './validating-reader';

/**
 * Rows gathered before a write. A 1 MiB chunk holds about ten thousand rows, so in practice each
 * chunk's rows are written before the next chunk is awaited: they die young, instead of being
 * promoted to the old generation and inflating the heap between major collections.
 */
const BATCH_ROWS = 4_096;

/**
 * Payments files from this size up are parsed on a worker thread (`parseThread: 'auto'`): below
 * it, starting the thread (and, from the sources, compiling its modules) costs more than it saves.
 */
const PARSE_THREAD_MIN_BYTES = 8 << 20;

/** Thrown inside a load to roll it back while keeping the file's counts. */
class FileNotLoaded extends Error {}

interface FileOptions {
  maxRejectRate: number;
  rejectsDir?: string;
  onProgress?: (p: IngestProgress) => void;
  parseThread?: ParseThread;
}

/**
 * Loads one input file as one atomic store load: every row is read, validated and either
 * written or sent to the rejects file; if rejected/read ends above `maxRejectRate` (or the file
 * cannot be read: bad header, corrupt gzip) the load is rolled back and the report says why
 * (`loaded: false`). Store failures propagate. Rows are written in batches while reading, so
 * memory does not grow with the file.
 *
 * A large payments file into a store with a packed writer (SQLite) is read, validated and
 * normalised on a worker thread while this thread writes (`readOnThread`); rows, rejects,
 * counts and the stored result are the same as on the inline path (`readInline`).
 */
export async function ingestFile(
  store: EntityStore,
  input: InputFile,
  opts: FileOptions,
): Promise<IngestFileReport> {
  const rejects = new RejectsFile(
    path.join(
      opts.rejectsDir ?? path.dirname(input.path),
      `${path.basename(input.path)}.rejects.csv`,
    ),
  );
  const report: IngestFileReport = {
    file: input.path,
    entity: input.entity,
    read: 0,
    accepted: 0,
    rejected: 0,
    rejectsFile: null,
    loaded: false,
  };
  try {
    await store.load(async (writer) => {
      const packed = input.entity === 'payments' ? packedWriterOf(writer) : null;
      if (packed !== null && useParseThread(input, opts.parseThread ?? 'auto'))
        await readOnThread(input, packed, report, rejects, opts);
      else await readInline(input, writer, report, rejects, opts);
      const rate = report.read === 0 ? 0 : report.rejected / report.read;
      if (rate > opts.maxRejectRate) {
        throw new FileNotLoaded(
          `rejected ${report.rejected} of ${report.read} rows (${percent(rate)}), above the limit of ${percent(opts.maxRejectRate)}`,
        );
      }
    });
    report.loaded = true;
  } catch (err) {
    if (!(err instanceof FileNotLoaded)) throw err;
    report.reason = err.message;
  } finally {
    report.rejectsFile = rejects.close();
  }
  return report;
}

function useParseThread(input: InputFile, mode: ParseThread): boolean {
  if (mode !== 'auto') return mode === 'always';
  try {
    return fs.statSync(input.path).size >= PARSE_THREAD_MIN_BYTES;
  } catch {
    return false;
  }
}

/** Reads, validates and writes the file on this thread, `BATCH_ROWS` rows per write. */
async function readInline(
  input: InputFile,
  writer: LoadWriter,
  report: IngestFileReport,
  rejects: RejectsFile,
  opts: FileOptions,
): Promise<void> {
  const spec = ENTITY_SPECS[input.entity];
  let batch: Parameters<typeof spec.write>[1] = [];
  const { reader, sink } = validatingReader(
    input,
    spec,
    (row) => {
      report.read++;
      report.accepted++;
      batch.push(row);
    },
    (line, reason, raw) => {
      report.read++;
      report.rejected++;
      rejects.add(line, reason, raw);
    },
  );
  try {
    const text = openInputText(input);
    for await (const chunk of text.chunks) {
      reader.push(chunk, sink);
      if (batch.length >= BATCH_ROWS) {
        await spec.write(writer, batch);
        batch = [];
      }
      opts.onProgress?.({
        file: input.path,
        rows: report.read,
        bytes: text.bytesRead(),
        totalBytes: text.totalBytes,
      });
    }
    reader.end(sink);
  } catch (err) {
    const reason = unreadableReason(err);
    if (reason !== null) throw new FileNotLoaded(reason);
    throw err;
  }
  if (batch.length > 0) await spec.write(writer, batch);
}

/**
 * Payments parsed on a worker thread (`payment-parse-thread.ts`), one packed batch per input
 * chunk, written here as they come while the worker reads ahead.
 */
async function readOnThread(
  input: InputFile,
  writer: PackedPaymentWriter,
  report: IngestFileReport,
  rejects: RejectsFile,
  opts: FileOptions,
): Promise<void> {
  for await (const m of parsePaymentsInWorker(input)) {
    if (m.type === 'end') {
      if (m.notLoaded !== null) throw new FileNotLoaded(m.notLoaded);
      return;
    }
    report.read += m.read;
    report.rejected += m.rejects.length;
    report.accepted += m.batch.n;
    for (const [line, reason, raw] of m.rejects) rejects.add(line, reason, raw);
    if (m.batch.n > 0 || m.batch.links.length > 0) await writer.upsertPackedPayments(m.batch);
    opts.onProgress?.({
      file: input.path,
      rows: report.read,
      bytes: m.bytes,
      totalBytes: m.totalBytes,
    });
  }
}

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}
