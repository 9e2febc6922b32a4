import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '../../core/errors';
import { fileSha256, ids, nightlyRunKey, runDateIn } from '../../jobs/job-ids';

describe('content-derived job ids', () => {
  it('gives the run date in the configured time zone', () => {
    const t = new Date('2026-03-01T23:30:00Z');
    expect(runDateIn('UTC', t)).toBe('2026-03-01');
    expect(runDateIn('Europe/Berlin', t)).toBe('2026-03-02');
    expect(runDateIn('America/New_York', t)).toBe('2026-03-01');
  });

  it('keys a nightly by date and the set of file contents, not their order', () => {
    const a = nightlyRunKey('2026-03-01', ['aa', 'bb']);
    expect(nightlyRunKey('2026-03-01', ['bb', 'aa'])).toBe(a);
    expect(nightlyRunKey('2026-03-02', ['aa', 'bb'])).not.toBe(a);
    expect(nightlyRunKey('2026-03-01', ['aa', 'cc'])).not.toBe(a);
    expect(a).toMatch(/^2026-03-01-[0-9a-f]{16}$/);
  });

  it('rejects a malformed run date as bad input', () => {
    expect(() => nightlyRunKey('2026-3-1', [])).toThrow(InvalidInputError);
    expect(() => nightlyRunKey('2026-13-45', [])).toThrow(/YYYY-MM-DD/);
  });

  it('never produces a colon (BullMQ key separator) or an integer id', () => {
    const key = nightlyRunKey('2026-03-01', ['x']);
    const all = [
      ids.nightly(key),
      ids.ingest(key, 'f'.repeat(64)),
      ids.detect(key),
      ids.export(key),
      ids.detectGroup(ids.detect(key), 3, 'abcd'),
      ids.keyedDetect('nightly.2026-03-01'),
    ];
    for (const id of all) {
      expect(id).not.toContain(':');
      expect(`${parseInt(id, 10)}`).not.toBe(id);
    }
    expect(() => ids.keyedDetect('a:b')).toThrow(InvalidInputError);
  });

  it('hashes a file by its bytes', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-ids-'));
    fs.writeFileSync(path.join(dir, 'a.csv'), 'abc');
    expect(await fileSha256(path.join(dir, 'a.csv'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    fs.rmSync(dir, { recursive: true });
  });
});
