/**
 * Receives each CSV record: the physical line number where it starts (1 = the first line of the
 * file), its fields (null when it could not be read), the raw text (for the rejects file) and
 * why it could not be read (`blank line`, `unclosed quote`, …) or null.
 */
export type RecordSink = (
  line: number,
  fields: string[] | null,
  raw: string,
  error: string | null,
) => void;

/**
 * Offered a line without a quote before it is split (`buf[start, end)`, terminator excluded):
 * returns true when it took the line itself, which is then not emitted.
 */
export type LineTaker = (buf: string, start: number, end: number) => boolean;

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;
const NEED_MORE = null;

interface Parsed {
  fields: string[] | null;
  /** Index just after the record's line terminator. */
  next: number;
  /** Index of the end of the record's text (before its terminator). */
  end: number;
  error: string | null;
}

/**
 * Streaming RFC 4180 tokenizer over decoded text chunks: never holds more than one chunk plus
 * one unfinished record. Accepts LF and CRLF line ends, a leading BOM, and quoted fields with
 * commas, doubled quotes and line breaks. A quote inside an unquoted field is an ordinary
 * character (lenient, as spreadsheets write them).
 *
 * Malformed input never swallows the rest of a file: a quoted field that is still open at the
 * end of the input, or after `maxRecordChars`, is reported as `unclosed quote` for its first
 * physical line only, and reading resumes on the next line. The fast path (a line without a
 * quote) is one `indexOf` and one native `split` per record.
 */
export class CsvTokenizer {
  private carry = '';
  private line = 1;
  private started = false;
  private skippingLongLine = false;
  private expectedFields = 0;
  /** Offered each line without a quote (see `LineTaker`). */
  takeLine: LineTaker | null = null;

  constructor(private readonly maxRecordChars = 1 << 20) {}

  /**
   * Tells the tokenizer how many fields a record has (the header's), so that a stray quote which
   * pairs with a quote lines later is recognised: a record spanning lines that is malformed or has
   * the wrong field count is reported as an unclosed quote on its first line.
   */
  expectFields(count: number): void {
    this.expectedFields = count;
  }

  push(text: string, emit: RecordSink): void {
    this.run(this.carry.length === 0 ? text : this.carry + text, false, emit);
  }

  end(emit: RecordSink): void {
    this.run(this.carry, true, emit);
    this.carry = '';
  }

  private run(buf: string, eof: boolean, emit: RecordSink): void {
    const n = buf.length;
    let pos = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (buf.charCodeAt(0) === 0xfeff) pos = 1;
    }
    if (this.skippingLongLine) {
      const nl = buf.indexOf('\n');
      if (nl === -1) {
        this.carry = '';
        return;
      }
      this.skippingLongLine = false;
      pos = nl + 1;
    }
    let nextQuote = buf.indexOf('"', pos);
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl === -1) {
        if (!eof) {
          if (n - pos > this.maxRecordChars) {
            emit(
              this.line,
              null,
              buf.slice(pos, pos + 1000),
              `record longer than ${this.maxRecordChars} characters`,
            );
            this.line++;
            this.skippingLongLine = true;
            pos = n;
          }
          break;
        }
        nl = n;
      }
      if (nextQuote !== -1 && nextQuote < pos) nextQuote = buf.indexOf('"', pos);
      if (nextQuote === -1 || nextQuote > nl) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        if (end === pos) emit(this.line, null, '', 'blank line');
        else if (this.takeLine === null || !this.takeLine(buf, pos, end)) {
          const raw = buf.slice(pos, end);
          emit(this.line, raw.split(','), raw, null);
        }
        this.line++;
        pos = nl + 1;
        continue;
      }
      const parsed = this.quotedRecord(buf, pos, eof);
      if (parsed === NEED_MORE) break;
      const newlines = countNewlines(buf, pos, parsed.end);
      if (this.looksUnclosed(parsed, newlines)) {
        const firstLineEnd = nl > pos && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
        emit(this.line, null, buf.slice(pos, firstLineEnd), 'unclosed quote');
        this.line++;
        pos = nl + 1;
        continue;
      }
      emit(this.line, parsed.fields, buf.slice(pos, parsed.end), parsed.error);
      this.line += 1 + newlines;
      pos = parsed.next;
    }
    this.carry = pos < n ? buf.slice(pos) : '';
  }

  private looksUnclosed(parsed: Parsed, newlines: number): boolean {
    if (parsed.error === 'unclosed quote') return true;
    if (newlines === 0) return false;
    return (
      parsed.error !== null ||
      (this.expectedFields > 0 && parsed.fields!.length !== this.expectedFields)
    );
  }

  /** Parses the record at `pos` when it holds a quote; NEED_MORE when the chunk ends inside it. */
  private quotedRecord(buf: string, pos: number, eof: boolean): Parsed | typeof NEED_MORE {
    const n = buf.length;
    const fields: string[] = [];
    let i = pos;
    for (;;) {
      if (buf.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = buf.indexOf('"', from);
          if (q === -1 || (q === n - 1 && !eof)) {
            if (!eof && n - pos <= this.maxRecordChars) return NEED_MORE;
            return { fields: null, next: n, end: n, error: 'unclosed quote' };
          }
          if (buf.charCodeAt(q + 1) === QUOTE) {
            value += buf.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += buf.slice(from, q);
          i = q + 1;
          break;
        }
        fields.push(value);
        const c = buf.charCodeAt(i);
        if (c === COMMA) {
          i++;
          continue;
        }
        if (i === n) {
          if (!eof) return NEED_MORE;
          return { fields, next: n, end: n, error: null };
        }
        if (c === LF) return { fields, next: i + 1, end: i, error: null };
        if (c === CR && buf.charCodeAt(i + 1) === LF)
          return { fields, next: i + 2, end: i, error: null };
        if (c === CR && i + 1 === n && !eof) return NEED_MORE;
        const nl = buf.indexOf('\n', i);
        if (nl === -1 && !eof) return NEED_MORE;
        const stop = nl === -1 ? n : nl;
        return {
          fields: null,
          next: stop + 1,
          end: stop > 0 && buf.charCodeAt(stop - 1) === CR ? stop - 1 : stop,
          error: 'text after a closing quote',
        };
      }
      const comma = buf.indexOf(',', i);
      let nl = buf.indexOf('\n', i);
      if (nl === -1) {
        if (!eof) return NEED_MORE;
        nl = n;
      }
      if (comma !== -1 && comma < nl) {
        fields.push(buf.slice(i, comma));
        i = comma + 1;
        continue;
      }
      const end = nl > i && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      fields.push(buf.slice(i, end));
      return { fields, next: nl + 1, end, error: null };
    }
  }
}

function countNewlines(buf: string, from: number, to: number): number {
  let count = 0;
  for (let i = buf.indexOf('\n', from); i !== -1 && i < to; i = buf.indexOf('\n', i + 1)) count++;
  return count;
}
