import { PAYMENT_STATUSES, type PaymentInput, type PaymentStatus } from '../types';
import { InternTable, sameAt } from './intern-table';
import { PaymentLine, scanPaymentLine } from './payment-line';

/**
 * Payments as columns instead of objects, so that a batch crosses threads as a few transferable
 * buffers and the writer touches no per-row object. Repeated strings (account ids, card and
 * device values, currencies) are interned by the `PaymentPacker` that produced the batch: a row
 * holds small integer ids, and each distinct value travels once, in the batch that first uses it.
 *
 * Intern ids of a table are 0, 1, 2, … in order of first use. `table.base` is the id of
 * `table.values[0]`; a base of 0 means the table (re)starts with this batch, so a consumer that
 * maps ids to something (store keys) forgets its earlier ids for that table.
 */
export interface PackedPayments {
  /** Rows in the batch. */
  n: number;
  /** Per row `INT_WIDTH` ints: payer, payee, card (-1 none), device (-1 none), currency, status. */
  ints: Int32Array;
  /** Per row `NUM_WIDTH` numbers: amount, created_at (epoch ms). */
  nums: Float64Array;
  /** The payment ids, concatenated; row i is `ids.slice(idEnds[i - 1] ?? 0, idEnds[i])`. */
  ids: string;
  idEnds: Int32Array;
  accounts: InternedValues;
  /** Normalised card values; `raws` holds the first spelling of each (stored for display). */
  cards: InternedValues;
  devices: InternedValues;
  currencies: InternedValues;
  /**
   * The card and device links of the rows (a payer used a card or device from a first to a last
   * time), per link `LINK_WIDTH` ints: `LINK_CARD` or `LINK_DEVICE`, the card or device id and
   * the payer id; and 2 numbers in `linkTimes`: the first and last time. A payer's run of rows on
   * one card becomes one link, sent in this batch or a later one of the same intern round (never
   * after its ids restart); the same link may come several times.
   */
  links: Int32Array;
  linkTimes: Float64Array;
}

export interface InternedValues {
  base: number;
  values: string[];
  /** The raw (trimmed, as typed) text of each value; identifiers only, else empty. */
  raws: string[];
}

export const INT_WIDTH = 6;
export const NUM_WIDTH = 2;
export const PAYER = 0;
export const PAYEE = 1;
export const CARD = 2;
export const DEVICE = 3;
export const CURRENCY = 4;
export const STATUS = 5;
export const AMOUNT = 0;
export const CREATED_AT = 1;
export const LINK_WIDTH = 3;
export const LINK_CARD = 0;
export const LINK_DEVICE = 1;

/** Index of each status in `PAYMENT_STATUSES` (the store's status code). */
const STATUS_INDEX = new Map<PaymentStatus, number>(PAYMENT_STATUSES.map((s, i) => [s, i]));

/**
 * The card (or device) a payer used last, by payer intern id, in front of its intern table: a
 * payer mostly pays with the same card and device, and one string comparison is cheaper than a
 * hash lookup in a table of a million values. Only a shortcut: the ids are those of the table.
 */
class LastOfPayer {
  private values: Array<string | undefined> = [];
  private ids = new Int32Array(1024);
  /** The restarts of both tables this memo was filled under. */
  private payerRestarts = 0;
  private valueRestarts = 0;

  constructor(
    private readonly payers: InternTable,
    private readonly table: InternTable,
  ) {}

  id(payer: number, value: string, raw: string): number {
    this.sync();
    if (this.values[payer] === value) return this.ids[payer]!;
    return this.remember(payer, this.table.id(value, raw));
  }

  /** `id` of the value `buf[start, end)` (small letters), hashed as `InternTable.idAt` takes it. */
  idAt(payer: number, buf: string, start: number, end: number, hash: number): number {
    this.sync();
    const last = this.values[payer];
    if (last !== undefined && sameAt(last, buf, start, end, true)) return this.ids[payer]!;
    return this.remember(payer, this.table.idAt(buf, start, end, hash, true));
  }

  /** Forgets what was remembered when payer or value ids restarted (it names ids of the previous round). */
  private sync(): void {
    if (this.payers.restarts !== this.payerRestarts || this.table.restarts !== this.valueRestarts) {
      this.values = [];
      this.payerRestarts = this.payers.restarts;
      this.valueRestarts = this.table.restarts;
    }
  }

  private remember(payer: number, id: number): number {
    if (payer >= this.ids.length) {
      const ids = new Int32Array(Math.max(payer + 1, this.ids.length * 2));
      ids.set(this.ids);
      this.ids = ids;
    }
    this.values[payer] = this.table.value(id);
    this.ids[payer] = id;
    return id;
  }
}

/** Links as `PackedPayments.links` and `linkTimes` hold them, growing. */
class LinkList {
  ints: number[] = [];
  times: number[] = [];

  push(kind: number, id: number, payer: number, first: number, last: number): void {
    this.ints.push(kind, id, payer);
    this.times.push(first, last);
  }
}

