import { InvalidInputError } from '../errors';
import { CsvTokenizer, type LineTaker } from './csv-tokenizer';
import type { RecordReader, RowSink } from './record-reader';

/**
 * CSV rows by column name: the first record is the header (names trimmed, case-insensitive,
 * any order; unknown columns ignored). A header without a required column, or a file without a
 * header, fails the whole file (`INPUT_BAD_HEADER`). A record with more or fewer fields than the
 * header is rejected with the two counts.
 */
export class CsvRecordReader implements RecordReader {
  private readonly tokenizer = new CsvTokenizer();
  private positions: number[] | null = null;
  private width = 0;
  /** The header names exactly the entity's columns, in order: fields need no rearranging. */
  private inOrder = false;
  private readonly onRecord = (
    line: number,
    fields: string[] | null,
    raw: string,
    error: string | null,
  ): void => {
    if (this.positions === null) {
      this.readHeader(fields, error);
      return;
    }
    if (fields === null) {
      this.sink!(line, null, raw, error);
      return;
    }
    if (fields.length !== this.width) {
      this.sink!(line, null, raw, `expected ${this.width} fields, found ${fields.length}`);
      return;
    }
    if (this.inOrder) {
      this.sink!(line, fields, raw, null);
      return;
    }
    const values = new Array<string | undefined>(this.positions.length);
    for (let c = 0; c < values.length; c++) {
      const p = this.positions[c]!;
      values[c] = p === -1 ? undefined : fields[p];
    }
    this.sink!(line, values, raw, null);
  };
  private sink: RowSink | null = null;

  /**
   * `takeLine`: offered each data line without a quote, when the header names exactly the
   * entity's columns in order (see `CsvTokenizer.takeLine`); a line it takes (true) is not
   * emitted to the sink.
   */
  constructor(
    private readonly columns: readonly string[],
    private readonly required: readonly string[],
    private readonly takeLine: LineTaker | null = null,
  ) {}

  push(text: string, sink: RowSink): void {
    this.sink = sink;
    this.tokenizer.push(text, this.onRecord);
  }

  end(sink: RowSink): void {
    this.sink = sink;
    this.tokenizer.end(this.onRecord);
    if (this.positions === null)
      throw new InvalidInputError('INPUT_BAD_HEADER', 'no header row (the file is empty)');
  }

  private readHeader(fields: string[] | null, error: string | null): void {
    if (fields === null)
      throw new InvalidInputError('INPUT_BAD_HEADER', `line 1 is not a header row (${error})`);
    const names = fields.map((f) => f.trim().toLowerCase());
    const missing = this.required.filter((c) => !names.includes(c));
    if (missing.length > 0) {
      throw new InvalidInputError(
        'INPUT_BAD_HEADER',
        `header lacks required column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
    this.positions = this.columns.map((c) => names.indexOf(c));
    this.width = names.length;
    this.inOrder = this.width === this.columns.length && this.positions.every((p, i) => p === i);
    this.tokenizer.expectFields(this.width);
    if (this.inOrder) this.tokenizer.takeLine = this.takeLine;
  }
}
