import type { RecordReader, RowSink } from './record-reader';

/**
 * NDJSON rows: one JSON object per line, keys named like the CSV columns (unknown keys ignored).
 * Strings are taken as they are, numbers and booleans as their text, null as absent; a line that
 * is blank, not JSON, not an object, or has an object or array where a value belongs is rejected.
 * Line numbers are physical lines, starting at 1 (NDJSON has no header).
 */
export class NdjsonRecordReader implements RecordReader {
  private carry = '';
  private line = 1;
  private started = false;

  constructor(private readonly columns: readonly string[]) {}

  push(text: string, sink: RowSink): void {
    this.run(this.carry.length === 0 ? text : this.carry + text, false, sink);
  }

  end(sink: RowSink): void {
    this.run(this.carry, true, sink);
    this.carry = '';
  }

  private run(buf: string, eof: boolean, sink: RowSink): void {
    let pos = 0;
    if (!this.started && buf.length > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) pos = 1;
    }
    while (pos < buf.length) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!eof) break;
        nl = buf.length;
      }
      const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      this.row(buf.slice(pos, end), sink);
      this.line++;
      pos = nl + 1;
    }
    this.carry = pos < buf.length ? buf.slice(pos) : '';
  }

  private row(raw: string, sink: RowSink): void {
    if (raw.trim().length === 0) {
      sink(this.line, null, raw, 'blank line');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      sink(this.line, null, raw, 'invalid JSON');
      return;
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      sink(this.line, null, raw, 'not a JSON object');
      return;
    }
    const obj = parsed as Record<string, unknown>;
    const values = new Array<string | undefined>(this.columns.length);
    for (let c = 0; c < values.length; c++) {
      const v = obj[this.columns[c]!];
      if (v === undefined || v === null) values[c] = undefined;
      else if (typeof v === 'string') values[c] = v;
      else if (typeof v === 'number' || typeof v === 'boolean') values[c] = String(v);
      else {
        sink(this.line, null, raw, `${this.columns[c]} is not a string or number`);
        return;
      }
    }
    sink(this.line, values, raw, null);
  }
}
