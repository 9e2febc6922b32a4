import { IDENTIFIER_KINDS, type AccountView, type IdentifierKind, type Subgraph } from '../types';
import type { EvidencePackRef } from './evidence-pack';
import { accountIdsByNode, type CaseSnapshot } from './case-snapshot';
import type { ExportMasker } from './export-masker';
import { accountEvidence } from './account-evidence';

/** Identifier of the export layout; `schemas/case-export.schema.json` describes version 1. */
export const CASE_EXPORT_FORMAT = 'fraud-rings.case-export' as const;
export const CASE_EXPORT_VERSION = 1 as const;

export interface ExportEvidence {
  kind: string;
  value?: string;
  accounts?: number;
  text: string;
}

export interface ExportIdentifier {
  kind: IdentifierKind;
  value: string;
  accounts: number;
}

export interface ExportAccount {
  user_id: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  country: string | null;
  label: 'fraud' | 'legit' | null;
  stub: boolean;
  created_at: string | null;
  identifiers: ExportIdentifier[];
  payments: {
    sent: number;
    received: number;
    chargebacks: number;
    amount_sent: number;
    amount_received: number;
  };
  evidence: string[];
}

/**
 * The case export (the JSON format, and what the CSV and HTML formats are rendered from): snake
 * case like the data contract's other outputs, times as ISO 8601 UTC, PII masked unless revealed.
 * Deterministic: the same snapshot gives the same document, key for key and item for item.
 */
export interface CaseExportDocument {
  format: typeof CASE_EXPORT_FORMAT;
  format_version: typeof CASE_EXPORT_VERSION;
  masked: boolean;
  case: {
    case_id: string;
    title: string;
    status: string;
    assignee: string | null;
    ring_id: string | null;
    opened_from_run_id: string | null;
    created_by: string;
    created_at: string;
  };
  decision: {
    status: 'confirmed_fraud' | 'dismissed';
    note: string | null;
    decided_by: string | null;
    decided_at: string | null;
  } | null;
  evidence_pack: {
    hash: string;
    algorithm: 'sha256';
    frozen_at: string;
    frozen_by: string | null;
  } | null;
  detection: {
    run_id: string;
    run_finished_at: string | null;
    run_code_version: string | null;
    detector_version: string;
  } | null;
  ring: {
    ring_id: string;
    run_id: string;
    score: number;
    flagged: boolean;
    size: number;
    status: string;
    members: string[];
    parents: string[];
    features: Record<string, number>;
    evidence: ExportEvidence[];
  } | null;
  accounts: ExportAccount[];
  payments: Array<{
    payer_id: string;
    payee_id: string;
    count: number | null;
    amount: number | null;
    chargebacks: number | null;
  }>;
  graph: {
    nodes: Array<{ id: string; type: string; label: string }>;
    edges: Array<{ source: string; target: string; type: 'uses' | 'pays' }>;
    capped: boolean;
  };
  notes: Array<{ note_id: string; author: string; text: string; created_at: string }>;
}

const EMAIL_IN_TEXT = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const iso = (ms: number): string => new Date(ms).toISOString();
const isoOrNull = (ms: number | null): string | null => (ms === null ? null : iso(ms));

/**
 * Builds the export document of a snapshot (`pack` is the frozen pack it came from, if any).
 * Masking (see `export-masker.ts`) covers profile fields, identifier values, identifier node ids
 * (numbered within the document, so they say nothing of the value) and labels, and every masked
 * identifier value of the case quoted in evidence sentences.
 */
export function buildCaseDocument(
  snapshot: CaseSnapshot,
  pack: EvidencePackRef | null,
  masker: ExportMasker,
): CaseExportDocument {
  const { case: record, ring, run, decision } = snapshot;
  const scrub = textScrubber(snapshot, masker);
  const evidenceOf = accountEvidence(snapshot, masker);
  return {
    format: CASE_EXPORT_FORMAT,
    format_version: CASE_EXPORT_VERSION,
    masked: masker.masked,
    case: {
      case_id: record.caseId,
      title: record.title,
      status: record.status,
      assignee: record.assignee,
      ring_id: record.ringId,
      opened_from_run_id: record.runId,
      created_by: record.createdBy,
      created_at: iso(record.createdAt),
    },
    decision: decision && {
      status: decision.status,
      note: decision.note,
      decided_by: decision.decidedBy,
      decided_at: isoOrNull(decision.decidedAt),
    },
    evidence_pack: pack && {
      hash: pack.hash,
      algorithm: 'sha256',
      frozen_at: iso(pack.createdAt),
      frozen_by: snapshot.frozen?.by ?? null,
    },
    detection: run && {
      run_id: run.runId,
      run_finished_at: isoOrNull(run.finishedAt),
      run_code_version: run.codeVersion,
      detector_version: snapshot.detectorVersion,
    },
    ring: ring && {
      ring_id: ring.ringId,
      run_id: ring.runId,
      score: ring.score,
      flagged: ring.flagged,
      size: ring.size,
      status: ring.status,
      members: [...ring.members],
      parents: [...ring.parents],
      features: sortedRecord(ring.features),
      evidence: ring.evidence.map((e) => ({
        kind: e.kind,
        ...(e.value === undefined ? {} : { value: scrub(String(e.value)) }),
        ...(typeof e.accounts === 'number' ? { accounts: e.accounts } : {}),
        text: scrub(e.text),
      })),
    },
    accounts: snapshot.accounts.map((a) => exportAccount(a, evidenceOf(a), masker)),
    payments: snapshot.payments.map((p) => ({
      payer_id: p.payerId,
      payee_id: p.payeeId,
      count: p.count,
      amount: p.amount,
      chargebacks: p.chargebacks,
    })),
    graph: exportGraph(snapshot.subgraph, masker),
    notes: snapshot.notes.map((n) => ({
      note_id: n.noteId,
      author: n.author,
      text: n.text,
      created_at: iso(n.createdAt),
    })),
  };
}

