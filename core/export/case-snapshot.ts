import type { GraphStore } from '../store/port';
import type { AccountView, CaseNote, CaseRecord, CaseStatus, RingRecord, Subgraph } from '../types';
import { NotFoundError } from '../errors';

/** Version of the snapshot layout; stored in every evidence pack so old packs stay readable. */
export const SNAPSHOT_FORMAT = 1;

/** Bounds of the case subgraph: enough for any ring a person can investigate, never the whole store. */
export const CASE_SUBGRAPH_LIMITS = { limit: 2000, hubCap: 50 } as const;

export const DECIDED_STATUSES: readonly CaseStatus[] = ['confirmed_fraud', 'dismissed'];

/** Payments from one account of the case to another, aggregated (a `pays` edge of the subgraph). */
export interface PaymentLink {
  payerId: string;
  payeeId: string;
  count: number | null;
  amount: number | null;
  chargebacks: number | null;
}

export interface CaseDecision {
  status: 'confirmed_fraud' | 'dismissed';
  note: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
}

/**
 * Everything an export says about a case, with raw (unmasked) values. Live for an undecided case;
 * for a decided one it is the body of the evidence pack frozen at the decision.
 */
export interface CaseSnapshot {
  format: typeof SNAPSHOT_FORMAT;
  case: CaseRecord;
  decision: CaseDecision | null;
  /** The ring as of its latest run when the snapshot was taken (`null` for a case without a ring). */
  ring: RingRecord | null;
  /** The detection run the ring comes from, with the code version that produced it. */
  run: { runId: string; codeVersion: string | null; finishedAt: number | null } | null;
  /** Version of the code that took the snapshot. */
  detectorVersion: string;
  /** Accounts of the case, in the case's order. */
  accounts: AccountView[];
  subgraph: Subgraph;
  payments: PaymentLink[];
  notes: CaseNote[];
  frozen: { at: number; by: string } | null;
}

/** True for the statuses that end a case (and freeze its evidence). */
export function isDecided(status: CaseStatus): status is CaseDecision['status'] {
  return DECIDED_STATUSES.includes(status);
}

/** Reads a case or throws `CASE_NOT_FOUND`. */
export async function requireCase(store: GraphStore, caseId: string): Promise<CaseRecord> {
  const record = await store.getCase(caseId);
  if (record === null)
    throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${JSON.stringify(caseId)}`);
  return record;
}

/**
 * Collects the live state of a case from the store: its ring (latest run in which the ring
 * exists, else the run the case was opened from), that run, its accounts, their subgraph and the
 * payments among them, and its notes. Lists are put in a fixed order so equal data gives an equal
 * snapshot.
 */
export async function collectCaseSnapshot(
  store: GraphStore,
  record: CaseRecord,
  opts: { detectorVersion: string; frozen: { at: number; by: string } | null },
): Promise<CaseSnapshot> {
  const ring =
    record.ringId === null
      ? null
      : ((await store.getRing(record.ringId)) ??
        (record.runId ? await store.getRing(record.ringId, record.runId) : null));
  const runRecord = ring ? await store.getRun(ring.runId) : null;
  const [accounts, subgraph, notes] = await Promise.all([
    store.getAccounts(record.accounts),
    store.subgraphOf(record.accounts, CASE_SUBGRAPH_LIMITS),
    store.listNotes(record.caseId),
  ]);
  const position = new Map(record.accounts.map((id, i) => [id, i]));
  return {
    format: SNAPSHOT_FORMAT,
    case: record,
    decision: isDecided(record.status)
      ? {
          status: record.status,
          note: record.decisionNote,
          decidedBy: record.decidedBy,
          decidedAt: record.decidedAt,
        }
      : null,
    ring,
    run: ring
      ? {
          runId: ring.runId,
          codeVersion: runRecord?.codeVersion ?? null,
          finishedAt: runRecord?.finishedAt ?? null,
        }
      : null,
    detectorVersion: opts.detectorVersion,
    accounts: [...accounts].sort(
      (a, b) => (position.get(a.userId) ?? 0) - (position.get(b.userId) ?? 0),
    ),
    subgraph: sortSubgraph(subgraph),
    payments: paymentsOf(subgraph),
    notes: [...notes].sort((a, b) => a.createdAt - b.createdAt || cmp(a.noteId, b.noteId)),
    frozen: opts.frozen,
  };
}

/**
 * User ids of the subgraph's account nodes, by node id. The store names account nodes
 * `account:<user id>` and keeps the user id in `props.userId`.
 */
export function accountIdsByNode(graph: Subgraph): Map<string, string> {
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    if (n.type === 'account')
      out.set(
        n.id,
        typeof n.props.userId === 'string' ? n.props.userId : n.id.replace(/^account:/, ''),
      );
  }
  return out;
}

function paymentsOf(graph: Subgraph): PaymentLink[] {
  const userIds = accountIdsByNode(graph);
  return graph.edges
    .filter((e) => e.type === 'pays')
    .map((e) => ({
      payerId: userIds.get(e.source) ?? e.source,
      payeeId: userIds.get(e.target) ?? e.target,
      count: numberOrNull(e.props.count),
      amount: numberOrNull(e.props.amount),
      chargebacks: numberOrNull(e.props.chargebacks),
    }))
    .sort((a, b) => cmp(a.payerId, b.payerId) || cmp(a.payeeId, b.payeeId));
}

function sortSubgraph(graph: Subgraph): Subgraph {
  return {
    nodes: [...graph.nodes].sort((a, b) => cmp(a.id, b.id)),
    edges: [...graph.edges].sort(
      (a, b) =>
        cmp(a.source, b.source) ||
        cmp(a.target, b.target) ||
        cmp(a.type, b.type) ||
        cmp(a.id, b.id),
    ),
    capped: graph.capped,
  };
}

function numberOrNull(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
