/**
 * Trimming: a flagged ring keeps only members that belong to it. Louvain assigns every node
 * somewhere, so an account that touches a ring once (paid once by a member, a neighbour on the
 * same IP block) is swept into it. A member is kept when its links into the ring carry at least
 * `minInsideShare` of its total link weight and it is linked to at least two other members, or
 * to one if it relays money (in ≈ out, see features.ts: a mule at the end of a chain). A ring is
 * never trimmed below `minSize`. Unflagged candidates are left alone.
 */
import { isPassThrough, type MemberMoney } from './features';
import type { Projection } from './projection';

/** Flagged candidates without their loosely attached members; others (and untrimmed ones) returned as the same arrays. */
export function trimFlagged(
  projection: Projection,
  candidates: number[][],
  flagged: boolean[],
  money: MemberMoney,
  opts: { minInsideShare: number; minSize: number },
): number[][] {
  const n = projection.accounts.count;
  const owner = new Int32Array(n).fill(-1);
  candidates.forEach((c, ci) => {
    if (flagged[ci]) for (const i of c) owner[i] = ci;
  });
  const total = new Float64Array(n);
  const inside = new Float64Array(n);
  const neighbours = new Int32Array(n);
  const { src, dst, weight } = projection.edges;
  for (let e = 0; e < src.length; e++) {
    const a = src[e];
    const b = dst[e];
    if (owner[a] < 0 && owner[b] < 0) continue;
    total[a] += weight[e];
    total[b] += weight[e];
    if (owner[a] >= 0 && owner[a] === owner[b]) {
      inside[a] += weight[e];
      inside[b] += weight[e];
      neighbours[a]++;
      neighbours[b]++;
    }
  }
  return candidates.map((c, ci) => {
    if (!flagged[ci]) return c;
    const kept = c.filter(
      (i) =>
        inside[i] >= opts.minInsideShare * total[i] &&
        (neighbours[i] >= 2 || (neighbours[i] === 1 && isPassThrough(money, i))),
    );
    return kept.length >= opts.minSize && kept.length < c.length ? kept : c;
  });
}
