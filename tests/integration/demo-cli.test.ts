import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const BIN = resolve(__dirname, '../../bin/fraud-rings.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', REDIS_URL: '' },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('fraud-rings demo', () => {
  const root = mkdtempSync(join(tmpdir(), 'fr-demo-'));
  const db = join(root, 'data', 'fraud-rings.db');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('generates, loads and detects in one command, and finds the planted rings', () => {
    const r = run(['--db', db, 'demo', '--users', '3000', '--seed', '3', '--no-serve']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/loaded payments\.csv: \d+ rows/);
    const flagged = Number(/(\d+) flagged rings of \d+ candidates/.exec(r.stderr)?.[1]);
    expect(flagged).toBeGreaterThanOrEqual(6);

    const login = JSON.parse(readFileSync(join(root, 'data', 'demo-login.json'), 'utf8')) as {
      name: string;
      password: string;
    };
    expect(login.name).toBe('demo');
    expect(r.stderr).toContain(`log in as demo / ${login.password}`);

    const truth = join(root, 'data', 'demo-input-3000-3', 'truth.json');
    expect(existsSync(truth)).toBe(true);
    const evaluation = run(['--db', db, 'eval', '--truth', truth, '--json']);
    expect(evaluation.status).toBe(0);
    // Detection quality is held by tests/integration/detect-pipeline.test.ts and bench/detect-quality.ts;
    // here the demo must simply have found most of what it planted.
    const scores = JSON.parse(evaluation.stdout) as {
      rings: { recall: number; precision: number };
      members: { precision: number };
    };
    expect(scores.rings.recall).toBeGreaterThanOrEqual(0.75);
    expect(scores.rings.precision).toBeGreaterThanOrEqual(0.75);
  });

  it('runs again on the same store with the same login and the same rings', () => {
    const before = run(['--db', db, 'rings', '--format', 'json']);
    const again = run(['--db', db, 'demo', '--users', '3000', '--seed', '3', '--no-serve']);
    expect(again.status).toBe(0);
    const login = JSON.parse(readFileSync(join(root, 'data', 'demo-login.json'), 'utf8')) as {
      name: string;
      password: string;
    };
    expect(again.stderr).toContain(`log in as demo / ${login.password}`);
    const after = run(['--db', db, 'rings', '--format', 'json']);
    const ids = (out: string) =>
      (JSON.parse(out) as { rings: Array<{ ring_id: string; members: string[] }> }).rings.map(
        (x) => `${x.ring_id}:${x.members.join(',')}`,
      );
    expect(ids(after.stdout)).toEqual(ids(before.stdout));
  });
});
