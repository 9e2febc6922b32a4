/**
 * An open-addressing hash table from a pair of non-negative 31-bit integers to a dense slot
 * number (0, 1, 2, … in insertion order). Used by the load buffers, which look up a pair per
 * input row: a `Map` would need a heap-allocated number or string key per lookup.
 */
export class PairTable {
  private a: Int32Array;
  private b: Int32Array;
  private slot: Int32Array;
  private mask: number;
  private used = 0;

  constructor(capacity = 1 << 16) {
    const n = 1 << Math.ceil(Math.log2(Math.max(16, capacity * 2)));
    this.a = new Int32Array(n).fill(-1);
    this.b = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.mask = n - 1;
  }

  get size(): number {
    return this.used;
  }

  /** The slot of (x, y), or -1. */
  get(x: number, y: number): number {
    let i = hash(x, y) & this.mask;
    for (;;) {
      const ax = this.a[i];
      if (ax === -1) return -1;
      if (ax === x && this.b[i] === y) return this.slot[i];
      i = (i + 1) & this.mask;
    }
  }

  /** Adds (x, y), which must not be present, and returns its new slot. */
  insert(x: number, y: number): number {
    if ((this.used + 1) * 2 > this.a.length) this.rehash(this.a.length * 2);
    const s = this.used++;
    this.place(x, y, s);
    return s;
  }

  clear(): void {
    this.a.fill(-1);
    this.used = 0;
  }

  private place(x: number, y: number, s: number): void {
    let i = hash(x, y) & this.mask;
    while (this.a[i] !== -1) i = (i + 1) & this.mask;
    this.a[i] = x;
    this.b[i] = y;
    this.slot[i] = s;
  }

  private rehash(n: number): void {
    const { a, b, slot } = this;
    this.a = new Int32Array(n).fill(-1);
    this.b = new Int32Array(n);
    this.slot = new Int32Array(n);
    this.mask = n - 1;
    for (let i = 0; i < a.length; i++) if (a[i] !== -1) this.place(a[i], b[i], slot[i]);
  }
}

function hash(x: number, y: number): number {
  let h = Math.imul(x, 0x9e3779b1) ^ Math.imul(y ^ (y >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

const SPAN = 2 ** 26;

/**
 * Slots 0..size-1 of pairs (a[s], b[s]) ordered by a, then b, so a flush writes in b-tree key
 * order. Keys below 2^26 (tens of millions of accounts) take a native numeric sort of packed keys.
 */
export function slotsInPairOrder(
  table: PairTable,
  a: Int32Array,
  b: Int32Array,
  size: number,
): Int32Array {
  const order = new Int32Array(size);
  let small = true;
  for (let s = 0; s < size && small; s++) small = a[s] < SPAN && b[s] < SPAN;
  if (!small) {
    for (let s = 0; s < size; s++) order[s] = s;
    order.sort((x, y) => a[x] - a[y] || b[x] - b[y]);
    return order;
  }
  const packed = new Float64Array(size);
  for (let s = 0; s < size; s++) packed[s] = a[s] * SPAN + b[s];
  packed.sort();
  for (let i = 0; i < size; i++) {
    const x = Math.floor(packed[i] / SPAN);
    order[i] = table.get(x, packed[i] - x * SPAN);
  }
  return order;
}
