import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { buildCaseDocument } from '../../core/export/case-document';
import { CASE_CSV_COLUMNS, CSV_LIST_SEPARATOR, renderCaseCsv } from '../../core/export/csv';
import { neutraliseFormula } from '../../core/export/csv-cell';
import { exportMasker } from '../../core/export/export-masker';
import { evidenceHash } from '../../core/export/evidence-pack';
import { renderCaseJson } from '../../core/export/json';
import { parseCsv } from '../helpers/export-csv-reader';
import { HOSTILE, hostileSnapshot } from '../helpers/export-snapshot-fixture';

const schema = JSON.parse(
  fs.readFileSync(path.join(__dirname, '../../schemas/case-export.schema.json'), 'utf8'),
) as object;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(schema);

const pack = { hash: 'a'.repeat(64), createdAt: Date.UTC(2026, 3, 2, 9, 30) };

describe('case export document', () => {
  const revealed = true;
  const doc = buildCaseDocument(hostileSnapshot(), pack, exportMasker(revealed));
  const masked = buildCaseDocument(hostileSnapshot(), pack, exportMasker(!revealed));

  it('CSV: one row per account, read back by an RFC 4180 parser with the same values', () => {
    const rows = parseCsv(renderCaseCsv(doc));
    expect(rows[0]).toEqual([...CASE_CSV_COLUMNS]);
    expect(rows).toHaveLength(1 + doc.accounts.length);
    const col = (name: (typeof CASE_CSV_COLUMNS)[number]) => CASE_CSV_COLUMNS.indexOf(name);
    doc.accounts.forEach((a, i) => {
      const row = rows[i + 1];
      expect(row).toHaveLength(CASE_CSV_COLUMNS.length);
      expect(row[col('case_id')]).toBe('case-<b>1</b>');
      expect(row[col('ring_id')]).toBe('ring-1');
      expect(row[col('score')]).toBe('87.5');
      expect(row[col('account_id')]).toBe(neutraliseFormula(a.user_id));
      expect(row[col('name')]).toBe(a.name);
      expect(row[col('email')]).toBe(a.email ?? '');
      expect(row[col('account_evidence')]).toBe(a.evidence.join(CSV_LIST_SEPARATOR));
      expect(row[col('decision')]).toBe('confirmed_fraud');
      expect(row[col('decision_note')]).toBe(`'=cmd ${HOSTILE.html}`);
      expect(row[col('decided_by')]).toBe('alice');
      expect(row[col('decided_at')]).toBe('2026-04-02T09:30:00.000Z');
      expect(row[col('evidence_pack_sha256')]).toBe(pack.hash);
    });
  });

  it('CSV: each hostile account id comes out neutralised with its text kept', () => {
    const rows = parseCsv(renderCaseCsv(doc)).slice(1);
    const ids = rows.map((r) => r[CASE_CSV_COLUMNS.indexOf('account_id')]);
    expect(ids).toEqual([
      `'${HOSTILE.equals}`,
      `'${HOSTILE.plus}`,
      `'${HOSTILE.minus}`,
      `'${HOSTILE.at}`,
      `'${HOSTILE.tab}`,
      `'${HOSTILE.cr}`,
      'acct-plain',
    ]);
    for (const row of rows) for (const cell of row) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false);
  });

  it('CSV: masked exports carry masked identifiers only', () => {
    const text = renderCaseCsv(masked);
    const rows = parseCsv(text);
    const row = rows[1];
    expect(row[CASE_CSV_COLUMNS.indexOf('email')]).toBe('J***@Gmail.com');
    expect(row[CASE_CSV_COLUMNS.indexOf('phone')]).toBe('***-***-1234');
    expect(row[CASE_CSV_COLUMNS.indexOf('cards')]).toBe('****3a77');
    expect(row[CASE_CSV_COLUMNS.indexOf('devices')]).toBe('dev-42');
    expect(rows[2][CASE_CSV_COLUMNS.indexOf('address')]).toBe('***, Springfield');
    expect(text).not.toMatch(/john\.?doe/i);
    expect(text).not.toContain('7946');
    expect(text).not.toContain('card-9f3a77');
  });

  it('JSON: validates against the schema, masked and revealed', () => {
    for (const d of [doc, masked]) {
      const ok = validate(JSON.parse(renderCaseJson(d)));
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it('JSON: a broken document does not validate', () => {
    const good = renderCaseJson(doc);
    const broken: Array<[string, Array<string | number>, unknown]> = [
      ['missing accounts', ['accounts'], undefined],
      ['score above 100', ['ring', 'score'], 101],
      ['unknown status', ['case', 'status'], 'closed'],
      ['bad time', ['case', 'created_at'], 'yesterday'],
      ['bad hash', ['evidence_pack', 'hash'], 'xyz'],
      ['extra field', ['accounts', 0, 'ssn'], '123'],
      ['wrong version', ['format_version'], 2],
    ];
    for (const [name, at, value] of broken) {
      const copy = JSON.parse(good) as unknown;
      let parent = copy as Record<string | number, unknown>;
      for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      if (value === undefined) delete parent[at[at.length - 1]];
      else parent[at[at.length - 1]] = value;
      expect([name, validate(copy)]).toEqual([name, false]);
    }
    expect(validate(JSON.parse(good))).toBe(true);
  });

  it('JSON: masks emails, phones, addresses, cards and graph ids, also inside evidence text', () => {
    const text = renderCaseJson(masked);
    expect(text).not.toMatch(/john\.?doe/i);
    expect(text).not.toContain('9f3a77');
    expect(masked.ring?.evidence[0]).toEqual({
      kind: 'shared_email',
      value: 'j***@gmail.com',
      accounts: 3,
      text: '3 accounts share email j***@gmail.com',
    });
    expect(masked.graph.nodes.map((n) => n.id)).toContain('email:~1');
    expect(masked.graph.nodes.find((n) => n.type === 'hub')).toEqual({
      id: 'hub:~1',
      type: 'hub',
      label: 'phone hub (60 accounts)',
    });
    expect(masked.ring?.evidence[1].text).toBe(
      `7 accounts share device dev-42 ${HOSTILE.html}; phone ***-***-1234 is a hub`,
    );
    expect(masked.accounts[0].evidence).toContain(
      'uses a phone identifier shared by 60 accounts (hub)',
    );
    expect(masked.graph.edges.filter((e) => e.target === 'email:~1')).toHaveLength(3);
    expect(masked.accounts[0].evidence).toContain(
      'shares email J***@Gmail.com with 2 other accounts of the case',
    );
    expect(masked.accounts[0].evidence).toContain(
      'paid 1 account of the case (2 payments, amount 20)',
    );
    expect(doc.accounts[0].evidence).toContain(
      'shares email John.Doe+x@Gmail.com with 2 other accounts of the case',
    );
  });

  it('is deterministic, and the pack hash depends on content only, not key order', () => {
    expect(renderCaseJson(buildCaseDocument(hostileSnapshot(), pack, exportMasker(false)))).toBe(
      renderCaseJson(masked),
    );
    const a = hostileSnapshot();
    const reverseKeys = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(reverseKeys)
        : v !== null && typeof v === 'object'
          ? Object.fromEntries(
              Object.entries(v)
                .reverse()
                .map(([k, x]) => [k, reverseKeys(x)]),
            )
          : v;
    const reordered = reverseKeys(a);
    expect(Object.keys(reordered as object)[0]).toBe('frozen');
    expect(evidenceHash(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(evidenceHash({ b: 1, a: [1, { d: 2, c: 3 }] })).toBe(
      evidenceHash({ a: [1, { c: 3, d: 2 }], b: 1 }),
    );
    expect(evidenceHash(reordered)).toBe(evidenceHash(a));
    const changed = hostileSnapshot();
    changed.ring!.score = 87.6;
    expect(evidenceHash(changed)).not.toBe(evidenceHash(a));
  });
});
