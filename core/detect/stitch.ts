/**
 * Stitching: flagged candidates that are directly and substantially linked are one ring. Louvain
 * and its refinement cut along the weakest links, and a chain of money mules has weak links
 * everywhere, so one network can come out as several flagged parts. Two flagged parts are
 * joined when the weight between them is at least `stitchMinShare` of the smaller of their
 * boundary weights (all weight leaving each part). Unflagged candidates are left alone.
 */
import type { Projection } from './projection';

/**
 * Candidates after joining linked flagged ones, in input order of their first part. A candidate
 * that joined nothing is returned as the same array, so callers can reuse what they know of it.
 */
export function stitchFlagged(
  projection: Projection,
  candidates: number[][],
  flagged: boolean[],
  minShare: number,
): number[][] {
  const owner = new Int32Array(projection.accounts.count).fill(-1);
  candidates.forEach((c, ci) => {
    if (flagged[ci]) for (const i of c) owner[i] = ci;
  });
  const boundary = new Float64Array(candidates.length);
  const between = new Map<number, number>();
  const { src, dst, weight } = projection.edges;
  const n = candidates.length;
  for (let e = 0; e < src.length; e++) {
    const a = owner[src[e]];
    const b = owner[dst[e]];
    if (a === b) continue;
    if (a >= 0) boundary[a] += weight[e];
    if (b >= 0) boundary[b] += weight[e];
    if (a >= 0 && b >= 0) {
      const key = Math.min(a, b) * n + Math.max(a, b);
      between.set(key, (between.get(key) ?? 0) + weight[e]);
    }
  }
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (x: number): number => (parent[x] === x ? x : (parent[x] = find(parent[x])));
  for (const [key, w] of [...between.entries()].sort((x, y) => x[0] - y[0])) {
    const a = Math.floor(key / n);
    const b = key % n;
    if (w >= minShare * Math.min(boundary[a], boundary[b])) {
      const ra = find(a);
      const rb = find(b);
      if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
    }
  }
  return joinSets(candidates, find);
}

/**
 * One list per set of candidates (by `find`, whose root is the set's smallest index, so a set
 * comes in the input order of its first candidate): a candidate alone as the same array, a set
 * of several as their members, ascending. Most candidates are alone: no map entry for them.
 */
function joinSets(candidates: number[][], find: (ci: number) => number): number[][] {
  const size = new Int32Array(candidates.length);
  for (let ci = 0; ci < candidates.length; ci++) size[find(ci)]++;
  const out: number[][] = [];
  const joined = new Map<number, number[]>();
  candidates.forEach((c, ci) => {
    const r = find(ci);
    if (size[r] === 1) out.push(c);
    else if (r === ci) {
      const members = [...c];
      joined.set(r, members);
      out.push(members);
    } else {
      const members = joined.get(r) as number[];
      for (const i of c) members.push(i);
    }
  });
  for (const members of joined.values()) members.sort((x, y) => x - y);
  return out;
}
