/**
 * String interning for the payments parse thread (`payment-batch.ts`): value → small id, with a
 * lookup that can also take a value straight out of the text it was read from (`idAt`), so a
 * known account, card or device costs no string at all. An open-addressing table of ids keyed by
 * `hashOf`, FNV-1a over the UTF-16 code units; `Map` would first need the value cut out as a
 * string, and hashing and comparing those fresh strings was a third of the thread's time.
 */

/** FNV-1a over UTF-16 code units: its offset basis (a hash starts here) and prime. */
export const HASH_START = 0x811c9dc5 | 0;
const PRIME = 16777619;

/** Folds one code unit into a running hash (start from `HASH_START`). */
export function hashStep(h: number, c: number): number {
  return Math.imul(h ^ c, PRIME);
}

/** The code unit as `toLowerCase` turns an ASCII letter (other units unchanged). */
export function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** The hash of `s`, as `hashStep` over its code units gives it. */
function hashOf(s: string): number {
  let h = HASH_START;
  for (let i = 0; i < s.length; i++) h = hashStep(h, s.charCodeAt(i));
  return h;
}

/**
 * Whether `buf[start, end)` is `value`, its ASCII capitals read as small letters when `lower`
 * (the caller has checked that the range is ASCII, where `toLowerCase` does nothing else).
 */
export function sameAt(
  value: string,
  buf: string,
  start: number,
  end: number,
  lower: boolean,
): boolean {
  const n = end - start;
  if (value.length !== n) return false;
  if (lower) {
    for (let k = 0; k < n; k++)
      if (lowerAscii(buf.charCodeAt(start + k)) !== value.charCodeAt(k)) return false;
  } else {
    for (let k = 0; k < n; k++) if (buf.charCodeAt(start + k) !== value.charCodeAt(k)) return false;
  }
  return true;
}

/**
 * A flat copy of `s` that does not keep alive the 1 MiB chunk it was sliced from (an intern
 * table lives across chunks). Only called when a value is first interned.
 */
function detach(s: string): string {
  return Buffer.from(s, 'utf8').toString('utf8');
}

/**
 * One intern table: value → id (0, 1, 2, … in order of first use), cleared when it reaches
 * `capacity` distinct values, so that memory stays bounded however large the file. The values
 * first used since the last `take` are handed out by it, each with the first spelling it was
 * read in (`raws`) when `withRaw`.
 */
export class InternTable {
  /** id + 1 per slot (0 = empty); a power of two, kept at least twice the values held. */
  private slots: Int32Array;
  private mask: number;
  /** Every value by id. */
  private all: string[] = [];
  private base = 0;
  /** How many times the table restarted (ids from 0 again). */
  restarts = 0;
  private values: string[] = [];
  private raws: string[] = [];

  constructor(
    private readonly capacity: number,
    private readonly withRaw: boolean,
  ) {
    let size = 16;
    while (size < 2 * Math.min(capacity, 1 << 22)) size *= 2;
    this.slots = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The id of `value`, new when unknown; `raw` is its spelling as typed. */
  id(value: string, raw: string): number {
    let slot = hashOf(value) & this.mask;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === 0) break;
      if (this.all[e - 1] === value) return e - 1;
      slot = (slot + 1) & this.mask;
    }
    return this.insert(slot, detach(value), raw === value ? null : raw);
  }

  /**
   * The id of the value `buf[start, end)` (its ASCII capitals made small when `lower`: the
   * caller has checked the range is ASCII), whose `hashStep` hash, over the code units as
   * compared, is `hash`; new when unknown, with the range as typed for its raw spelling.
   */
  idAt(buf: string, start: number, end: number, hash: number, lower: boolean): number {
    let slot = hash & this.mask;
    for (;;) {
      const e = this.slots[slot]!;
      if (e === 0) break;
      if (sameAt(this.all[e - 1]!, buf, start, end, lower)) return e - 1;
      slot = (slot + 1) & this.mask;
    }
    const typed = buf.slice(start, end);
    const value = lower ? typed.toLowerCase() : typed;
    return this.insert(slot, detach(value), value === typed ? null : typed);
  }

  /** The value of an id (a detached copy: it pins no input chunk). */
  value(id: number): string {
    return this.all[id]!;
  }

  /** Whether the next `take` restarts the ids. */
  get full(): boolean {
    return this.all.length >= this.capacity;
  }

  /** The values first used since the last call; at the start of a batch, restarts when full. */
  take(): { base: number; values: string[]; raws: string[] } {
    const out = { base: this.base, values: this.values, raws: this.raws };
    this.values = [];
    this.raws = [];
    this.base = this.all.length;
    if (this.full) {
      this.slots.fill(0);
      this.all = [];
      this.restarts++;
      this.base = 0;
    }
    return out;
  }

  /** Adds `kept` (detached) at the empty `slot`; `raw` is null when it is spelled as `kept`. */
  private insert(slot: number, kept: string, raw: string | null): number {
    const id = this.all.length;
    this.slots[slot] = id + 1;
    this.all.push(kept);
    this.values.push(kept);
    if (this.withRaw) this.raws.push(raw === null ? kept : detach(raw));
    // A batch may add more values than `capacity` before the table restarts at its end.
    if (2 * this.all.length > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let id = 0; id < this.all.length; id++) {
      let slot = hashOf(this.all[id]!) & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = id + 1;
    }
    this.slots = slots;
    this.mask = mask;
  }
}
