import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { InvalidInputError } from '../../core/errors';
import { describeInputs, expandInputPaths } from '../../jobs/input-files';

describe('nightly inputs', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-inputs-'));
    for (const f of [
      'payments.csv',
      'devices.ndjson',
      'users-b.csv',
      'users-a.csv.gz',
      'notes.txt',
      'users-b.csv.rejects.csv',
    ])
      fs.writeFileSync(path.join(dir, f), f);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('expands a directory to users, devices then payments files, ignoring others and rejects files', () => {
    expect(expandInputPaths([dir]).map((f) => path.basename(f))).toEqual([
      'users-a.csv.gz',
      'users-b.csv',
      'devices.ndjson',
      'payments.csv',
    ]);
  });

  it('keeps one file per content', async () => {
    fs.writeFileSync(path.join(dir, 'payments-copy.csv'), 'payments.csv');
    const inputs = await describeInputs([dir]);
    expect(inputs.map((i) => path.basename(i.path))).toEqual([
      'users-a.csv.gz',
      'users-b.csv',
      'devices.ndjson',
      'payments-copy.csv',
    ]);
    expect(inputs[0].sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('rejects a missing path and an empty directory as bad input', () => {
    expect(() => expandInputPaths([path.join(dir, 'nope.csv')])).toThrow(InvalidInputError);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-empty-'));
    expect(() => expandInputPaths([empty])).toThrow(/no users\*, devices\* or payments\* file in/);
    expect(() => expandInputPaths([])).toThrow(InvalidInputError);
  });
});