/**
 * The card (or device) each payer is on, with the first and last time of the current run of
 * rows that use it: a payer mostly keeps one card, so a row only widens a time span, and a link
 * goes to the writer once per run instead of once per row. Ids are those of the current round.
 */
class PayerLinks {
  private current = new Int32Array(1024).fill(-1);
  private first = new Float64Array(1024);
  private last = new Float64Array(1024);
  /** Payers with a current link. */
  private payers: number[] = [];

  constructor(private readonly kind: number) {}

  see(payer: number, id: number, at: number, out: LinkList): void {
    if (payer >= this.current.length) this.grow(payer);
    const now = this.current[payer]!;
    if (now === id) {
      if (at < this.first[payer]!) this.first[payer] = at;
      if (at > this.last[payer]!) this.last[payer] = at;
      return;
    }
    if (now === -1) this.payers.push(payer);
    else out.push(this.kind, now, payer, this.first[payer]!, this.last[payer]!);
    this.current[payer] = id;
    this.first[payer] = at;
    this.last[payer] = at;
  }

  /** Sends every current link and forgets them (before the ids they name are reused). */
  flush(out: LinkList): void {
    for (const p of this.payers) {
      out.push(this.kind, this.current[p]!, p, this.first[p]!, this.last[p]!);
      this.current[p] = -1;
    }
    this.payers = [];
  }

  private grow(payer: number): void {
    const n = Math.max(payer + 1, this.current.length * 2);
    const current = new Int32Array(n).fill(-1);
    current.set(this.current);
    this.current = current;
    const first = new Float64Array(n);
    first.set(this.first);
    this.first = first;
    const last = new Float64Array(n);
    last.set(this.last);
    this.last = last;
  }
}

/**
 * Distinct values per intern table before it restarts. Both threads hold each interned value
 * (the parse thread in its table, the writer in its key caches), so this bounds the duplicate:
 * about 10 MiB per table. It covers the 100,000 accounts of the 1M-row benchmark without a
 * restart; at a million accounts tables restart, and the writer resolves a value again through
 * its key cache once per round.
 */
export const INTERN_CAPACITY = 131_072;

/**
 * Accumulates validated payments into a `PackedPayments` batch. Intern tables live across
 * batches (so a value crosses once, not once per batch) and restart when they reach
 * `internCapacity` distinct values, so memory stays bounded however large the file.
 */
export class PaymentPacker {
  private readonly accounts: InternTable;
  private readonly cards: InternTable;
  private readonly devices: InternTable;
  private readonly currencies: InternTable;
  private readonly cardsOfPayers: LastOfPayer;
  private readonly devicesOfPayers: LastOfPayer;
  private readonly cardLinks = new PayerLinks(LINK_CARD);
  private readonly deviceLinks = new PayerLinks(LINK_DEVICE);
  private links = new LinkList();
  private ints = new Int32Array(INT_WIDTH * 1024);
  private nums = new Float64Array(NUM_WIDTH * 1024);
  private idEnds = new Int32Array(1024);
  private ids: string[] = [];
  private idLength = 0;
  private n = 0;
  private readonly line = new PaymentLine();
  /** `currencyOf`'s memo: the last currency, its id, and the round of ids it belongs to. */
  private lastCurrency = '';
  private lastCurrencyId = -1;
  private lastCurrencyRound = -1;

  constructor(internCapacity = INTERN_CAPACITY) {
    this.accounts = new InternTable(internCapacity, false);
    this.cards = new InternTable(internCapacity, true);
    this.devices = new InternTable(internCapacity, true);
    this.currencies = new InternTable(internCapacity, false);
    this.cardsOfPayers = new LastOfPayer(this.accounts, this.cards);
    this.devicesOfPayers = new LastOfPayer(this.accounts, this.devices);
  }

  get size(): number {
    return this.n;
  }

  add(row: PaymentInput): void {
    const payer = this.accounts.id(row.payerId, row.payerId);
    const payee = this.accounts.id(row.payeeId, row.payeeId);
    let card = -1;
    let device = -1;
    for (const ref of row.identifiers) {
      if (ref.kind === 'card') card = this.cardsOfPayers.id(payer, ref.value, ref.raw);
      else if (ref.kind === 'device') device = this.devicesOfPayers.id(payer, ref.value, ref.raw);
    }
    const currency = this.currencies.id(row.currency, row.currency);
    this.put(
      row.paymentId,
      payer,
      payee,
      card,
      device,
      currency,
      STATUS_INDEX.get(row.status)!,
      row.amount,
      row.createdAt,
    );
  }

