import { createHash } from 'node:crypto';
import type { AuditEntry } from '../types';
import type { CaseExportDocument, ExportAccount } from './case-document';
import { escapeHtml as e } from './escape-html';
import { GRAPH_LEGEND, renderGraphSvg } from './graph-svg';

const CSS = `
*{box-sizing:border-box}
body{font:13px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#24292f;margin:24px auto;max-width:1000px;padding:0 16px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}
.meta{color:#57606a;margin:0 0 12px}.banner{padding:8px 12px;border:1px solid #d0d7de;border-radius:6px;background:#f6f8fa;margin:8px 0}
.frozen{border-color:#1a7f37;background:#dafbe1}.live{border-color:#9a6700;background:#fff8c5}
table{border-collapse:collapse;width:100%;margin:4px 0}th,td{border:1px solid #d0d7de;padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f6f8fa;font-weight:600}dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px;margin:0}dt{font-weight:600}dd{margin:0;overflow-wrap:anywhere}
.score{font-size:28px;font-weight:700}.graph svg{width:100%;height:auto;max-width:640px;border:1px solid #d0d7de}
.legend span{display:inline-block;margin-right:12px}.legend svg{vertical-align:middle;margin-right:4px}
ul{margin:4px 0;padding-left:20px}code{font-family:ui-monospace,monospace;font-size:12px}pre{white-space:pre-wrap;margin:0;font:12px ui-monospace,monospace}
@page{size:A4;margin:14mm}
@media print{body{margin:0;max-width:none;padding:0;font-size:11px}h2{break-after:avoid}tr,.graph,li{break-inside:avoid}.banner{background:none}}
`;

const STYLE_HASH = createHash('sha256').update(CSS, 'utf8').digest('base64');

/**
 * Content-Security-Policy of the report: nothing may load or run (no scripts, no network, no
 * frames, no forms); only the page's own stylesheet, pinned by its hash, applies.
 */
