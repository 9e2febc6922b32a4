import { grown } from './link-buffer';
import { PairTable, slotsInPairOrder } from './pair-table';

/** Applies one (payer, payee) delta: counts and micro-unit amount are added; times only widen. */
export type PaymentLinkSink = (
  payerKey: number,
  payeeKey: number,
  count: number,
  amountMicros: number,
  chargebacks: number,
  firstAt: number | null,
  lastAt: number | null,
) => void;

/** Amounts are aggregated in integer millionths so that sums do not depend on the order of rows. */
export function toMicros(amount: number): number {
  return Math.round(amount * 1e6);
}

/**
 * Aggregates the payment changes of a load per (payer, payee) pair in memory and writes each
 * pair once. A new payment adds to its pair; an updated payment subtracts its old values and
 * adds its new ones, so a re-load of unchanged rows nets to zero and writes nothing.
 * Memory stays bounded: the buffer flushes itself at `maxPending` distinct pairs. It flushes
 * sooner, from `minPending` pairs, while the pairs it has written are few: a file's pairs then go
 * to SQLite while the parse thread reads on, rather than all after its last row. As the pairs
 * written grow, so does the flush (up to `maxPending`), since each flush is a sorted pass that
 * touches pages all over the table, and a larger one touches each page for more pairs.
 */
export class PaymentLinkBuffer {
  private readonly table = new PairTable();
  private payer = new Int32Array(4096);
  private payee = new Int32Array(4096);
  private count = new Int32Array(4096);
  private micros = new Float64Array(4096);
  private chargebacks = new Int32Array(4096);
  private first = new Float64Array(4096);
  private last = new Float64Array(4096);

  constructor(
    private readonly sink: PaymentLinkSink,
    private readonly maxPending = 500_000,
    private readonly minPending = 131_072,
  ) {}

  /** Pairs written by earlier flushes (with repeats), which sets the size of the next flush. */
  private written = 0;

  /** Adds (sign 1) or removes (sign -1) one payment's contribution to its pair. */
  add(
    payerKey: number,
    payeeKey: number,
    sign: 1 | -1,
    amount: number,
    chargeback: boolean,
    at: number,
  ): void {
    let s = this.table.get(payerKey, payeeKey);
    if (s === -1) {
      s = this.table.insert(payerKey, payeeKey);
      if (s === this.count.length) this.grow();
      this.payer[s] = payerKey;
      this.payee[s] = payeeKey;
      this.count[s] = 0;
      this.micros[s] = 0;
      this.chargebacks[s] = 0;
      this.first[s] = Infinity;
      this.last[s] = -Infinity;
    }
    this.count[s] += sign;
    this.micros[s] += sign * toMicros(amount);
    if (chargeback) this.chargebacks[s] += sign;
    if (sign === 1) {
      if (at < this.first[s]) this.first[s] = at;
      if (at > this.last[s]) this.last[s] = at;
    }
    if (this.table.size >= Math.min(this.maxPending, Math.max(this.minPending, this.written >> 2)))
      this.flush();
  }

  /** Writes every pair with a change (sorted by payer, then payee) and empties the buffer. */
  flush(): void {
    const size = this.table.size;
    if (size === 0) return;
    this.written += size;
    for (const s of slotsInPairOrder(this.payer, this.payee, size)) {
      const first = this.first[s] === Infinity ? null : this.first[s];
      const last = this.last[s] === -Infinity ? null : this.last[s];
      if (
        this.count[s] === 0 &&
        this.micros[s] === 0 &&
        this.chargebacks[s] === 0 &&
        first === null
      )
        continue;
      this.sink(
        this.payer[s],
        this.payee[s],
        this.count[s],
        this.micros[s],
        this.chargebacks[s],
        first,
        last,
      );
    }
    this.table.clear();
  }

  private grow(): void {
    const n = this.count.length * 2;
    this.payer = grown(this.payer, new Int32Array(n));
    this.payee = grown(this.payee, new Int32Array(n));
    this.count = grown(this.count, new Int32Array(n));
    this.chargebacks = grown(this.chargebacks, new Int32Array(n));
    this.micros = grown(this.micros, new Float64Array(n));
    this.first = grown(this.first, new Float64Array(n));
    this.last = grown(this.last, new Float64Array(n));
  }
}
