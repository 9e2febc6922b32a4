/**
 * A typed-array `zoomOut` for graphology-indices' `UndirectedLouvainIndex`, the aggregation step
 * of graphology-communities-louvain (collapse each community into one node between levels).
 *
 * Why: the library's version builds one plain object per community, keyed by neighbour community
 * (`adj[cj] += w`, then `for (cj in adj)`), so at a million accounts the first aggregation alone
 * makes hundreds of thousands of dictionary-mode objects; profiling put it at 15% of detection
 * plus much of the garbage collection. This replacement computes exactly the same index: the
 * same community numbering (order of first appearance), the same per-pair sums in the same
 * order of addition (so the same floating-point values), and neighbours in ascending community
 * order (the order in which `for...in` visits integer keys). Louvain's later moves, its random
 * draws and so its communities are therefore unchanged (tests/unit/detect-louvain-zoom-out.test.ts
 * compares both on random graphs).
 *
 * It is installed only on the version of graphology-indices it was written against; any other
 * version keeps its own `zoomOut` (correct, just slower).
 */
import { createRequire } from 'node:module';

/** The fields of `UndirectedLouvainIndex` that `zoomOut` reads and writes. */
interface LouvainIndexState {
  C: number;
  E: number;
  U: number;
  level: number;
  nodes: unknown[];
  keepDendrogram: boolean;
  dendrogram: ArrayLike<number>[];
  mapping: Int32Array | Uint32Array | Uint16Array | Uint8Array;
  neighborhood: Int32Array | Uint32Array | Uint16Array | Uint8Array;
  weights: Float64Array;
  loops: Float64Array;
  starts: Int32Array | Uint32Array | Uint16Array | Uint8Array;
  belongings: Int32Array | Uint32Array | Uint16Array | Uint8Array;
  counts: Int32Array | Uint32Array | Uint16Array | Uint8Array;
  totalWeights: Float64Array;
}

type PointerArrayCtor = new (n: number) => Int32Array | Uint32Array | Uint16Array | Uint8Array;

/** The graphology-indices version whose `zoomOut` this reproduces. */
export const SUPPORTED_INDICES_VERSION = '0.17.0';

/**
 * Aggregates the index's current communities into nodes, as the library's `zoomOut` does.
 * `this` is an `UndirectedLouvainIndex`.
 */
export function typedZoomOut(
  this: LouvainIndexState,
  pointerArray: (n: number) => PointerArrayCtor,
): void {
  const oldC = this.C;
  const N = this.nodes.length;
  const belongings = this.belongings;

  const label = new Int32Array(oldC).fill(-1);
  const total = new Float64Array(oldC);
  let C = 0;
  for (let i = 0; i < oldC; i++) {
    const ci = belongings[i];
    if (label[ci] < 0) {
      label[ci] = C;
      total[C] = this.totalWeights[ci];
      C++;
    }
    belongings[i] = label[ci];
  }

  if (this.keepDendrogram) {
    const current = this.dendrogram[this.level];
    const Next = pointerArray(C);
    const next = new Next(N);
    for (let i = 0; i < N; i++) next[i] = belongings[current[i]];
    this.dendrogram.push(next);
  } else {
    for (let i = 0; i < N; i++) this.mapping[i] = belongings[this.mapping[i]];
  }

  const bucketStart = new Int32Array(C + 1);
  for (let i = 0; i < oldC; i++) bucketStart[belongings[i] + 1]++;
  for (let c = 0; c < C; c++) bucketStart[c + 1] += bucketStart[c];
  const fill = bucketStart.slice(0, C);
  const byCommunity = new Int32Array(oldC);
  for (let i = 0; i < oldC; i++) byCommunity[fill[belongings[i]]++] = i;

  const E0 = this.E;
  const outNeighbour = new Int32Array(E0);
  const outWeight = new Float64Array(E0);
  const newStarts = new Int32Array(C + 1);
  const internal = new Float64Array(C);
  const acc = new Float64Array(C);
  const seen = new Uint8Array(C);
  const touched = new Int32Array(C);
  const { starts, neighborhood, weights, loops } = this;
  let E = 0;
  for (let ci = 0; ci < C; ci++) {
    let t = 0;
    let inner = 0;
    for (let b = bucketStart[ci]; b < bucketStart[ci + 1]; b++) {
      const i = byCommunity[b];
      inner += loops[i];
      for (let j = starts[i], m = starts[i + 1]; j < m; j++) {
        const cj = belongings[neighborhood[j]];
        if (cj === ci) {
          inner += weights[j];
          continue;
        }
        if (seen[cj] === 0) {
          seen[cj] = 1;
          acc[cj] = 0;
          touched[t++] = cj;
        }
        acc[cj] += weights[j];
      }
    }
    internal[ci] = inner;
    const list = touched.subarray(0, t);
    list.sort();
    newStarts[ci] = E;
    for (let x = 0; x < t; x++) {
      const cj = list[x];
      outNeighbour[E] = cj;
      outWeight[E] = acc[cj];
      seen[cj] = 0;
      E++;
    }
  }

  this.C = C;
  for (let ci = 0; ci < C; ci++) {
    this.totalWeights[ci] = total[ci];
    this.loops[ci] = internal[ci];
    this.counts[ci] = 1;
    starts[ci] = newStarts[ci];
    belongings[ci] = ci;
  }
  neighborhood.set(outNeighbour.subarray(0, E));
  weights.set(outWeight.subarray(0, E));
  starts[C] = E;
  this.E = E;
  this.U = 0;
  this.level++;
}

let installed: boolean | null = null;

/**
 * Replaces `UndirectedLouvainIndex.prototype.zoomOut` with `typedZoomOut` when the installed
 * graphology-indices is `SUPPORTED_INDICES_VERSION`. Idempotent; returns whether it is in place.
 */
export function installTypedZoomOut(): boolean {
  if (installed !== null) return installed;
  const req = createRequire(require.resolve('graphology-communities-louvain'));
  const version = (req('graphology-indices/package.json') as { version: string }).version;
  if (version !== SUPPORTED_INDICES_VERSION) return (installed = false);
  const indices = req('graphology-indices/louvain') as {
    UndirectedLouvainIndex: { prototype: { zoomOut: () => unknown } };
  };
  const typed = req('mnemonist/utils/typed-arrays') as {
    getPointerArray: (n: number) => PointerArrayCtor;
  };
  indices.UndirectedLouvainIndex.prototype.zoomOut = function (this: LouvainIndexState) {
    typedZoomOut.call(this, typed.getPointerArray);
  };
  return (installed = true);
}
