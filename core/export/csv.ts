import type { CaseExportDocument, ExportAccount } from './case-document';
import { csvRow } from './csv-cell';

/** Columns of the case CSV, in order; the header row repeats them. */
export const CASE_CSV_COLUMNS = [
  'case_id',
  'case_status',
  'ring_id',
  'run_id',
  'score',
  'account_id',
  'name',
  'email',
  'phone',
  'address',
  'cards',
  'devices',
  'ips',
  'country',
  'label',
  'account_evidence',
  'ring_evidence',
  'decision',
  'decision_note',
  'decided_by',
  'decided_at',
  'evidence_pack_sha256',
] as const;

/** Several values in one cell (cards, evidence sentences) are joined with this separator. */
export const CSV_LIST_SEPARATOR = ' | ';

const idsOf = (a: ExportAccount, kind: string): string =>
  a.identifiers
    .filter((i) => i.kind === kind)
    .map((i) => i.value)
    .join(CSV_LIST_SEPARATOR);

/**
 * The case as CSV: a header, then one row per account of the case carrying the case, ring and
 * decision columns too, so each row stands alone in a spreadsheet filter. UTF-8, CRLF records,
 * RFC 4180 quoting, formula-triggering cells neutralised (`csv-cell.ts`). Values are those of the
 * export document, so masked exactly as the JSON is.
 */
export function renderCaseCsv(doc: CaseExportDocument): string {
  const ringEvidence = doc.ring?.evidence.map((e) => e.text).join(CSV_LIST_SEPARATOR) ?? '';
  let out = csvRow(CASE_CSV_COLUMNS);
  for (const a of doc.accounts) {
    out += csvRow([
      doc.case.case_id,
      doc.case.status,
      doc.ring?.ring_id ?? null,
      doc.ring?.run_id ?? null,
      doc.ring?.score ?? null,
      a.user_id,
      a.name,
      a.email,
      a.phone,
      a.address,
      idsOf(a, 'card'),
      idsOf(a, 'device'),
      idsOf(a, 'ip'),
      a.country,
      a.label,
      a.evidence.join(CSV_LIST_SEPARATOR),
      ringEvidence,
      doc.decision?.status ?? null,
      doc.decision?.note ?? null,
      doc.decision?.decided_by ?? null,
      doc.decision?.decided_at ?? null,
      doc.evidence_pack?.hash ?? null,
    ]);
  }
  return out;
}
