import { PAYMENT_STATUSES } from '../types';
import { MAX_ID_LENGTH } from './field-rules';
import { HASH_START, hashStep, lowerAscii } from './intern-table';
import { parseIsoTimeAt } from './parse-time';

/**
 * A payments CSV line read in place, by `scanPaymentLine`: where each text field lies in the
 * line's buffer, the hashes `InternTable.idAt` takes, and the values of the other fields.
 * Reused from line to line, so reading a line allocates nothing.
 */
export class PaymentLine {
  idStart = 0;
  idEnd = 0;
  payerStart = 0;
  payerEnd = 0;
  payerHash = 0;
  payeeStart = 0;
  payeeEnd = 0;
  payeeHash = 0;
  amount = 0;
  /** The currency's three letters, upper-cased, as code units. */
  currency0 = 0;
  currency1 = 0;
  currency2 = 0;
  createdAt = 0;
  /** Empty (start = end) when the row has no card; hashed over its small letters. */
  cardStart = 0;
  cardEnd = 0;
  cardHash = 0;
  deviceStart = 0;
  deviceEnd = 0;
  deviceHash = 0;
  /** Index in `PAYMENT_STATUSES`. */
  status = 0;
}

const COMMA = 44;
const DOT = 46;

/** 10^k, exact for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** `hashedField`'s hash of the field it scanned (module state: no result object per field). */
let fieldHash = 0;

/** Whether `c` cannot be trimmed: printable ASCII other than a space. */
function solid(c: number): boolean {
  return c > 32 && c < 127;
}

/** Whether `buf[start, end)` is not empty and `trim` leaves it as it is (see `solid`). */
function untrimmed(buf: string, start: number, end: number): boolean {
  return start < end && solid(buf.charCodeAt(start)) && solid(buf.charCodeAt(end - 1));
}

/**
 * Scans a field from `pos` to the next comma (or `end`), hashing its code units into
 * `fieldHash`; with `lower`, ASCII capitals are hashed as small letters and a non-ASCII unit
 * stops the scan (returns -1: `toLowerCase` may do more there). Returns where the field ends.
 */
function hashedField(buf: string, pos: number, end: number, lower: boolean): number {
  let h = HASH_START;
  let i = pos;
  if (lower) {
    for (; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (c === COMMA) break;
      if (c > 127) return -1;
      h = hashStep(h, lowerAscii(c));
    }
  } else {
    for (; i < end; i++) {
      const c = buf.charCodeAt(i);
      if (c === COMMA) break;
      h = hashStep(h, c);
    }
  }
  fieldHash = h;
  return i;
}

/** Where the field starting at `pos` ends: the next comma, or `end`. */
function fieldEnd(buf: string, pos: number, end: number): number {
  const comma = buf.indexOf(',', pos);
  return comma === -1 || comma > end ? end : comma;
}

/** An id field (payment, payer, payee) as `idProblem` accepts it, and `trim` leaves it. */
function plainId(buf: string, start: number, end: number): boolean {
  return end - start <= MAX_ID_LENGTH && untrimmed(buf, start, end);
}

/**
 * The payer or payee field from `from` (hashed into `fieldHash`): where it ends, or -1 when the
 * line needs the general path (the field is the last one, or not a `plainId`).
 */
function accountField(buf: string, from: number, end: number): number {
  const i = hashedField(buf, from, end, false);
  return i === end || !plainId(buf, from, i) ? -1 : i;
}

/**
 * The card or device field from `from` (hashed over its small letters into `fieldHash`; empty
 * when the row has none): where it ends, or -1 when the line needs the general path.
 */
function identifierField(buf: string, from: number, end: number): number {
  const i = hashedField(buf, from, end, true);
  return i === -1 || i === end || (i > from && !untrimmed(buf, from, i)) ? -1 : i;
}

