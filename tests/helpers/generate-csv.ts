import { readFileSync } from 'node:fs';

/** Parses an RFC 4180 CSV file (quoted fields, doubled quotes, LF or CRLF) into header-keyed rows. */
export function readCsv(path: string): { header: string[]; rows: Array<Record<string, string>> } {
  const text = readFileSync(path, 'utf8');
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += c;
  }
  if (field.length > 0 || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  const [header, ...body] = records;
  return {
    header,
    rows: body.map((r) => {
      if (r.length !== header.length)
        throw new Error(`${path}: row with ${r.length} fields: ${r.join(',')}`);
      return Object.fromEntries(header.map((h, k) => [h, r[k]]));
    }),
  };
}
