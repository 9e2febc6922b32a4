import { csvField } from '../../core/generate/csv-writer';
import { isoSeconds } from '../../core/generate/dataset-writer';
import { hash32, Rng, WeightedPicker, zipfWeights } from '../../core/generate/rng';

describe('generator primitives', () => {
  it('repeats a sequence for a seed and label, and differs otherwise', () => {
    const seq = (seed: number, label: string): number[] => {
      const r = new Rng(seed, label);
      return Array.from({ length: 5 }, () => r.u32());
    };
    expect(seq(7, 'a')).toEqual(seq(7, 'a'));
    expect(seq(7, 'a')).not.toEqual(seq(8, 'a'));
    expect(seq(7, 'a')).not.toEqual(seq(7, 'b'));
  });

  it('draws uniform floats and integers in range', () => {
    const r = new Rng(1);
    let sum = 0;
    for (let i = 0; i < 20_000; i++) {
      const f = r.float();
      expect(f >= 0 && f < 1).toBe(true);
      sum += f;
      const n = r.range(3, 5);
      expect(n >= 3 && n <= 5).toBe(true);
    }
    expect(sum / 20_000).toBeCloseTo(0.5, 1);
  });

  it('draws Poisson counts with the requested mean', () => {
    const r = new Rng(2);
    for (const mean of [0.5, 3, 50]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += r.poisson(mean);
      expect(Math.abs(sum / 20_000 - mean) / mean).toBeLessThan(0.05);
    }
  });

  it('mixes 32-bit integers bijectively (no collisions on a range)', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100_000; i++) seen.add(hash32(i));
    expect(seen.size).toBe(100_000);
  });

  it('picks by weight', () => {
    const picker = new WeightedPicker([1, 0, 3]);
    const r = new Rng(3);
    const counts = [0, 0, 0];
    for (let i = 0; i < 40_000; i++) counts[picker.pick(r)]++;
    expect(counts[1]).toBe(0);
    expect(counts[2] / counts[0]).toBeCloseTo(3, 0);
    expect(Array.from(zipfWeights(3, 1))).toEqual([1, 0.5, 1 / 3]);
  });

  it('quotes CSV fields only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('1 Main St, Apt 4')).toBe('"1 Main St, Apt 4"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('formats times as ISO 8601 UTC seconds', () => {
    expect(isoSeconds(Date.UTC(2026, 2, 1, 10, 0, 0, 999))).toBe('2026-03-01T10:00:00Z');
    expect(isoSeconds(Date.UTC(2025, 11, 31, 23, 59, 59))).toBe('2025-12-31T23:59:59Z');
    expect(isoSeconds(0)).toBe('1970-01-01T00:00:00Z');
  });
});
