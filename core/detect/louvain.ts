/**
 * Communities of one connected component: Louvain (Blondel et al. 2008, "Fast unfolding of
 * communities in large networks", J. Stat. Mech. P10008) as implemented by
 * graphology-communities-louvain, with an injected seeded RNG and a resolution parameter
 * (Reichardt & Bornholdt 2006), followed by a refinement pass.
 *
 * Per component: modularity decomposes over connected components (no edge joins two of them),
 * and Louvain on a component with its own total weight M_c and resolution gamma * M_c / M
 * optimises exactly the whole graph's modularity at resolution gamma restricted to that
 * component. So the per-component runs give the communities of one global run, and can run apart.
 *
 * Refinement: modularity has a resolution limit (Fortunato & Barthélemy 2007, PNAS 104:36): in a
 * large graph a small dense group (a 5-account ring) is merged into a larger community when that
 * raises modularity computed against the whole graph's total weight. As in the recursive
 * partitioning of Ruan & Zhang (2008, "Identifying network communities with a high resolution",
 * Phys. Rev. E 77:016104), every community larger than `refineAbove` is partitioned again on its
 * own induced subgraph at resolution gamma, where the null model is the community's own weight.
 * A part of that split is peeled off as a community of its own only when it is well separated:
 * its conductance (weight leaving it / its volume, Shi & Malik 2000; Kannan, Vempala & Vetta 2004)
 * is at most `refineMaxConductance`. The parts that are not stay together as one community. So a
 * cohesive ring (near a clique, every split cuts much of its weight) stays whole, while a ring
 * tied to households by one payment is peeled away from them. Peeled parts and the remainder are
 * refined again, up to `refineMaxDepth` levels.
 */
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import type { DetectionConfig } from './config';
import { CsrGraphView } from './csr-graph-view';
import { installTypedZoomOut } from './louvain-zoom-out';

export interface LocalGraph {
  nodeCount: number;
  src: ArrayLike<number>;
  dst: ArrayLike<number>;
  weight: ArrayLike<number>;
}

export interface Partition {
  /** Community of each local node, numbered from 0 in order of each community's smallest node. */
  membership: Int32Array;
  count: number;
  modularity: number;
}

/** One Louvain run over a local graph (nodes 0..n-1). Deterministic for a given `rng` sequence. */
export function louvainPartition(
  graph: LocalGraph,
  opts: { resolution: number; rng: () => number },
): Partition {
  if (graph.src.length === 0) {
    const membership = new Int32Array(graph.nodeCount);
    for (let i = 0; i < graph.nodeCount; i++) membership[i] = i;
    return { membership, count: graph.nodeCount, modularity: 0 };
  }
  installTypedZoomOut();
  const view = new CsrGraphView(graph);
  const out = louvain.detailed(view as unknown as Graph, {
    getEdgeWeight: view.weightOf as unknown as (edge: string) => number,
    resolution: opts.resolution,
    rng: opts.rng,
  });
  const raw = new Int32Array(graph.nodeCount);
  const communities = out.communities as unknown as Record<number, number>;
  for (let i = 0; i < graph.nodeCount; i++) raw[i] = communities[i];
  const { membership, count } = renumber(raw);
  return { membership, count, modularity: out.modularity };
}

/** Renumbers labels in order of first appearance, so equal partitions compare equal. */
export function renumber(labels: ArrayLike<number>): { membership: Int32Array; count: number } {
  const map = new Map<number, number>();
  const membership = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    let c = map.get(labels[i]);
    if (c === undefined) {
      c = map.size;
      map.set(labels[i], c);
    }
    membership[i] = c;
  }
  return { membership, count: map.size };
}

/**
 * Communities of one component, as lists of local node ids (ascending, lists ordered by their
 * first node): Louvain, then refinement of large communities on their induced subgraphs.
 */
