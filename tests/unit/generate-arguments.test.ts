import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInputError } from '../../core/errors';
import { defaultRingCount, generateDataset, timeWindowFor } from '../../core/generate';

describe('generateDataset arguments', () => {
  const root = mkdtempSync(join(tmpdir(), 'fr-gen-args-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it.each([
    [{ users: 100 }, 'generate: --users must be an integer from 200 to 50000000'],
    [{ users: 1000.5 }, 'generate: --users must be an integer from 200 to 50000000'],
    [
      { users: 1000, rings: 34 },
      'generate: --rings must be an integer from 0 to 33 for 1000 users',
    ],
    [
      { users: 1000, rings: -1 },
      'generate: --rings must be an integer from 0 to 33 for 1000 users',
    ],
    [{ users: 1000, seed: 2 ** 32 }, 'generate: --seed must be an integer from 0 to 4294967295'],
  ])('rejects %j', async (opts, message) => {
    const err = await generateDataset({ outDir: join(root, 'x'), ...opts }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as InvalidInputError).code).toBe('INVALID_ARGUMENT');
    expect((err as InvalidInputError).message).toBe(message);
  });

  it('defaults to about one ring per 2,000 users and at least 8', () => {
    expect(defaultRingCount(1000)).toBe(8);
    expect(defaultRingCount(20000)).toBe(10);
    expect(defaultRingCount(1_000_000)).toBe(500);
    expect(defaultRingCount(200)).toBe(6);
  });

  it('derives a one-year window from the seed, never from the clock', () => {
    const w = timeWindowFor(7);
    expect(w.end - w.start).toBe(365 * 86_400_000);
    expect(timeWindowFor(7)).toEqual(w);
    expect(w.end).toBeGreaterThanOrEqual(Date.UTC(2026, 0, 1));
    expect(w.end).toBeLessThan(Date.UTC(2026, 6, 1));
  });

  it('writes no ring and an empty truth with --rings 0', async () => {
    const r = await generateDataset({ outDir: join(root, 'none'), users: 500, rings: 0, seed: 3 });
    expect(r.truth).toEqual({
      rings: 0,
      members: 0,
      labelledFraud: 0,
      byKind: { device_farm: 0, synthetic_identity: 0, mule_network: 0, bust_out: 0, sleeper: 0 },
    });
    expect(r.counts.users).toBe(500);
  });
});
