import { CsvRecordReader } from './csv-record-reader';
import type { LineTaker } from './csv-tokenizer';
import type { EntitySpec } from './entity-specs';
import type { InputFile } from './input-files';
import { NdjsonRecordReader } from './ndjson-record-reader';
import type { RecordReader, RowSink } from './record-reader';

/**
 * The record reader of `input` (CSV or NDJSON, in `spec`'s columns) and the sink that validates
 * each record it yields with `spec`: a valid row goes to `accept`, anything else (a record that
 * could not be read, or a row the rules refuse) to `reject` with its physical line, reason and
 * raw text. Shared by the inline read and the payments parse thread, so both judge rows alike.
 *
 * `takeLine` (CSV only; see `CsvRecordReader`) may take a well-formed line before it is split
 * and validated here: it must take only lines `spec` accepts, and treat them as `accept` would.
 */
export function validatingReader<T>(
  input: InputFile,
  spec: EntitySpec<T>,
  accept: (row: T) => void,
  reject: (line: number, reason: string, raw: string) => void,
  takeLine: LineTaker | null = null,
): { reader: RecordReader; sink: RowSink } {
  const reader: RecordReader =
    input.format === 'csv'
      ? new CsvRecordReader(spec.columns, spec.required, takeLine)
      : new NdjsonRecordReader(spec.columns);
  const sink: RowSink = (line, values, raw, error) => {
    const row = values === null ? error! : spec.validate(values);
    if (typeof row === 'string') reject(line, row, raw);
    else accept(row);
  };
  return { reader, sink };
}
