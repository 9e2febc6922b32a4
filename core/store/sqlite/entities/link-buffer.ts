import { PairTable, slotsInPairOrder } from './pair-table';

/** Writes one account–identifier link with the first and last time it was seen. */
export type LinkSink = (
  identifierKey: number,
  accountKey: number,
  kind: number,
  firstSeen: number,
  lastSeen: number,
) => void;

/**
 * Collects the account–identifier links of a load in memory, keeping only the earliest and latest
 * sighting per (identifier, account) pair, and writes each pair once, in primary-key order.
 *
 * Why: a payments file repeats the same payer/card and payer/device pairs on most rows; writing
 * each row's links straight to SQLite would cost two b-tree upserts per payment. Memory stays
 * bounded: the buffer flushes itself once `maxPending` distinct pairs are held.
 */
export class LinkBuffer {
  private readonly table = new PairTable();
  private identifierKeys = new Int32Array(4096);
  private accountKeys = new Int32Array(4096);
  private kinds = new Uint8Array(4096);
  private first = new Float64Array(4096);
  private last = new Float64Array(4096);

  constructor(
    private readonly sink: LinkSink,
    private readonly maxPending = 500_000,
  ) {}

  add(identifierKey: number, accountKey: number, kind: number, seenAt: number): void {
    let s = this.table.get(identifierKey, accountKey);
    if (s !== -1) {
      if (seenAt < this.first[s]) this.first[s] = seenAt;
      if (seenAt > this.last[s]) this.last[s] = seenAt;
      return;
    }
    s = this.table.insert(identifierKey, accountKey);
    if (s === this.first.length) this.grow();
    this.identifierKeys[s] = identifierKey;
    this.accountKeys[s] = accountKey;
    this.kinds[s] = kind;
    this.first[s] = seenAt;
    this.last[s] = seenAt;
    if (this.table.size >= this.maxPending) this.flush();
  }

  /** Writes every pending pair (sorted by identifier, then account) and empties the buffer. */
  flush(): void {
    const size = this.table.size;
    if (size === 0) return;
    for (const s of slotsInPairOrder(this.table, this.identifierKeys, this.accountKeys, size)) {
      this.sink(
        this.identifierKeys[s],
        this.accountKeys[s],
        this.kinds[s],
        this.first[s],
        this.last[s],
      );
    }
    this.table.clear();
  }

  private grow(): void {
    const n = this.first.length * 2;
    this.identifierKeys = grown(this.identifierKeys, new Int32Array(n));
    this.accountKeys = grown(this.accountKeys, new Int32Array(n));
    this.kinds = grown(this.kinds, new Uint8Array(n));
    this.first = grown(this.first, new Float64Array(n));
    this.last = grown(this.last, new Float64Array(n));
  }
}

/** `into`, holding a copy of `from` at its start. */
export function grown<A extends Int32Array | Uint8Array | Float64Array>(from: A, into: A): A {
  into.set(from);
  return into;
}