function exportAccount(a: AccountView, evidence: string[], masker: ExportMasker): ExportAccount {
  return {
    user_id: a.userId,
    name: a.name,
    email: a.email === null ? null : masker.identifier('email', a.email),
    phone: a.phone === null ? null : masker.identifier('phone', a.phone),
    address: a.address === null ? null : masker.identifier('address', a.address),
    country: a.country,
    label: a.label,
    stub: a.stub,
    created_at: isoOrNull(a.createdAt),
    identifiers: [...a.identifiers]
      .sort((x, y) => byText(x.kind, y.kind) || byText(x.value, y.value))
      .map((i) => ({
        kind: i.kind,
        value: masker.identifier(i.kind, i.raw),
        accounts: i.accounts,
      })),
    payments: {
      sent: a.payments.sent,
      received: a.payments.received,
      chargebacks: a.payments.chargebacks,
      amount_sent: a.payments.amountSent,
      amount_received: a.payments.amountReceived,
    },
    evidence,
  };
}

function exportGraph(graph: Subgraph, masker: ExportMasker): CaseExportDocument['graph'] {
  const ids = new Map<string, string>();
  const userIds = accountIdsByNode(graph);
  let hidden = 0;
  let hubs = 0;
  const nodes = graph.nodes.map((n) => {
    if (n.type === 'account') {
      ids.set(n.id, n.id);
      return { id: n.id, type: n.type, label: userIds.get(n.id) as string };
    }
    if (n.type === 'hub') {
      const id = masker.masked ? `hub:~${++hubs}` : n.id;
      ids.set(n.id, id);
      return {
        id,
        type: n.type,
        label: masker.masked
          ? `${String(n.props.kind ?? 'identifier')} hub (${String(n.props.count ?? '?')} accounts)`
          : n.label,
      };
    }
    const raw = typeof n.props.raw === 'string' ? n.props.raw : n.id.slice(n.type.length + 1);
    const id = masker.hides(n.type) ? `${n.type}:~${++hidden}` : n.id;
    ids.set(n.id, id);
    return { id, type: n.type, label: masker.identifier(n.type, raw) };
  });
  const edges = graph.edges.map((e) => ({
    source: ids.get(e.source) ?? e.source,
    target: ids.get(e.target) ?? e.target,
    type: e.type,
  }));
  return { nodes, edges, capped: graph.capped };
}

/**
 * Replaces every identifier value of the snapshot (as typed and as normalised) quoted in a text
 * by its masked form, longest first so a value is never half-replaced by a shorter one it contains;
 * then any other email address the text quotes.
 */
function textScrubber(snapshot: CaseSnapshot, masker: ExportMasker): (text: string) => string {
  if (!masker.masked) return (text) => text;
  const pairs = new Map<string, string>();
  const add = (kind: IdentifierKind, shown: string) => {
    if (masker.hides(kind) && shown.length >= 3) pairs.set(shown, masker.identifier(kind, shown));
  };
  for (const a of snapshot.accounts) {
    for (const i of a.identifiers) {
      add(i.kind, i.raw);
      add(i.kind, i.value);
    }
  }
  for (const n of snapshot.subgraph.nodes) {
    if (n.type === 'account') continue;
    const kind = n.type === 'hub' ? (n.props.kind as IdentifierKind | undefined) : n.type;
    if (kind === undefined || !IDENTIFIER_KINDS.includes(kind)) continue;
    add(kind, n.id.slice(kind.length + 1));
    if (typeof n.props.raw === 'string') add(kind, n.props.raw);
  }
  const keys = [...pairs.keys()].sort((x, y) => y.length - x.length || (x < y ? -1 : 1));
  const pattern =
    keys.length === 0
      ? null
      : new RegExp(keys.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
  return (text) =>
    (pattern ? text.replace(pattern, (m) => pairs.get(m) as string) : text).replace(
      EMAIL_IN_TEXT,
      (m) => masker.identifier('email', m),
    );
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function sortedRecord(rec: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.keys(rec)
      .sort()
      .map((k) => [k, rec[k]]),
  );
}
