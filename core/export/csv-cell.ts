/**
 * CSV cells that are safe to open in a spreadsheet and exact to read back with any RFC 4180 parser.
 * Shared by every CSV this project writes (case exports, `rings --format csv`, rejects files).
 */

/** First characters that make Excel, LibreOffice or Google Sheets evaluate a cell (OWASP "CSV Injection"). */
export const FORMULA_TRIGGERS: readonly string[] = ['=', '+', '-', '@', '\t', '\r'];

export type CsvValue = string | number | boolean | null | undefined;

/**
 * Neutralises a text that a spreadsheet would run as a formula by prefixing a single quote, as
 * OWASP recommends; the text itself is kept, so a reader sees `'=HYPERLINK(…)` rather than a
 * live link. Other texts are returned unchanged.
 */
export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.includes(text[0]) ? `'${text}` : text;
}

/**
 * One RFC 4180 field: strings are neutralised (see `neutraliseFormula`) then quoted when they hold
 * a comma, a double quote, CR or LF (inner quotes doubled). Numbers and booleans this program
 * produced are written as they are (a negative number is data, not a formula); `null` and
 * `undefined` are empty. Non-finite numbers are written empty rather than as `NaN`.
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record, CRLF-terminated as RFC 4180 says. */
export function csvRow(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
