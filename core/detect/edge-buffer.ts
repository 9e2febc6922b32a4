/**
 * Growable columnar buffer of weighted undirected pairs, compacted into a sorted, de-duplicated
 * edge list. Pairs are appended as they are produced (many times for the same pair when two
 * accounts share several identifiers) and summed once at the end: a counting sort by the lower
 * endpoint, then a sort of each (small) neighbour segment, so the whole build is typed-array work
 * with no per-edge objects or hash maps.
 */

export interface EdgeList {
  /** Lower endpoint, ascending. */
  src: Int32Array;
  /** Higher endpoint, ascending within one `src`. */
  dst: Int32Array;
  weight: Float64Array;
}

export class EdgeBuffer {
  private a: Int32Array;
  private b: Int32Array;
  private w: Float64Array;
  private length = 0;

  constructor(initialCapacity = 1 << 16) {
    this.a = new Int32Array(initialCapacity);
    this.b = new Int32Array(initialCapacity);
    this.w = new Float64Array(initialCapacity);
  }

  get size(): number {
    return this.length;
  }

  /** Adds weight to the undirected pair (u, v); self-pairs and non-positive weights are ignored. */
  add(u: number, v: number, weight: number): void {
    if (u === v || !(weight > 0)) return;
    if (this.length === this.a.length) this.grow();
    const i = this.length++;
    if (u < v) {
      this.a[i] = u;
      this.b[i] = v;
    } else {
      this.a[i] = v;
      this.b[i] = u;
    }
    this.w[i] = weight;
  }

  /** Sums duplicate pairs over `nodeCount` nodes; the result is sorted by (src, dst). */
  compact(nodeCount: number): EdgeList {
    const n = this.length;
    const starts = new Int32Array(nodeCount + 1);
    for (let i = 0; i < n; i++) starts[this.a[i] + 1]++;
    for (let i = 0; i < nodeCount; i++) starts[i + 1] += starts[i];
    const cursor = starts.slice(0, nodeCount);
    const dst = new Int32Array(n);
    const weight = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const p = cursor[this.a[i]]++;
      dst[p] = this.b[i];
      weight[p] = this.w[i];
    }
    this.release();
    const outSrc = new Int32Array(n);
    const outDst = new Int32Array(n);
    const outW = new Float64Array(n);
    let m = 0;
    for (let s = 0; s < nodeCount; s++) {
      const from = starts[s];
      const to = starts[s + 1];
      if (from === to) continue;
      sortSegment(dst, weight, from, to);
      for (let i = from; i < to; i++) {
        if (m > 0 && outSrc[m - 1] === s && outDst[m - 1] === dst[i]) {
          outW[m - 1] += weight[i];
        } else {
          outSrc[m] = s;
          outDst[m] = dst[i];
          outW[m] = weight[i];
          m++;
        }
      }
    }
    return { src: outSrc.slice(0, m), dst: outDst.slice(0, m), weight: outW.slice(0, m) };
  }

  private grow(): void {
    const cap = this.a.length * 2;
    const a = new Int32Array(cap);
    const b = new Int32Array(cap);
    const w = new Float64Array(cap);
    a.set(this.a);
    b.set(this.b);
    w.set(this.w);
    this.a = a;
    this.b = b;
    this.w = w;
  }

  private release(): void {
    this.a = new Int32Array(0);
    this.b = new Int32Array(0);
    this.w = new Float64Array(0);
    this.length = 0;
  }
}

/** Sorts keys[from, to) ascending, carrying values along: insertion sort for short runs, else a permutation sort. */
function sortSegment(keys: Int32Array, values: Float64Array, from: number, to: number): void {
  const len = to - from;
  if (len < 2) return;
  if (len <= 32) {
    for (let i = from + 1; i < to; i++) {
      const k = keys[i];
      const v = values[i];
      let j = i - 1;
      while (j >= from && keys[j] > k) {
        keys[j + 1] = keys[j];
        values[j + 1] = values[j];
        j--;
      }
      keys[j + 1] = k;
      values[j + 1] = v;
    }
    return;
  }
  const order = new Int32Array(len);
  for (let i = 0; i < len; i++) order[i] = i;
  const k = keys.slice(from, to);
  const v = values.slice(from, to);
  order.sort((x, y) => k[x] - k[y] || x - y);
  for (let i = 0; i < len; i++) {
    keys[from + i] = k[order[i]];
    values[from + i] = v[order[i]];
  }
}
