import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../../core/errors';
import { classifyFile, resolveInputs } from '../../core/ingest/input-files';
import { csvField, formulaSafe, RejectsFile } from '../../core/ingest/rejects-file';
import { tempDir, removeTempDirs } from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

describe('input files', () => {
  it('classifies names by entity, format and compression', () => {
    expect(classifyFile('/d/payments-2026-03.csv.gz')).toEqual({
      path: '/d/payments-2026-03.csv.gz',
      entity: 'payments',
      format: 'csv',
      gzip: true,
    });
    expect(classifyFile('users.jsonl')).toMatchObject({
      entity: 'users',
      format: 'ndjson',
      gzip: false,
    });
    expect(classifyFile('devices.ndjson.gz')).toMatchObject({
      entity: 'devices',
      format: 'ndjson',
      gzip: true,
    });
    expect(classifyFile('truth.json')).toBeNull();
    expect(classifyFile('accounts.csv')).toBeNull();
  });

  it('expands a directory to users, then devices, then payments, skipping rejects files and others', () => {
    const dir = tempDir('inputs');
    for (const name of [
      'payments.csv',
      'devices.csv',
      'users-b.csv',
      'users-a.ndjson',
      'truth.json',
      'payments.csv.rejects.csv',
      'README.md',
    ]) {
      fs.writeFileSync(path.join(dir, name), '');
    }
    expect(resolveInputs([dir]).map((f) => path.basename(f.path))).toEqual([
      'users-a.ndjson',
      'users-b.csv',
      'devices.csv',
      'payments.csv',
    ]);
    expect(
      resolveInputs([path.join(dir, 'payments.csv'), dir]).map((f) => path.basename(f.path)),
    ).toEqual(['users-a.ndjson', 'users-b.csv', 'devices.csv', 'payments.csv']);
  });

  it('refuses a missing path and a file it cannot classify', () => {
    const dir = tempDir('inputs-bad');
    fs.writeFileSync(path.join(dir, 'notes.csv'), '');
    expect(() => resolveInputs([path.join(dir, 'nope.csv')])).toThrow(InvalidInputError);
    expect(() => resolveInputs([path.join(dir, 'nope.csv')])).toThrow(/no such file or directory/);
    expect(() => resolveInputs([path.join(dir, 'notes.csv')])).toThrow(
      /must start with users, devices or payments/,
    );
  });
});

describe('rejects file', () => {
  it('quotes CSV fields and defuses spreadsheet formulas', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "x"')).toBe('"say ""x"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(formulaSafe('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(formulaSafe('-1+2')).toBe(`'-1+2`);
    expect(formulaSafe('@SUM(A1)')).toBe(`'@SUM(A1)`);
    expect(formulaSafe('plain')).toBe('plain');
  });

  it('writes line,reason,raw only when something was rejected and removes a stale file', () => {
    const dir = tempDir('rejects');
    const file = path.join(dir, 'sub', 'payments.csv.rejects.csv');
    const first = new RejectsFile(file);
    first.add(7, 'unknown status', 'p1,=1+1,"x"');
    expect(first.close()).toBe(file);
    expect(fs.readFileSync(file, 'utf8')).toBe(
      `line,reason,raw\n7,unknown status,"p1,=1+1,""x"""\n`,
    );
    const second = new RejectsFile(file);
    expect(second.close()).toBeNull();
    expect(fs.existsSync(file)).toBe(false);
  });
});
