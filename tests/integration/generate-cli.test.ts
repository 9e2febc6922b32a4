import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/fraud-rings.js');

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('fraud-rings generate', () => {
  const root = mkdtempSync(join(tmpdir(), 'fr-gen-cli-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes the data set and prints the result as JSON', () => {
    const out = join(root, 'sample');
    const r = run([
      'generate',
      '--out',
      out,
      '--users',
      '1000',
      '--rings',
      '9',
      '--seed',
      '5',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as {
      counts: { users: number; payments: number };
      truth: { rings: number };
    };
    expect(result.counts.users).toBe(1000);
    expect(result.truth.rings).toBe(9);
    expect(readFileSync(join(out, 'users.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(1001);
    expect(readFileSync(join(out, 'payments.csv'), 'utf8').trimEnd().split('\n')).toHaveLength(
      result.counts.payments + 1,
    );
    const truth = JSON.parse(readFileSync(join(out, 'truth.json'), 'utf8')) as { rings: unknown[] };
    expect(truth.rings).toHaveLength(9);
  });

  it('prints a summary without --json', () => {
    const r = run(['generate', '--out', join(root, 'plain'), '--users', '500']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(
      /^wrote 500 users, \d+ device sightings, \d+ payments\n {2}planted 8 rings with \d+ members/,
    );
  });

  it.each([
    [
      ['--out', 'x', '--users', 'many'],
      'generate: --users must be a non-negative integer, got "many"',
    ],
    [['--out', 'x', '--users', '50'], 'generate: --users must be an integer from 200 to 50000000'],
    [
      ['--out', 'x', '--users', '1000', '--rings', '99'],
      'generate: --rings must be an integer from 0 to 33 for 1000 users',
    ],
    [['--out', 'x', '--seed', '1.5'], 'generate: --seed must be a non-negative integer, got "1.5"'],
  ])('exits 2 with one line for %j', (args, message) => {
    const r = run(['generate', ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.stdout).toBe('');
  });

  it('exits 2 when --out is missing', () => {
    const r = run(['generate', '--users', '1000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("required option '--out <dir>' not specified");
  });

  it('documents its flags in --help', () => {
    const r = run(['generate', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--out <dir>', '--users <n>', '--rings <r>', '--seed <s>', '--json'])
      expect(r.stdout).toContain(flag);
  });
});
