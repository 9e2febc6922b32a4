import path from 'node:path';
import { InvalidInputError } from '../errors';
import type { EntityStore } from '../store/port';
import { CsvRecordReader } from './csv-record-reader';
import { ENTITY_SPECS } from './entity-specs';
import type { InputFile } from './input-files';
import { openInputText } from './input-stream';
import type { IngestFileReport, IngestProgress } from './ingest-report';
import { NdjsonRecordReader } from './ndjson-record-reader';
import type { RecordReader, RowSink } from './record-reader';
import { RejectsFile } from './rejects-file';

/**
 * Rows gathered before a write. A 1 MiB chunk holds about ten thousand rows, so in practice each
 * chunk's rows are written before the next chunk is awaited: they die young, instead of being
 * promoted to the old generation and inflating the heap between major collections.
 */
const BATCH_ROWS = 4_096;

/** Thrown inside a load to roll it back while keeping the file's counts. */
class FileNotLoaded extends Error {}

/**
 * Loads one input file as one atomic store load: every row is read, validated and either
 * written or sent to the rejects file; if rejected/read ends above `maxRejectRate` (or the file
 * cannot be read: bad header, corrupt gzip) the load is rolled back and the report says why
 * (`loaded: false`). Store failures propagate. Rows are written in batches while reading, so
 * memory does not grow with the file.
 */
export async function ingestFile(
  store: EntityStore,
  input: InputFile,
  opts: { maxRejectRate: number; rejectsDir?: string; onProgress?: (p: IngestProgress) => void },
): Promise<IngestFileReport> {
  const spec = ENTITY_SPECS[input.entity];
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
      let batch: Parameters<typeof spec.write>[1] = [];
      const sink: RowSink = (line, values, raw, error) => {
        report.read++;
        const row = values === null ? error! : spec.validate(values);
        if (typeof row === 'string') {
          report.rejected++;
          rejects.add(line, row, raw);
        } else {
          report.accepted++;
          batch.push(row);
        }
      };
      const reader: RecordReader =
        input.format === 'csv'
          ? new CsvRecordReader(spec.columns, spec.required)
          : new NdjsonRecordReader(spec.columns);
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
        if (err instanceof InvalidInputError) throw new FileNotLoaded(err.message);
        const code = (err as { code?: unknown } | null)?.code;
        if (typeof code === 'string' && code.startsWith('Z_')) {
          throw new FileNotLoaded(`cannot read the gzip stream (${(err as Error).message})`);
        }
        if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT') {
          throw new FileNotLoaded(`cannot read the file (${code})`);
        }
        throw err;
      }
      if (batch.length > 0) await spec.write(writer, batch);
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

function percent(rate: number): string {
  return `${Number((rate * 100).toFixed(2))}%`;
}
