import { CsvTokenizer } from '../../core/ingest/csv-tokenizer';

interface Rec {
  line: number;
  fields: string[] | null;
  raw: string;
  error: string | null;
}

function tokenize(text: string, chunkSize = text.length || 1, expect = 0): Rec[] {
  const out: Rec[] = [];
  const t = new CsvTokenizer(64);
  if (expect > 0) t.expectFields(expect);
  const sink = (line: number, fields: string[] | null, raw: string, error: string | null) =>
    out.push({ line, fields, raw, error });
  for (let i = 0; i < text.length; i += chunkSize) t.push(text.slice(i, i + chunkSize), sink);
  t.end(sink);
  return out;
}

describe('CsvTokenizer', () => {
  it('reads plain records with LF and CRLF ends, and strips a BOM', () => {
    const recs = tokenize('\uFEFFa,b\r\n1,2\n3,4');
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks, numbering records by their first physical line', () => {
    const recs = tokenize('a,b\n"x,y","say ""hi"""\n"multi\nline",z\r\nlast,1\n');
    expect(recs.map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['x,y', 'say "hi"'],
      ['multi\nline', 'z'],
      ['last', '1'],
    ]);
    expect(recs.map((r) => r.line)).toEqual([1, 2, 3, 5]);
    expect(recs[2]!.raw).toBe('"multi\nline",z');
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = 'h1,h2\r\n"a ""q"" b","c\r\nd"\r\n\r\ne,f\r\n"g",h';
    const whole = tokenize(text);
    for (const size of [1, 2, 3, 5, 7]) expect(tokenize(text, size)).toEqual(whole);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 5, 6]);
  });

  it('reports a blank line as a record with an error, but not the final line end', () => {
    const recs = tokenize('a\n\nb\n');
    expect(recs).toEqual([
      { line: 1, fields: ['a'], raw: 'a', error: null },
      { line: 2, fields: null, raw: '', error: 'blank line' },
      { line: 3, fields: ['b'], raw: 'b', error: null },
    ]);
  });

  it('rejects an unclosed quote on its own line and resumes on the next one', () => {
    const recs = tokenize('a,b\n1,"open\n2,3\n4,5\n');
    expect(recs.map((r) => [r.line, r.error, r.fields])).toEqual([
      [1, null, ['a', 'b']],
      [2, 'unclosed quote', null],
      [3, null, ['2', '3']],
      [4, null, ['4', '5']],
    ]);
    expect(recs[1]!.raw).toBe('1,"open');
  });

  it('does not let a stray quote swallow the lines up to the next quoted field', () => {
    const recs = tokenize('a,b\n1,"open\n2,3\n"q",4\n', 1_000, 2);
    expect(recs.map((r) => [r.line, r.error, r.fields])).toEqual([
      [1, null, ['a', 'b']],
      [2, 'unclosed quote', null],
      [3, null, ['2', '3']],
      [4, null, ['q', '4']],
    ]);
  });

  it('keeps a quote inside an unquoted field and rejects text after a closing quote', () => {
    const recs = tokenize('ab"c,d\n"x"y,z\n');
    expect(recs[0]!.fields).toEqual(['ab"c', 'd']);
    expect(recs[1]).toEqual({
      line: 2,
      fields: null,
      raw: '"x"y,z',
      error: 'text after a closing quote',
    });
  });

  it('reports a line longer than the record limit once and skips it', () => {
    const recs = tokenize(`a\n${'x'.repeat(200)}\nb\n`, 16);
    expect(recs.map((r) => [r.line, r.error])).toEqual([
      [1, null],
      [2, 'record longer than 64 characters'],
      [3, null],
    ]);
  });

  it('offers each line without a quote to takeLine, which may take it, across chunk ends', () => {
    const text = 'h1,h2\r\nkeep,1\r\n\n"q,x",2\ntake,3\nkeep,4';
    for (const chunkSize of [text.length, 5, 1]) {
      const offered: string[] = [];
      const out: Rec[] = [];
      const t = new CsvTokenizer(64);
      t.takeLine = (buf, start, end) => {
        const line = buf.slice(start, end);
        offered.push(line);
        return line.startsWith('take');
      };
      const sink = (line: number, fields: string[] | null, raw: string, error: string | null) =>
        out.push({ line, fields, raw, error });
      for (let i = 0; i < text.length; i += chunkSize) t.push(text.slice(i, i + chunkSize), sink);
      t.end(sink);
      // Not the blank line, not the quoted record; terminators excluded.
      expect(offered).toEqual(['h1,h2', 'keep,1', 'take,3', 'keep,4']);
      expect(out.map((r) => [r.line, r.raw, r.error])).toEqual([
        [1, 'h1,h2', null],
        [2, 'keep,1', null],
        [3, '', 'blank line'],
        [4, '"q,x",2', null],
        [6, 'keep,4', null],
      ]);
    }
  });
});
