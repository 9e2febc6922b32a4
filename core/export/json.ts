import type { CaseExportDocument } from './case-document';

/**
 * The case as JSON, valid against `schemas/case-export.schema.json`: the export document
 * indented by two spaces with a final newline. Its key order is the document's fixed order, so
 * the same case gives the same bytes.
 */
export function renderCaseJson(doc: CaseExportDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}
