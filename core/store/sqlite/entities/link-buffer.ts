import { PairTable, slotsInPairOrder } from './pair-table';

/** Writes one account–identifier link with the first and last time it was seen. */
export type LinkSink = (
  identifierKey: number,
  accountKey: number,
  kind: number,
  firstSeen: number,
  lastSeen: number,
) => void;

/** Identifier keys below this are remembered (`lastAccount`): 16 MiB at most. */
const MEMO_KEYS = 1 << 21;

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
  /**
   * By identifier key: 1 + the account of the pair last added for it, and that pair's slot.
   * Cards and devices are mostly used by one account, so most adds skip the hash lookup.
   */
  private lastAccount = new Int32Array(8192);

  constructor(
    private readonly sink: LinkSink,
    private readonly maxPending = 500_000,
    /** Called after each flush has passed every pair to `sink` (a batching sink drains here). */
    private readonly flushed: () => void = () => {},
  ) {}

  /** Pairs held, not yet written. */
  get size(): number {
    return this.table.size;
  }

  add(identifierKey: number, accountKey: number, kind: number, seenAt: number): void {
    this.addSpan(identifierKey, accountKey, kind, seenAt, seenAt);
  }

  /** Adds a link seen from `first` to `last` (several sightings or payments at once). */
  addSpan(
    identifierKey: number,
    accountKey: number,
    kind: number,
    first: number,
    last: number,
  ): void {
    const m = 2 * identifierKey;
    let s =
      m < this.lastAccount.length && this.lastAccount[m] === accountKey + 1
        ? this.lastAccount[m + 1]!
        : this.table.get(identifierKey, accountKey);
    if (s !== -1) {
      if (first < this.first[s]) this.first[s] = first;
      if (last > this.last[s]) this.last[s] = last;
      return;
    }
    s = this.table.insert(identifierKey, accountKey);
    if (s === this.first.length) this.grow();
    this.identifierKeys[s] = identifierKey;
    this.accountKeys[s] = accountKey;
    this.kinds[s] = kind;
    this.first[s] = first;
    this.last[s] = last;
    if (m < MEMO_KEYS * 2) {
      if (m >= this.lastAccount.length) this.growMemo(m);
      this.lastAccount[m] = accountKey + 1;
      this.lastAccount[m + 1] = s;
    }
    if (this.table.size >= this.maxPending) this.flush();
  }

  /** Writes every pending pair (sorted by identifier, then account) and empties the buffer. */
  flush(): void {
    const size = this.table.size;
    if (size === 0) return;
    for (const s of slotsInPairOrder(this.identifierKeys, this.accountKeys, size)) {
      this.sink(
        this.identifierKeys[s],
        this.accountKeys[s],
        this.kinds[s],
        this.first[s],
        this.last[s],
      );
    }
    this.flushed();
    this.table.clear();
    this.lastAccount.fill(0);
  }

  private growMemo(m: number): void {
    const memo = new Int32Array(
      Math.min(MEMO_KEYS * 2, Math.max(m + 2, this.lastAccount.length * 2)),
    );
    memo.set(this.lastAccount);
    this.lastAccount = memo;
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
