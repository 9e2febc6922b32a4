/**
 * Lineage: rings keep their id from one run to the next while their members persist.
 *
 * A previous ring P and a current ring C are linked when at least half of P's members are in C
 * or at least half of C's members come from P. Then:
 * - C with no link is `new`, with an id derived from its member set (a hash, so the same members
 *   give the same id whatever the seed or the run);
 * - C holding at least half of each of two or more previous rings is `merged`;
 * - C among two or more current rings that each draw at least half their members from the same
 *   P is `split`;
 * - otherwise C continues its one parent: `grown`, `shrunk` or `ongoing` by size;
 * - P linked to no current ring is `dissolved`.
 * Ids pass on one to one, best overlap first: in a merge the largest parent's id survives, in a
 * split the child with most of the parent's members keeps it and the others get new ids.
 */
import { createHash } from 'node:crypto';
import type { LineageEventKind, RingStatus } from '../types';

export interface LineageInput {
  ringId: string;
  /** Sorted member ids. */
  members: string[];
}

export interface LineageOutcome {
  ringId: string;
  status: RingStatus;
  parents: string[];
  /** Jaccard overlap with the main parent, null for new rings. */
  jaccard: number | null;
}

export interface DissolvedRing {
  ringId: string;
  kind: Extract<LineageEventKind, 'dissolved'>;
  /** Current rings that received some of its members, most first. */
  related: string[];
}

/** Id of a ring first seen with these (sorted) members: deterministic and seed-independent. */
export function ringIdFor(sortedMembers: string[]): string {
  return `ring-${createHash('sha256').update(sortedMembers.join('\n')).digest('hex').slice(0, 16)}`;
}

interface Link {
  prev: number;
  cur: number;
  overlap: number;
}

/** Matches the current rings (member lists, sorted) to the previous run's rings. Output parallel to `current`. */
export function matchLineage(
  previous: LineageInput[],
  current: string[][],
): { rings: LineageOutcome[]; dissolved: DissolvedRing[] } {
  const prevOf = new Map<string, number>();
  previous.forEach((p, i) => p.members.forEach((m) => prevOf.set(m, i)));
  const overlaps: Array<Map<number, number>> = current.map((members) => {
    const counts = new Map<number, number>();
    for (const m of members) {
      const p = prevOf.get(m);
      if (p !== undefined) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    return counts;
  });
  const links: Link[] = [];
  const touching: Link[][] = previous.map(() => []);
  overlaps.forEach((counts, cur) => {
    for (const [prev, overlap] of counts) {
      const link = { prev, cur, overlap };
      touching[prev].push(link);
      if (overlap * 2 >= previous[prev].members.length || overlap * 2 >= current[cur].length)
        links.push(link);
    }
  });
  const linksOfCur: Link[][] = current.map(() => []);
  const linksOfPrev: Link[][] = previous.map(() => []);
  for (const l of links) {
    linksOfCur[l.cur].push(l);
    linksOfPrev[l.prev].push(l);
  }
  const jaccard = (l: Link) =>
    l.overlap / (previous[l.prev].members.length + current[l.cur].length - l.overlap);
  const byStrength = (a: Link, b: Link) =>
    b.overlap - a.overlap ||
    jaccard(b) - jaccard(a) ||
    cmp(previous[a.prev].ringId, previous[b.prev].ringId) ||
    a.cur - b.cur;

  const heirId: Array<string | null> = current.map(() => null);
  const prevTaken = new Uint8Array(previous.length);
  for (const l of [...links].sort(byStrength)) {
    if (heirId[l.cur] !== null || prevTaken[l.prev]) continue;
    heirId[l.cur] = previous[l.prev].ringId;
    prevTaken[l.prev] = 1;
  }
  const used = new Set(previous.map((p) => p.ringId));
  const rings = current.map((members, cur): LineageOutcome => {
    const mine = [...linksOfCur[cur]].sort(byStrength);
    let ringId = heirId[cur];
    if (ringId === null) {
      const base = ringIdFor(members);
      ringId = base;
      for (let k = 2; used.has(ringId); k++) ringId = `${base}-${k}`;
      used.add(ringId);
    }
    if (mine.length === 0) return { ringId, status: 'new', parents: [], jaccard: null };
    const parents = mine.map((l) => previous[l.prev].ringId);
    const main = mine[0];
    const absorbed = mine.filter((l) => l.overlap * 2 >= previous[l.prev].members.length);
    const siblings = linksOfPrev[main.prev].filter((l) => l.overlap * 2 >= current[l.cur].length);
    let status: RingStatus;
    if (absorbed.length >= 2) status = 'merged';
    else if (siblings.length >= 2) status = 'split';
    else {
      const before = previous[main.prev].members.length;
      status = members.length > before ? 'grown' : members.length < before ? 'shrunk' : 'ongoing';
    }
    return { ringId, status, parents, jaccard: round3(jaccard(main)) };
  });
  const dissolved: DissolvedRing[] = [];
  previous.forEach((p, i) => {
    if (linksOfPrev[i].length > 0) return;
    const related = [...touching[i]]
      .sort((a, b) => b.overlap - a.overlap || a.cur - b.cur)
      .map((l) => rings[l.cur].ringId);
    dissolved.push({ ringId: p.ringId, kind: 'dissolved', related });
  });
  return { rings, dissolved };
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round3 = (x: number) => Math.round(x * 1000) / 1000;
