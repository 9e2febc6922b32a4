/**
 * A read-only, graphology-compatible view of an undirected weighted edge list, for
 * graphology-communities-louvain.
 *
 * Why: Louvain itself is fast, but building a graphology `Graph` (an object per node and per
 * edge, string keys, adjacency maps) costs several times the algorithm on a million edges. The
 * Louvain of graphology-communities-louvain 2.x reads its input only once, in the constructor of
 * `UndirectedLouvainIndex` (graphology-indices/louvain.js), through `order`, `size`,
 * `selfLoopCount`, `type`, `multi`, `forEachNode`, `undirectedDegreeWithoutSelfLoops` and
 * `forEachEdge`, then works on its own typed arrays. This view answers exactly those from typed
 * arrays, so the library runs unchanged on our integer graph. Anything else throws, so a future
 * version of the library that reads more fails loudly rather than silently (and
 * tests/unit/detect-csr-graph-view.test.ts checks the view gives the same communities as a real
 * graphology graph).
 *
 * Nodes are the integers 0..n-1; edge e is (src[e], dst[e]) with weight weight[e], no self loops,
 * no duplicates.
 */
import type { LocalGraph } from './louvain';

export class CsrGraphView {
  readonly type = 'undirected';
  readonly multi = false;
  readonly order: number;
  readonly size: number;
  readonly selfLoopCount = 0;
  readonly undirectedSize: number;
  readonly directedSize = 0;
  private readonly degree: Int32Array;

  constructor(private readonly graph: LocalGraph) {
    this.order = graph.nodeCount;
    this.size = graph.src.length;
    this.undirectedSize = this.size;
    this.degree = new Int32Array(graph.nodeCount);
    for (let e = 0; e < graph.src.length; e++) {
      this.degree[graph.src[e]]++;
      this.degree[graph.dst[e]]++;
    }
  }

  /** Edge weight getter to pass as `getEdgeWeight`: the edge key is its index. */
  readonly weightOf = (edge: number): number => this.graph.weight[edge];

  forEachNode(callback: (node: number, attributes: Record<string, never>) => void): void {
    const none = {};
    for (let i = 0; i < this.order; i++) callback(i, none);
  }

  undirectedDegreeWithoutSelfLoops(node: number): number {
    return this.degree[node];
  }

  forEachEdge(
    callback: (
      edge: number,
      attributes: null,
      source: number,
      target: number,
      sa: null,
      ta: null,
      undirected: boolean,
    ) => void,
  ): void {
    const { src, dst } = this.graph;
    for (let e = 0; e < src.length; e++) callback(e, null, src[e], dst[e], null, null, true);
  }

  addUndirectedEdgeWithKey(): never {
    throw new Error('fraud-rings: CsrGraphView is read-only');
  }

  dropNode(): never {
    throw new Error('fraud-rings: CsrGraphView is read-only');
  }
}
