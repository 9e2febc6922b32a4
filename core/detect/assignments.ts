/**
 * Communities computed elsewhere (e.g. Louvain inside Neo4j GDS) in the form `finishRun` takes, so
 * scoring, evidence and lineage are the same whatever engine found the communities.
 */
import type { GroupResult } from './groups';
import type { Projection } from './projection';

/** Groups `{key, community}` pairs (store account keys) into one GroupResult of projection indices. */
export function communitiesFromAssignments(
  projection: Projection,
  assignments: Iterable<{ key: number; community: number }>,
): GroupResult {
  const indexOfKey = new Map<number, number>();
  const keys = projection.accounts.keys;
  for (let i = 0; i < keys.length; i++) indexOfKey.set(keys[i], i);
  const byCommunity = new Map<number, number[]>();
  for (const { key, community } of assignments) {
    const i = indexOfKey.get(key);
    if (i === undefined) continue;
    const list = byCommunity.get(community);
    if (list) list.push(i);
    else byCommunity.set(community, [i]);
  }
  const communities = [...byCommunity.values()]
    .filter((c) => c.length > 1)
    .map((c) => c.sort((a, b) => a - b));
  return { communities: communities.sort((a, b) => a[0] - b[0]) };
}
