import { LinkBuffer } from '../../core/store/sqlite/entities/link-buffer';
import { PairTable, slotsInPairOrder } from '../../core/store/sqlite/entities/pair-table';
import { PaymentLinkBuffer } from '../../core/store/sqlite/entities/payment-link-buffer';

describe('load buffers of the SQLite writer', () => {
  it('PairTable keeps one dense slot per pair through rehashes', () => {
    const t = new PairTable(4);
    const pairs: Array<[number, number]> = [];
    for (let i = 0; i < 5000; i++) pairs.push([i % 97, (i * 7919) % 1000]);
    const slots = new Map<string, number>();
    for (const [x, y] of pairs) {
      const key = `${x},${y}`;
      const found = t.get(x, y);
      if (slots.has(key)) expect(found).toBe(slots.get(key));
      else {
        expect(found).toBe(-1);
        slots.set(key, t.insert(x, y));
      }
    }
    expect(t.size).toBe(slots.size);
    expect([...slots.values()].sort((a, b) => a - b)).toEqual([...Array(slots.size).keys()]);
    t.clear();
    expect([t.size, t.get(0, 0)]).toEqual([0, -1]);
  });

  it('slotsInPairOrder orders by the first key, then the second, also beyond 2^26', () => {
    for (const big of [0, 2 ** 27]) {
      const a = new Int32Array([5 + big, 1, 5 + big, 3]);
      const b = new Int32Array([2, 9, 1, 0]);
      expect([...slotsInPairOrder(a, b, 4)]).toEqual([1, 3, 2, 0]);
    }
  });

  it('slotsInPairOrder radix-sorts large flushes exactly as a comparison sort orders them', () => {
    let seed = 11;
    const next = (n: number) => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed % n;
    };
    // Key ranges that take one, two and three 11-bit passes, and keys up to 2^31 - 1.
    for (const [range, size] of [
      [1500, 5000],
      [300_000, 40_000],
      [2 ** 31 - 1, 20_000],
    ] as const) {
      const a = new Int32Array(size);
      const b = new Int32Array(size);
      const seen = new Set<string>();
      for (let s = 0; s < size; s++) {
        do {
          a[s] = range > 2 ** 30 && s % 3 === 0 ? range - next(50) : next(Math.min(range, 2 ** 30));
          b[s] = next(range > 2 ** 30 ? 2 ** 30 : range);
        } while (seen.has(`${a[s]},${b[s]}`));
        seen.add(`${a[s]},${b[s]}`);
      }
      const expected = [...Array(size).keys()].sort((x, y) => a[x]! - a[y]! || b[x]! - b[y]!);
      expect([...slotsInPairOrder(a, b, size)]).toEqual(expected);
    }
  });

  it('LinkBuffer writes each (identifier, account) once with its first and last sighting, flushing at its bound', () => {
    const written: number[][] = [];
    const buf = new LinkBuffer((...row) => written.push(row), 2);
    buf.add(7, 1, 5, 300);
    buf.add(7, 1, 5, 100);
    buf.add(7, 1, 5, 200);
    expect(written).toEqual([]);
    buf.add(3, 2, 4, 50);
    expect(written).toEqual([
      [3, 2, 4, 50, 50],
      [7, 1, 5, 100, 300],
    ]);
    buf.flush();
    expect(written).toHaveLength(2);
  });

  it('PaymentLinkBuffer nets an update to zero and moves a payment between pairs exactly', () => {
    const written: Array<Array<number | null>> = [];
    const buf = new PaymentLinkBuffer((...row) => written.push(row));
    buf.add(1, 2, 1, 0.1, false, 10);
    buf.add(1, 2, 1, 0.2, true, 20);
    buf.add(1, 2, -1, 0.2, true, 20);
    buf.add(1, 3, 1, 0.2, true, 30);
    buf.add(4, 5, -1, 7.5, false, 1);
    buf.add(4, 5, 1, 7.5, false, 1);
    buf.flush();
    expect(written).toEqual([
      [1, 2, 1, 100000, 0, 10, 20],
      [1, 3, 1, 200000, 1, 30, 30],
      [4, 5, 0, 0, 0, 1, 1],
    ]);
  });

  it('PaymentLinkBuffer flushes at its minimum while few pairs are written, then at a quarter of them', () => {
    const sizes: number[] = [];
    let pending = 0;
    const buf = new PaymentLinkBuffer(() => pending++, 40, 4);
    const flushAt: number[] = [];
    for (let i = 0; i < 400; i++) {
      buf.add(i, i + 1, 1, 1, false, i);
      if (pending > 0) {
        sizes.push(pending);
        flushAt.push(i);
        pending = 0;
      }
    }
    // 4 pairs per flush until 16 are written, then written/4 (5, 6, 7, …), at most 40.
    expect(sizes.slice(0, 6)).toEqual([4, 4, 4, 4, 4, 5]);
    expect(sizes.slice(6, 9)).toEqual([6, 7, 9]);
    expect(Math.max(...sizes)).toBe(40);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(flushAt[flushAt.length - 1]! + 1);
  });
});
