/**
 * Evaluation against planted rings, exactly as the data contract defines it: a true ring is found
 * when some flagged ring has Jaccard overlap >= 0.5 with it; ring precision = flagged rings that
 * match a true ring / flagged rings; ring recall = true rings found / true rings; member precision
 * and recall compare the union of flagged members with the union of true ring members; F1 is the
 * harmonic mean.
 */
import { InvalidInputError } from '../errors';

export const MATCH_JACCARD = 0.5;

export interface TrueRing {
  id: string;
  kind: string;
  members: string[];
}

export interface Scores {
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  rings: Scores & { flagged: number; truth: number; flaggedMatching: number; truthFound: number };
  members: Scores & { flagged: number; truth: number; correct: number };
  /** Recall of true rings per kind. */
  byKind: Record<string, { truth: number; found: number; recall: number }>;
}

const f1 = (p: number, r: number) => (p + r > 0 ? (2 * p * r) / (p + r) : 0);
const ratio = (a: number, b: number, empty: number) => (b > 0 ? a / b : empty);

/** Parses a truth.json document ({"rings": [{id, kind, members}]}); throws InvalidInputError if malformed. */
export function parseTruth(doc: unknown): TrueRing[] {
  const rings = (doc as { rings?: unknown })?.rings;
  if (!Array.isArray(rings))
    throw new InvalidInputError('BAD_TRUTH', 'fraud-rings: truth file must hold {"rings": [...]}');
  return rings.map((r, i) => {
    const ring = r as Partial<TrueRing>;
    if (!Array.isArray(ring.members) || !ring.members.every((m) => typeof m === 'string')) {
      throw new InvalidInputError(
        'BAD_TRUTH',
        `fraud-rings: truth ring ${i + 1} has no "members" list of user ids`,
      );
    }
    return {
      id: String(ring.id ?? `#${i + 1}`),
      kind: String(ring.kind ?? 'unknown'),
      members: ring.members,
    };
  });
}

/**
 * Scores flagged rings (member lists) against the truth. With nothing flagged precision is 1 (no
 * false flag); with no true rings recall is 1 (nothing missed).
 */
export function evaluateRings(flagged: string[][], truth: TrueRing[]): Evaluation {
  const ringOf = new Map<string, number>();
  truth.forEach((t, i) => t.members.forEach((m) => ringOf.set(m, i)));
  const found = new Uint8Array(truth.length);
  let flaggedMatching = 0;
  for (const ring of flagged) {
    const overlap = new Map<number, number>();
    for (const m of ring) {
      const t = ringOf.get(m);
      if (t !== undefined) overlap.set(t, (overlap.get(t) ?? 0) + 1);
    }
    let matches = false;
    for (const [t, shared] of overlap) {
      const jaccard = shared / (ring.length + truth[t].members.length - shared);
      if (jaccard >= MATCH_JACCARD) {
        matches = true;
        found[t] = 1;
      }
    }
    if (matches) flaggedMatching++;
  }
  const truthFound = found.reduce((s, x) => s + x, 0);
  const flaggedMembers = new Set(flagged.flat());
  const trueMembers = new Set(truth.flatMap((t) => t.members));
  let correct = 0;
  for (const m of flaggedMembers) if (trueMembers.has(m)) correct++;
  const rp = ratio(flaggedMatching, flagged.length, 1);
  const rr = ratio(truthFound, truth.length, 1);
  const mp = ratio(correct, flaggedMembers.size, 1);
  const mr = ratio(correct, trueMembers.size, 1);
  const byKind: Evaluation['byKind'] = {};
  truth.forEach((t, i) => {
    const k = (byKind[t.kind] ??= { truth: 0, found: 0, recall: 0 });
    k.truth++;
    k.found += found[i];
  });
  for (const k of Object.values(byKind)) k.recall = ratio(k.found, k.truth, 1);
  return {
    rings: {
      precision: rp,
      recall: rr,
      f1: f1(rp, rr),
      flagged: flagged.length,
      truth: truth.length,
      flaggedMatching,
      truthFound,
    },
    members: {
      precision: mp,
      recall: mr,
      f1: f1(mp, mr),
      flagged: flaggedMembers.size,
      truth: trueMembers.size,
      correct,
    },
    byKind,
  };
}
