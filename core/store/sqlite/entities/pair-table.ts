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

/** Below this many pairs a comparison sort is quicker than the radix passes. */
const RADIX_MIN = 2048;
const DIGIT_BITS = 11;
const DIGITS = 1 << DIGIT_BITS;

/**
 * Slots 0..size-1 of pairs (a[s], b[s]) ordered by a, then b, so a flush writes in b-tree key
 * order. Keys are non-negative 31-bit integers. A least-significant-digit radix sort of the slot
 * numbers, 11 bits per pass and only as many passes as the largest key needs (two per key below
 * 4 million): it reads each slot's keys in place, where sorting packed keys would then need a
 * hash lookup per pair to find its slot again.
 */
export function slotsInPairOrder(a: Int32Array, b: Int32Array, size: number): Int32Array {
  let order = new Int32Array(size);
  for (let s = 0; s < size; s++) order[s] = s;
  if (size < RADIX_MIN) {
    order.sort((x, y) => a[x]! - a[y]! || b[x]! - b[y]!);
    return order;
  }
  let maxA = 0;
  let maxB = 0;
  for (let s = 0; s < size; s++) {
    if (a[s]! > maxA) maxA = a[s]!;
    if (b[s]! > maxB) maxB = b[s]!;
  }
  let into = new Int32Array(size);
  const start = new Int32Array(DIGITS);
  // Minor key first: a stable pass per digit leaves the slots ordered by (a, b).
  for (const [keys, max] of [
    [b, maxB],
    [a, maxA],
  ] as const) {
    for (let shift = 0; shift === 0 || max >>> shift > 0; shift += DIGIT_BITS) {
      start.fill(0);
      for (let i = 0; i < size; i++) start[(keys[order[i]!]! >>> shift) & (DIGITS - 1)]++;
      for (let d = 0, at = 0; d < DIGITS; d++) {
        const n = start[d]!;
        start[d] = at;
        at += n;
      }
      for (let i = 0; i < size; i++) {
        const s = order[i]!;
        into[start[(keys[s]! >>> shift) & (DIGITS - 1)]++] = s;
      }
      [order, into] = [into, order];
    }
  }
  return order;
}
