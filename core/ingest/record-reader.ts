/**
 * Receives each data record of an input file, header excluded: the physical line where it
 * starts, its values in the entity's column order (undefined for a column the file lacks), the
 * raw text, and why it could not be read (`values` is then null).
 */
export type RowSink = (
  line: number,
  values: Array<string | undefined> | null,
  raw: string,
  error: string | null,
) => void;

/** Turns decoded text chunks of one file into rows; `end` flushes the last one. */
export interface RecordReader {
  push(text: string, sink: RowSink): void;
  end(sink: RowSink): void;
}
