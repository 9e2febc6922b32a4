/**
 * Modularity of a partition of the projection, with resolution gamma (Newman & Girvan 2004;
 * Reichardt & Bornholdt 2006): Q = sum over communities of L_c / M - gamma * (D_c / 2M)^2, where
 * L_c is the weight inside c, D_c the total weighted degree of c and M the total weight.
 * Accounts in no community count as singletons. One pass over the edges.
 */
import type { Projection } from './projection';

export function modularity(
  projection: Projection,
  communities: number[][],
  resolution: number,
): number {
  const n = projection.accounts.count;
  const owner = new Int32Array(n).fill(-1);
  communities.forEach((c, ci) => c.forEach((i) => (owner[i] = ci)));
  let next = communities.length;
  for (let i = 0; i < n; i++) if (owner[i] < 0) owner[i] = next++;
  const inside = new Float64Array(next);
  const degree = new Float64Array(next);
  const { src, dst, weight } = projection.edges;
  let total = 0;
  for (let e = 0; e < src.length; e++) {
    const a = owner[src[e]];
    const b = owner[dst[e]];
    total += weight[e];
    degree[a] += weight[e];
    degree[b] += weight[e];
    if (a === b) inside[a] += weight[e];
  }
  if (total === 0) return 0;
  let q = 0;
  for (let c = 0; c < next; c++)
    q += inside[c] / total - resolution * (degree[c] / (2 * total)) ** 2;
  return q;
}
