/**
 * The whole detection path through the real command line: generate → ingest → detect → rings →
 * eval, on a real SQLite file, twice on two stores to prove the ring output is byte-identical.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'fraud-rings.js');
const env = { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', LOG_LEVEL: 'silent' };
const cli = (...args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], {
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('detect pipeline (CLI, generated data)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-detect-'));
  const data = path.join(dir, 'data');
  const dbA = path.join(dir, 'a.db');
  const dbB = path.join(dir, 'b.db');

  beforeAll(() => {
    cli('generate', '--out', data, '--users', '5000', '--seed', '1');
    cli('--db', dbA, 'ingest', data, '--json');
    cli('--db', dbB, 'ingest', data, '--json');
  }, 240_000);

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('detects the planted rings with ring F1 and member precision of at least 0.95', () => {
    const summary = JSON.parse(cli('--db', dbA, 'detect', '--json', '--seed', '42')) as {
      run_id: string;
      seed: number;
      counts: Record<string, number>;
      timings_ms: Record<string, number>;
    };
    expect(summary.seed).toBe(42);
    expect(summary.counts.accounts).toBeGreaterThanOrEqual(5000);
    expect(summary.counts.flagged).toBeGreaterThan(0);
    const evaluation = JSON.parse(
      cli('--db', dbA, 'eval', '--truth', path.join(data, 'truth.json'), '--json'),
    ) as {
      run_id: string;
      rings: { f1: number; precision: number; recall: number };
      members: { precision: number };
    };
    expect(evaluation.run_id).toBe(summary.run_id);
    expect(evaluation.rings.f1).toBeGreaterThanOrEqual(0.95);
    expect(evaluation.members.precision).toBeGreaterThanOrEqual(0.95);
  }, 120_000);

  it('gives byte-identical `rings --format json` on two stores holding the same data', () => {
    cli('--db', dbB, 'detect', '--json', '--seed', '42');
    const a = cli('--db', dbA, 'rings', '--format', 'json');
    const b = cli('--db', dbB, 'rings', '--format', 'json');
    expect(b).toBe(a);
    const doc = JSON.parse(a) as {
      run_id: string;
      rings: Array<{
        ring_id: string;
        score: number;
        size: number;
        members: string[];
        status: string;
        evidence: Array<{ kind: string; text: string }>;
      }>;
    };
    expect(doc.rings.length).toBeGreaterThan(0);
    for (const r of doc.rings) {
      expect(Object.keys(r)).toEqual(['ring_id', 'score', 'size', 'members', 'evidence', 'status']);
      expect(r.members).toHaveLength(r.size);
      expect(r.score).toBeGreaterThanOrEqual(50);
      expect(r.status).toBe('new');
      expect(r.evidence.length).toBeGreaterThan(0);
    }
    const csv = cli('--db', dbA, 'rings', '--format', 'csv').split('\r\n');
    expect(csv[0]).toBe('run_id,ring_id,score,size,status,flagged,members,evidence');
    expect(csv.filter((l) => l.length > 0)).toHaveLength(doc.rings.length + 1);
    const all = JSON.parse(cli('--db', dbA, 'rings', '--all')) as { rings: unknown[] };
    expect(all.rings.length).toBeGreaterThan(doc.rings.length);
  }, 120_000);

  it('a second detect keeps ring ids (ongoing), and bad input exits with status 2', () => {
    const before = JSON.parse(cli('--db', dbA, 'rings')) as { rings: Array<{ ring_id: string }> };
    cli('--db', dbA, 'detect', '--json', '--seed', '42');
    const after = JSON.parse(cli('--db', dbA, 'rings')) as {
      rings: Array<{ ring_id: string; status: string }>;
    };
    expect(after.rings.map((r) => r.ring_id)).toEqual(before.rings.map((r) => r.ring_id));
    expect(new Set(after.rings.map((r) => r.status))).toEqual(new Set(['ongoing']));
    let status = 0;
    try {
      cli('--db', dbA, 'eval', '--truth', path.join(dir, 'missing.json'));
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(2);
    const empty = path.join(dir, 'empty.db');
    try {
      cli('--db', empty, 'rings');
      status = 0;
    } catch (err) {
      status = (err as { status: number }).status;
    }
    expect(status).toBe(2);
  }, 120_000);
});
