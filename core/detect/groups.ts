/**
 * The parallel middle of detection: the projection's components are packed into groups of
 * similar total work, each group is a plain JSON-safe value (a job's data), and `detectGroup`
 * turns one group into communities with no store and no shared state, so it can run in another
 * worker. The result of a component depends only on the component and the seed, never on which
 * group it landed in, so any `groupCount` gives the same rings.
 */
import type { DetectionConfig } from './config';
import { connectedComponents } from './components';
import { componentCommunities } from './louvain';
import type { Projection } from './projection';
import { mixSeed, mulberry32 } from './rng';

/** One connected component: projection account indices (ascending) and its edges in local ids (src < dst). */
export interface ComponentGraph {
  nodes: number[];
  src: number[];
  dst: number[];
  weight: number[];
}

/** A unit of parallel work: several components. JSON-serialisable. */
export interface DetectGroup {
  components: ComponentGraph[];
}

/** What `detectGroup` needs besides the group. JSON-serialisable. */
export interface GroupParams {
  seed: number;
  communities: DetectionConfig['communities'];
  /** Total edge weight of the whole projection (sets each component's share of the resolution). */
  totalWeight: number;
}

/** Communities found in a group, as ascending lists of projection account indices. JSON-serialisable. */
export interface GroupResult {
  communities: number[][];
}

/**
 * Splits the projection into `groupCount` groups of connected components (isolated accounts are
 * left out: a single account is not a ring). Components are dealt largest first to the group with
 * the least work (edges + nodes), so one giant component does not leave other workers idle.
 */
export function splitComponents(projection: Projection, groupCount: number): DetectGroup[] {
  const n = projection.accounts.count;
  const { src, dst, weight } = projection.edges;
  const comps = connectedComponents(n, src, dst);
  const local = new Int32Array(n);
  const members: number[][] = Array.from({ length: comps.count }, () => []);
  for (let i = 0; i < n; i++) {
    const c = comps.componentOf[i];
    if (comps.sizes[c] < 2) continue;
    local[i] = members[c].length;
    members[c].push(i);
  }
  const graphs: Array<ComponentGraph | null> = members.map((nodes) =>
    nodes.length < 2 ? null : { nodes, src: [], dst: [], weight: [] },
  );
  for (let e = 0; e < src.length; e++) {
    const g = graphs[comps.componentOf[src[e]]];
    if (g === null) continue;
    g.src.push(local[src[e]]);
    g.dst.push(local[dst[e]]);
    g.weight.push(weight[e]);
  }
  const present = graphs.filter((g): g is ComponentGraph => g !== null);
  const work = (g: ComponentGraph) => g.nodes.length + g.src.length;
  present.sort((a, b) => work(b) - work(a) || a.nodes[0] - b.nodes[0]);
  const count = Math.max(1, Math.floor(groupCount));
  const groups: DetectGroup[] = Array.from({ length: count }, () => ({ components: [] }));
  const load = new Float64Array(count);
  for (const g of present) {
    let best = 0;
    for (let i = 1; i < count; i++) if (load[i] < load[best]) best = i;
    groups[best].components.push(g);
    load[best] += work(g);
  }
  return groups.filter((g) => g.components.length > 0);
}

/**
 * Communities of every component of a group. Pure: the same group and params always give the
 * same result. Each component's RNG is seeded from the run seed and the component's smallest
 * account index, so the outcome does not depend on grouping or order.
 */
export function detectGroup(group: DetectGroup, params: GroupParams): GroupResult {
  const communities: number[][] = [];
  for (const comp of group.components) {
    const rng = mulberry32(mixSeed(params.seed, comp.nodes[0]));
    const parts = componentCommunities(
      { nodeCount: comp.nodes.length, src: comp.src, dst: comp.dst, weight: comp.weight },
      params.communities,
      rng,
      params.totalWeight,
    );
    for (const part of parts) communities.push(part.map((i) => comp.nodes[i]));
  }
  return { communities };
}

/** Merges group results into one list of communities ordered by smallest member. */
export function mergeResults(results: GroupResult[]): number[][] {
  return results.flatMap((r) => r.communities).sort((a, b) => a[0] - b[0]);
}