export const REPORT_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; img-src 'none'; base-uri 'none'; form-action 'none'`;

const orDash = (v: string | number | boolean | null | undefined): string =>
  v === null || v === undefined || v === '' ? '—' : e(v);

function definitionList(
  rows: Array<[string, string | number | boolean | null | undefined]>,
): string {
  return `<dl>${rows.map(([k, v]) => `<dt>${e(k)}</dt><dd>${orDash(v)}</dd>`).join('')}</dl>`;
}

function table(headers: string[], rows: string[][], empty: string): string {
  if (rows.length === 0) return `<p class="meta">${e(empty)}</p>`;
  return `<table><thead><tr>${headers.map((h) => `<th>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

const list = (items: string[]): string =>
  items.length === 0 ? '—' : `<ul>${items.map((i) => `<li>${e(i)}</li>`).join('')}</ul>`;

function memberRow(a: ExportAccount): string[] {
  return [
    `<code>${e(a.user_id)}</code>`,
    orDash(a.name),
    orDash(a.email),
    orDash(a.phone),
    orDash(a.address),
    orDash(a.country),
    orDash(a.label),
    list(
      a.identifiers
        .filter((i) => !['email', 'phone', 'address'].includes(i.kind))
        .map((i) => `${i.kind} ${i.value} (${i.accounts} accounts)`),
    ),
    list(a.evidence),
  ];
}

/**
 * The case as one self-contained, printable HTML page: summary, score and evidence, the subgraph
 * as an inline SVG, members, payments, notes, the decision and the audit of the case. Every value
 * from the data is escaped; a strict CSP meta tag forbids scripts and every external load, so the
 * file is safe to open from a mail attachment or a shared drive. `audit` is the case's audit trail
 * at render time (oldest first); everything else comes from the document.
 */
export function renderCaseHtml(doc: CaseExportDocument, audit: AuditEntry[]): string {
  const c = doc.case;
  const r = doc.ring;
  const banner = doc.evidence_pack
    ? `<p class="banner frozen">Frozen evidence: this report shows what was known when the case was decided (evidence pack sha256 <code>${e(doc.evidence_pack.hash)}</code>, frozen ${e(doc.evidence_pack.frozen_at)} by ${orDash(doc.evidence_pack.frozen_by)}).</p>`
    : '<p class="banner live">Live export: this report shows the current state of the case; it changes with new detection runs until the case is decided.</p>';
  const masking = doc.masked ? 'Personal data is masked.' : 'Personal data is revealed (audited).';
  const sections = [
    `<h1>Case ${e(c.case_id)}: ${e(c.title)}</h1>`,
    `<p class="meta">Status ${e(c.status)} · ${e(masking)}</p>`,
    banner,
    '<h2>Summary</h2>',
    definitionList([
      ['Case', c.case_id],
      ['Title', c.title],
      ['Status', c.status],
      ['Assignee', c.assignee],
      ['Opened by', c.created_by],
      ['Opened at', c.created_at],
      ['Ring', c.ring_id],
      ['Opened from run', c.opened_from_run_id],
      ['Detection run', doc.detection?.run_id],
      ['Run finished', doc.detection?.run_finished_at],
      ['Run code version', doc.detection?.run_code_version],
      ['Detector version', doc.detection?.detector_version],
      ['Accounts', doc.accounts.length],
    ]),
    '<h2>Score and evidence</h2>',
    r
      ? `<p><span class="score">${e(r.score)}</span> / 100 · ring ${e(r.ring_id)} · ${e(r.size)} members · ${e(r.status)}${r.flagged ? ' · flagged' : ''}</p>` +
        list(r.evidence.map((ev) => ev.text)) +
        table(
          ['feature', 'value'],
          Object.entries(r.features).map(([k, v]) => [e(k), e(v)]),
          'No features recorded.',
        )
      : '<p class="meta">This case has no ring.</p>',
    '<h2>Graph</h2>',
    `<div class="graph">${renderGraphSvg(doc.graph)}</div>`,
    `<p class="legend">${GRAPH_LEGEND.map(([type, fill]) => `<span><svg width="10" height="10" viewBox="0 0 10 10"><circle cx="5" cy="5" r="5" fill="${fill}"/></svg>${e(type)}</span>`).join('')}${doc.graph.capped ? ' · graph cut at the node limit' : ''}</p>`,
    '<h2>Members</h2>',
    table(
      [
        'account',
        'name',
        'email',
        'phone',
        'address',
        'country',
        'label',
        'other identifiers',
        'evidence',
      ],
      doc.accounts.map(memberRow),
      'No accounts.',
    ),
    '<h2>Payments among members</h2>',
    table(
      ['payer', 'payee', 'payments', 'amount', 'chargebacks'],
      doc.payments.map((p) => [
        `<code>${e(p.payer_id)}</code>`,
        `<code>${e(p.payee_id)}</code>`,
        orDash(p.count),
        orDash(p.amount),
        orDash(p.chargebacks),
      ]),
      'No payments among the members.',
    ),
    '<h2>Notes</h2>',
    table(
      ['time', 'author', 'note'],
      doc.notes.map((n) => [e(n.created_at), e(n.author), `<pre>${e(n.text)}</pre>`]),
      'No notes.',
    ),
    '<h2>Decision</h2>',
    doc.decision
      ? definitionList([
          ['Decision', doc.decision.status],
          ['Decided by', doc.decision.decided_by],
          ['Decided at', doc.decision.decided_at],
          ['Note', doc.decision.note],
        ])
      : '<p class="meta">Not decided yet.</p>',
    '<h2>Audit</h2>',
    table(
      ['time', 'actor', 'action', 'detail'],
      audit.map((a) => [
        e(new Date(a.at).toISOString()),
        e(a.actor),
        e(a.action),
        `<code>${e(JSON.stringify(a.detail))}</code>`,
      ]),
      'No audit entries.',
    ),
  ];
  return (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">' +
    `<meta http-equiv="Content-Security-Policy" content="${e(REPORT_CSP)}">` +
    '<meta name="referrer" content="no-referrer"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>Case ${e(c.case_id)}: ${e(c.title)}</title><style>${CSS}</style></head><body>` +
    sections.join('\n') +
    '\n</body></html>\n'
  );
}
