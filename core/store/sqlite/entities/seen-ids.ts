/**
 * The ids a load has written so far, as a scalable Bloom filter: `add` answers "certainly new"
 * or "maybe seen before". A "certainly new" answer is never wrong, which is all the load writer
 * relies on (see `SqliteLoadWriter.writePackedRows`); a false "maybe" only sends a row down the
 * slower, exact path.
 *
 * Memory grows with the ids added, not with a size fixed up front: when a filter holds its
 * capacity, a new one of four times the capacity is started (Almeida et al., "Scalable Bloom
 * Filters", 2007), and an id is "maybe seen" when any filter says so. At 8 bits and 3 probes per
 * id a full filter errs on about 4% of new ids, so a load of 10 million ids (two filters, 20 MiB)
 * sends a few percent of its rows down the exact path, and a load of a million almost none.
 *
 * The filters are blocked (Putze et al., "Cache-, Hash- and Space-Efficient Bloom Filters",
 * 2007): an id's probes all fall in one 512-bit block, one cache line, where three probes over
 * the whole filter would cost three cache misses per row (a tenth of a second per million rows).
 */
export class SeenIds {
  private readonly filters: Filter[] = [];

  constructor(firstCapacity = 1 << 22) {
    this.filters.push(new Filter(firstCapacity));
  }

  /**
   * Adds the id written at `text[from..to)` and returns true when it may have been added before,
   * false when it certainly was not.
   */
  add(text: string, from: number, to: number): boolean {
    // FNV-1a picks the block, a second hash from the same pass the bits in it.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 15);
    }
    for (const f of this.filters) if (f.has(h1, h2)) return true;
    let last = this.filters[this.filters.length - 1]!;
    if (last.count >= last.capacity) {
      last = new Filter(last.capacity * GROWTH);
      this.filters.push(last);
    }
    last.set(h1, h2);
    return false;
  }
}

const BITS_PER_ID = 8;
const GROWTH = 4;
const PROBES = 3;
/** 512-bit blocks: 16 words, probed with 9 bits of `h2` each. */
const BLOCK_WORDS = 16;

class Filter {
  private readonly words: Int32Array;
  /** Blocks - 1 (a power of two). */
  private readonly mask: number;
  count = 0;

  constructor(readonly capacity: number) {
    const bits = 1 << Math.ceil(Math.log2(Math.max(512, capacity * BITS_PER_ID)));
    this.words = new Int32Array(bits >>> 5);
    this.mask = (bits >>> 9) - 1;
  }

  has(h1: number, h2: number): boolean {
    const block = (h1 & this.mask) * BLOCK_WORDS;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h2 >>> (9 * k)) & 511;
      if ((this.words[block + (bit >>> 5)]! & (1 << (bit & 31))) === 0) return false;
    }
    return true;
  }

  set(h1: number, h2: number): void {
    const block = (h1 & this.mask) * BLOCK_WORDS;
    for (let k = 0; k < PROBES; k++) {
      const bit = (h2 >>> (9 * k)) & 511;
      this.words[block + (bit >>> 5)] |= 1 << (bit & 31);
    }
    this.count++;
  }
}
