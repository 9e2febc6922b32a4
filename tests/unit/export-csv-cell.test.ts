import { csvCell, csvRow, FORMULA_TRIGGERS, neutraliseFormula } from '../../core/export/csv-cell';
import { parseCsv } from '../helpers/export-csv-reader';

describe('csv-cell', () => {
  const hostile: Array<[string, string]> = [
    ['=', '=HYPERLINK("http://evil.example","x")'],
    ['+', '+1+cmd|" /C calc"!A0'],
    ['-', '-2+3'],
    ['@', '@SUM(1+9)'],
    ['tab', '\t=1+1'],
    ['carriage return', '\r=1+1'],
  ];

  it.each(hostile)('neutralises a cell starting with %s and keeps its text', (_name, text) => {
    const cell = csvCell(text);
    const [[back]] = parseCsv(`${cell}\r\n`);
    expect(back).toBe(`'${text}`);
    expect(back.slice(1)).toBe(text);
  });

  it('covers exactly the OWASP trigger characters', () => {
    expect([...FORMULA_TRIGGERS].sort()).toEqual(['\t', '\r', '+', '-', '=', '@'].sort());
    expect(neutraliseFormula('a=b')).toBe('a=b');
    expect(neutraliseFormula(' =1')).toBe(' =1');
    expect(neutraliseFormula('')).toBe('');
    expect(neutraliseFormula("'=1")).toBe("'=1");
  });

  it('quotes as RFC 4180 says and round-trips through a parser', () => {
    const values = ['plain', 'a,b', 'say "hi"', 'two\r\nlines', 'lf\nonly', 'ünïcødé ✓', ''];
    const text = csvRow(values) + csvRow(['x', 'y', 'z', 'w', 'v', 'u', 't']);
    expect(text).toBe(
      'plain,"a,b","say ""hi""","two\r\nlines","lf\nonly",ünïcødé ✓,\r\nx,y,z,w,v,u,t\r\n',
    );
    expect(parseCsv(text)).toEqual([values, ['x', 'y', 'z', 'w', 'v', 'u', 't']]);
  });

  it('writes numbers, booleans and nulls as data, not as formulas', () => {
    expect(csvRow([-5, 87.5, true, false, null, undefined, Number.NaN])).toBe(
      '-5,87.5,true,false,,,\r\n',
    );
  });
});
