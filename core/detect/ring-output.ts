/**
 * The ring output of the data contract (`rings --format json|csv`): snake_case keys in a fixed
 * order, so the same rings always serialise to the same bytes.
 */
import { csvRow } from '../export/csv-cell';
import type { Evidence, RingRecord } from '../types';

export interface RingOutput {
  ring_id: string;
  score: number;
  size: number;
  members: string[];
  evidence: Evidence[];
  status: RingRecord['status'];
}

export interface RingsDocument {
  run_id: string;
  rings: RingOutput[];
}

/** Evidence with its contract keys first (kind, value, accounts), then the rest in stored order. */
function orderedEvidence(e: Evidence): Evidence {
  const { kind, value, accounts, ...rest } = e;
  return {
    kind,
    ...(value !== undefined ? { value } : {}),
    ...(accounts !== undefined ? { accounts } : {}),
    ...rest,
  } as Evidence;
}

/** The contract's JSON document of a run's rings (ordered as given: best score first). */
export function ringsDocument(runId: string, rings: RingRecord[]): RingsDocument {
  return {
    run_id: runId,
    rings: rings.map((r) => ({
      ring_id: r.ringId,
      score: r.score,
      size: r.size,
      members: r.members,
      evidence: r.evidence.map(orderedEvidence),
      status: r.status,
    })),
  };
}

export const RINGS_CSV_HEADER = [
  'run_id',
  'ring_id',
  'score',
  'size',
  'status',
  'flagged',
  'members',
  'evidence',
] as const;

/**
 * CSV of a run's rings, one row per ring: members joined by `;`, evidence sentences joined by
 * ` | `. Cells are RFC 4180 quoted and formula-neutralised (user ids and identifier values come
 * from input files and could start with `=`).
 */
export function ringsCsv(runId: string, rings: RingRecord[]): string {
  let out = csvRow([...RINGS_CSV_HEADER]);
  for (const r of rings) {
    out += csvRow([
      runId,
      r.ringId,
      r.score,
      r.size,
      r.status,
      r.flagged,
      r.members.join(';'),
      r.evidence.map((e) => e.text).join(' | '),
    ]);
  }
  return out;
}
