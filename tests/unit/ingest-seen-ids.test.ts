import { SeenIds } from '../../core/store/sqlite/entities/seen-ids';

describe('SeenIds', () => {
  it('never calls an id it holds new, across the growth of its filters', () => {
    const seen = new SeenIds(10_000);
    const text = Array.from({ length: 50_000 }, (_, i) => `p${i * 7919}`).join('|');
    const ends: number[] = [];
    for (let i = text.indexOf('|'); i !== -1; i = text.indexOf('|', i + 1)) ends.push(i);
    ends.push(text.length);
    let falseRepeats = 0;
    let start = 0;
    for (const end of ends) {
      if (seen.add(text, start, end)) falseRepeats++;
      start = end + 1;
    }
    // Every id added once: any "maybe seen" is a false positive. A full filter at 8 bits and 3
    // probes per id errs on about 4% of new ids; a second filter, 4 times larger, starts here.
    expect(falseRepeats).toBeGreaterThan(0);
    expect(falseRepeats / ends.length).toBeLessThan(0.08);
    start = 0;
    for (const end of ends) {
      expect(seen.add(text, start, end)).toBe(true);
      start = end + 1;
    }
  });

  it('reads the id from its place in the text, not the text around it', () => {
    const seen = new SeenIds();
    expect(seen.add('xx-abc-yy', 3, 6)).toBe(false);
    expect(seen.add('abc', 0, 3)).toBe(true);
    expect(seen.add('abd', 0, 3)).toBe(false);
    expect(seen.add('ab', 0, 2)).toBe(false);
  });
});