  /**
   * Adds the payments CSV line `buf[start, end)` (fields in `PAYMENT_COLUMNS` order, no quote)
   * when `scanPaymentLine` reads it, exactly as `add` would add its validated row, without
   * cutting its fields out as strings: known accounts, cards and devices are found in place.
   * False, with nothing added, when the line needs the general path.
   */
  addLine(buf: string, start: number, end: number): boolean {
    const l = this.line;
    if (!scanPaymentLine(buf, start, end, l)) return false;
    const payer = this.accounts.idAt(buf, l.payerStart, l.payerEnd, l.payerHash, false);
    const payee = this.accounts.idAt(buf, l.payeeStart, l.payeeEnd, l.payeeHash, false);
    const card =
      l.cardStart === l.cardEnd
        ? -1
        : this.cardsOfPayers.idAt(payer, buf, l.cardStart, l.cardEnd, l.cardHash);
    const device =
      l.deviceStart === l.deviceEnd
        ? -1
        : this.devicesOfPayers.idAt(payer, buf, l.deviceStart, l.deviceEnd, l.deviceHash);
    this.put(
      buf.slice(l.idStart, l.idEnd),
      payer,
      payee,
      card,
      device,
      this.currencyOf(l),
      l.status,
      l.amount,
      l.createdAt,
    );
    return true;
  }

  /** The currency id of a scanned line: most lines repeat the previous line's currency. */
  private currencyOf(l: PaymentLine): number {
    const last = this.lastCurrency;
    if (
      this.currencies.restarts === this.lastCurrencyRound &&
      last.charCodeAt(0) === l.currency0 &&
      last.charCodeAt(1) === l.currency1 &&
      last.charCodeAt(2) === l.currency2
    )
      return this.lastCurrencyId;
    const code = String.fromCharCode(l.currency0, l.currency1, l.currency2);
    this.lastCurrencyId = this.currencies.id(code, code);
    this.lastCurrency = code;
    this.lastCurrencyRound = this.currencies.restarts;
    return this.lastCurrencyId;
  }

  private put(
    paymentId: string,
    payer: number,
    payee: number,
    card: number,
    device: number,
    currency: number,
    status: number,
    amount: number,
    createdAt: number,
  ): void {
    const i = this.n;
    if (i === this.idEnds.length) this.grow();
    const o = i * INT_WIDTH;
    const ints = this.ints;
    ints[o + PAYER] = payer;
    ints[o + PAYEE] = payee;
    ints[o + CARD] = card;
    ints[o + DEVICE] = device;
    if (card !== -1) this.cardLinks.see(payer, card, createdAt, this.links);
    if (device !== -1) this.deviceLinks.see(payer, device, createdAt, this.links);
    ints[o + CURRENCY] = currency;
    ints[o + STATUS] = status;
    this.nums[i * NUM_WIDTH + AMOUNT] = amount;
    this.nums[i * NUM_WIDTH + CREATED_AT] = createdAt;
    this.ids.push(paymentId);
    this.idLength += paymentId.length;
    this.idEnds[i] = this.idLength;
    this.n = i + 1;
  }

  /**
   * The rows added since the last call, as a batch (its typed arrays are fresh: transferable).
   * `last`: no row follows, so every link still held goes with this batch.
   */
  take(last = false): PackedPayments {
    const n = this.n;
    if (last || this.accounts.full || this.cards.full || this.devices.full) {
      this.cardLinks.flush(this.links);
      this.deviceLinks.flush(this.links);
    }
    const batch: PackedPayments = {
      n,
      ints: this.ints.slice(0, n * INT_WIDTH),
      nums: this.nums.slice(0, n * NUM_WIDTH),
      ids: this.ids.join(''),
      idEnds: this.idEnds.slice(0, n),
      accounts: this.accounts.take(),
      cards: this.cards.take(),
      devices: this.devices.take(),
      currencies: this.currencies.take(),
      links: Int32Array.from(this.links.ints),
      linkTimes: Float64Array.from(this.links.times),
    };
    this.links = new LinkList();

    this.ids = [];
    this.idLength = 0;
    this.n = 0;
    return batch;
  }

  private grow(): void {
    const rows = this.idEnds.length * 2;
    const ints = new Int32Array(rows * INT_WIDTH);
    ints.set(this.ints);
    this.ints = ints;
    const nums = new Float64Array(rows * NUM_WIDTH);
    nums.set(this.nums);
    this.nums = nums;
    const idEnds = new Int32Array(rows);
    idEnds.set(this.idEnds);
    this.idEnds = idEnds;
  }
}

/** The transferable buffers of a batch (for `postMessage`). */
export function transferList(batch: PackedPayments): ArrayBuffer[] {
  return [
    batch.ints.buffer,
    batch.nums.buffer,
    batch.idEnds.buffer,
    batch.links.buffer,
    batch.linkTimes.buffer,
  ] as ArrayBuffer[];
}

/** A load writer that also takes packed batches (the SQLite writer does). */
export interface PackedPaymentWriter {
  upsertPackedPayments(batch: PackedPayments): Promise<void>;
}

/** `writer` as a `PackedPaymentWriter`, or null when its store has no packed path. */
export function packedWriterOf(writer: object): PackedPaymentWriter | null {
  return typeof (writer as Partial<PackedPaymentWriter>).upsertPackedPayments === 'function'
    ? (writer as PackedPaymentWriter)
    : null;
}
