import { createHash } from 'node:crypto';
import { InvalidInputError } from '../errors';
import type { GraphStore } from '../store/port';
import type { AuditEntry } from '../types';
import { buildCaseDocument } from './case-document';
import { renderCaseCsv } from './csv';
import { loadCaseSnapshot } from './evidence-pack';
import { exportMasker } from './export-masker';
import { renderCaseHtml } from './html';
import { renderCaseJson } from './json';

export const EXPORT_FORMATS = ['csv', 'json', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderedExport {
  contentType: string;
  filename: string;
  body: string;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8; header=present',
  json: 'application/json; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** Most audit entries a report lists (the most recent ones). */
export const REPORT_AUDIT_LIMIT = 1000;

/** Narrows a user-given format name, else `INVALID_FORMAT` (exit 2 / HTTP 400). */
export function parseExportFormat(format: string): ExportFormat {
  if ((EXPORT_FORMATS as readonly string[]).includes(format)) return format as ExportFormat;
  throw new InvalidInputError(
    'INVALID_FORMAT',
    `fraud-rings: unknown export format ${JSON.stringify(format)} (expected ${EXPORT_FORMATS.join(', ')})`,
  );
}

/**
 * A file name safe on every file system and in a Content-Disposition header, and distinct for
 * distinct case ids (the nightly export writes every case into one folder): bytes other than
 * letters, digits, `_` and `-` are percent-encoded; a very long id is cut and suffixed with a
 * digest of the whole id.
 */
export function exportFilename(caseId: string, format: ExportFormat): string {
  let safe = Array.from(Buffer.from(caseId, 'utf8'), (b) =>
    /[A-Za-z0-9_-]/.test(String.fromCharCode(b))
      ? String.fromCharCode(b)
      : `%${b.toString(16).toUpperCase().padStart(2, '0')}`,
  ).join('');
  if (safe.length > 120)
    safe = `${safe.slice(0, 100)}~${createHash('sha256').update(caseId, 'utf8').digest('hex').slice(0, 16)}`;
  return `case-${safe}.${format}`;
}

/**
 * Renders one case export. A decided case is rendered from its evidence pack (so the export
 * never changes after the decision; the HTML report's audit section, which lists the case's
 * audit trail at render time, is the one live part), an undecided case from live data. Personal
 * data is masked unless `reveal` (authorising a reveal is the caller's job). Every export is
 * recorded in the audit log as `case.export` on `case:<id>`, after it has been rendered.
 *
 * Throws `CASE_NOT_FOUND`, `INVALID_FORMAT`, or `EVIDENCE_PACK_CORRUPT` when a pack fails its hash.
 */
export async function renderCaseExport(
  store: GraphStore,
  caseId: string,
  format: ExportFormat,
  opts: { actor: string; reveal?: boolean; at?: number },
): Promise<RenderedExport> {
  const fmt = parseExportFormat(format);
  const { snapshot, pack } = await loadCaseSnapshot(store, caseId);
  const doc = buildCaseDocument(snapshot, pack, exportMasker(opts.reveal === true));
  const body =
    fmt === 'csv'
      ? renderCaseCsv(doc)
      : fmt === 'json'
        ? renderCaseJson(doc)
        : renderCaseHtml(doc, await caseAudit(store, caseId));
  await store.appendAudit({
    at: opts.at ?? Date.now(),
    actor: opts.actor,
    action: 'case.export',
    target: `case:${caseId}`,
    detail: { format: fmt, masked: doc.masked, evidencePack: pack?.hash ?? null },
  });
  return { contentType: CONTENT_TYPES[fmt], filename: exportFilename(caseId, fmt), body };
}

/** The case's audit trail, oldest first, at most `REPORT_AUDIT_LIMIT` most recent entries. */
async function caseAudit(store: GraphStore, caseId: string): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listAudit({ target: `case:${caseId}`, cursor, limit: 200 });
    entries.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && entries.length < REPORT_AUDIT_LIMIT);
  return entries.slice(0, REPORT_AUDIT_LIMIT).sort((a, b) => a.at - b.at || a.id - b.id);
}
