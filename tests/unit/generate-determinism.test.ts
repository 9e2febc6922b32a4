import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDataset } from '../../core/generate';

const FILES = ['users.csv', 'devices.csv', 'payments.csv', 'truth.json'];

describe('generateDataset determinism', () => {
  const root = mkdtempSync(join(tmpdir(), 'fr-gen-det-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes byte-identical files for the same arguments and different files for another seed', async () => {
    const a = await generateDataset({ outDir: join(root, 'a'), users: 3000, seed: 42 });
    const b = await generateDataset({ outDir: join(root, 'b'), users: 3000, seed: 42 });
    const c = await generateDataset({ outDir: join(root, 'c'), users: 3000, seed: 43 });
    expect(b.counts).toEqual(a.counts);
    expect(b.truth).toEqual(a.truth);
    for (const f of FILES) {
      const bytesA = readFileSync(join(root, 'a', f));
      expect(bytesA.length).toBeGreaterThan(100);
      expect(readFileSync(join(root, 'b', f)).equals(bytesA)).toBe(true);
      expect(readFileSync(join(root, 'c', f)).equals(bytesA)).toBe(false);
    }
    expect(c.window).not.toEqual(a.window);
  });

  it('depends on the ring count as an argument', async () => {
    const d = await generateDataset({ outDir: join(root, 'd'), users: 3000, seed: 42, rings: 12 });
    expect(d.truth.rings).toBe(12);
    expect(
      readFileSync(join(root, 'd', 'truth.json')).equals(
        readFileSync(join(root, 'a', 'truth.json')),
      ),
    ).toBe(false);
  });
});