export function componentCommunities(
  graph: LocalGraph,
  params: DetectionConfig['communities'],
  rng: () => number,
  totalWeight: number,
): number[][] {
  const n = graph.nodeCount;
  if (n < params.louvainMinSize) return [range(n)];
  const adjacency = toAdjacency(graph);
  let componentWeight = 0;
  for (let e = 0; e < graph.weight.length; e++) componentWeight += graph.weight[e];
  const scale = totalWeight > 0 ? Math.min(1, componentWeight / totalWeight) : 1;
  const top = louvainPartition(graph, { resolution: params.resolution * scale, rng });
  const out: number[][] = [];
  for (const members of groupsOf(top.membership, top.count, (i) => i))
    out.push(...refine(members, adjacency, params, rng, 0));
  return out.sort((a, b) => a[0] - b[0]);
}

interface Adjacency {
  start: Int32Array;
  neighbour: Int32Array;
  weight: Float64Array;
  /** Scratch for `induced`: -1 for every node between calls. */
  position: Int32Array;
}

function refine(
  members: number[],
  adj: Adjacency,
  params: DetectionConfig['communities'],
  rng: () => number,
  depth: number,
): number[][] {
  if (members.length <= params.refineAbove || depth >= params.refineMaxDepth) return [members];
  const sub = induced(members, adj, adj.position);
  const part = louvainPartition(sub, { resolution: params.resolution, rng });
  if (part.count < 2) return [members];
  const volume = new Float64Array(part.count);
  const cut = new Float64Array(part.count);
  for (let e = 0; e < sub.src.length; e++) {
    const a = part.membership[sub.src[e]];
    const b = part.membership[sub.dst[e]];
    const w = sub.weight[e];
    volume[a] += w;
    volume[b] += w;
    if (a !== b) {
      cut[a] += w;
      cut[b] += w;
    }
  }
  const groups = groupsOf(part.membership, part.count, (i) => members[i]);
  const peeled: number[][] = [];
  const rest: number[] = [];
  groups.forEach((group, c) => {
    if (volume[c] > 0 && cut[c] / volume[c] <= params.refineMaxConductance) peeled.push(group);
    else rest.push(...group);
  });
  if (peeled.length === 0 || (peeled.length === 1 && rest.length === 0)) return [members];
  const out: number[][] = [];
  for (const group of peeled) out.push(...refine(group, adj, params, rng, depth + 1));
  if (rest.length > 0)
    out.push(
      ...refine(
        rest.sort((a, b) => a - b),
        adj,
        params,
        rng,
        depth + 1,
      ),
    );
  return out;
}

/**
 * The subgraph induced by `members` (local ids in member order). `position` maps a node to its
 * member index and is all -1 on entry and on return (one scratch array per component).
 */
function induced(members: number[], adj: Adjacency, position: Int32Array): LocalGraph {
  for (let i = 0; i < members.length; i++) position[members[i]] = i;
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  for (let i = 0; i < members.length; i++) {
    const m = members[i];
    for (let p = adj.start[m]; p < adj.start[m + 1]; p++) {
      const j = position[adj.neighbour[p]];
      if (j > i) {
        src.push(i);
        dst.push(j);
        weight.push(adj.weight[p]);
      }
    }
  }
  for (let i = 0; i < members.length; i++) position[members[i]] = -1;
  return { nodeCount: members.length, src, dst, weight };
}

function toAdjacency(graph: LocalGraph): Adjacency {
  const n = graph.nodeCount;
  const start = new Int32Array(n + 1);
  for (let e = 0; e < graph.src.length; e++) {
    start[graph.src[e] + 1]++;
    start[graph.dst[e] + 1]++;
  }
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const neighbour = new Int32Array(start[n]);
  const weight = new Float64Array(start[n]);
  for (let e = 0; e < graph.src.length; e++) {
    const a = graph.src[e];
    const b = graph.dst[e];
    neighbour[fill[a]] = b;
    weight[fill[a]++] = graph.weight[e];
    neighbour[fill[b]] = a;
    weight[fill[b]++] = graph.weight[e];
  }
  return { start, neighbour, weight, position: new Int32Array(n).fill(-1) };
}

function groupsOf(
  membership: Int32Array,
  count: number,
  map: (local: number) => number,
): number[][] {
  const groups: number[][] = Array.from({ length: count }, () => []);
  for (let i = 0; i < membership.length; i++) groups[membership[i]].push(map(i));
  return groups;
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