/** `PAYMENT_STATUSES` index of `buf[start, end)` read case-insensitively (ASCII), or -1. */
function statusAt(buf: string, start: number, end: number): number {
  if (start === end) return 0;
  for (let s = 0; s < PAYMENT_STATUSES.length; s++) {
    const name = PAYMENT_STATUSES[s]!;
    if (name.length !== end - start) continue;
    let k = 0;
    while (k < name.length && lowerAscii(buf.charCodeAt(start + k)) === name.charCodeAt(k)) k++;
    if (k === name.length) return s;
  }
  return -1;
}

/**
 * Reads the payments line `buf[start, end)` (no quote in it; the fields in `PAYMENT_COLUMNS`
 * order) into `out` when it is a row `validatePayment` accepts as it is, in the common shapes:
 * true then. False, with `out` in no particular state, for anything else: a reject, a field with
 * spaces or non-ASCII text at its ends, an amount that is signed or has over 15 digits, a card,
 * device or status with non-ASCII text, a line with another field count. The caller then takes
 * the line through the general path (`CsvRecordReader`, `validatePayment`), which decides.
 *
 * Equal results are the contract: an accepted line packs exactly as its `PaymentInput` would
 * (`tests/unit/ingest-payment-line.test.ts` checks both ways on generated lines).
 */
export function scanPaymentLine(
  buf: string,
  start: number,
  end: number,
  out: PaymentLine,
): boolean {
  let i = fieldEnd(buf, start, end);
  if (i === end || !plainId(buf, start, i)) return false;
  out.idStart = start;
  out.idEnd = i;

  let from = i + 1;
  if ((i = accountField(buf, from, end)) === -1) return false;
  out.payerStart = from;
  out.payerEnd = i;
  out.payerHash = fieldHash;

  from = i + 1;
  if ((i = accountField(buf, from, end)) === -1) return false;
  out.payeeStart = from;
  out.payeeEnd = i;
  out.payeeHash = fieldHash;

  // Amount: digits with at most one inner dot, 15 digits at most, so that mantissa / 10^k is
  // exact division of exact doubles, correctly rounded: the same number as `Number(text)`.
  from = i + 1;
  if (from >= end) return false;
  let mantissa = 0;
  let digits = 0;
  let fraction = -1;
  for (i = from; i < end; i++) {
    const c = buf.charCodeAt(i);
    if (c === COMMA) break;
    if (c === DOT) {
      if (fraction !== -1 || i === from) return false;
      fraction = 0;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9) return false;
    mantissa = mantissa * 10 + d;
    digits++;
    if (fraction !== -1) fraction++;
  }
  if (i === end || digits === 0 || digits > 15 || fraction === 0) return false;
  const amount = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  if (!(amount > 0)) return false;
  out.amount = amount;

  // Currency: three ASCII letters.
  from = i + 1;
  if (from + 3 >= end || buf.charCodeAt(from + 3) !== COMMA) return false;
  const c0 = buf.charCodeAt(from) | 32;
  const c1 = buf.charCodeAt(from + 1) | 32;
  const c2 = buf.charCodeAt(from + 2) | 32;
  if (c0 < 97 || c0 > 122 || c1 < 97 || c1 > 122 || c2 < 97 || c2 > 122) return false;
  out.currency0 = c0 - 32;
  out.currency1 = c1 - 32;
  out.currency2 = c2 - 32;

  from += 4;
  i = fieldEnd(buf, from, end);
  if (i === end || !untrimmed(buf, from, i)) return false;
  const createdAt = parseIsoTimeAt(buf, from, i);
  if (createdAt === null) return false;
  out.createdAt = createdAt;

  from = i + 1;
  if ((i = identifierField(buf, from, end)) === -1) return false;
  out.cardStart = from;
  out.cardEnd = i;
  out.cardHash = fieldHash;

  from = i + 1;
  if ((i = identifierField(buf, from, end)) === -1) return false;
  out.deviceStart = from;
  out.deviceEnd = i;
  out.deviceHash = fieldHash;

  // Status: the last field (a further comma is a field too many).
  from = i + 1;
  if (from < end && !untrimmed(buf, from, end)) return false;
  const status = statusAt(buf, from, end);
  if (status === -1) return false;
  out.status = status;
  return true;
}
