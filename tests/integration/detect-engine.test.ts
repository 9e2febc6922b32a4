/** `detect --engine` through the real command line on a SQLite store (no Neo4j here). */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const BIN = path.join(__dirname, '..', '..', 'bin', 'fraud-rings.js');
const env = { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', LOG_LEVEL: 'silent', NEO4J_URI: '' };

describe('detect --engine', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-detect-engine-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, '--db', path.join(dir, 'e.db'), ...args], {
      env,
      encoding: 'utf8',
    });

  it('exits 2 with a clear reason when gds is asked for on the SQLite store', () => {
    const out = run('detect', '--engine', 'gds', '--json');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/--engine gds needs the Neo4j store/);
    expect(out.stdout).toBe('');
  }, 60_000);

  it('exits 2 on an unknown engine', () => {
    const out = run('detect', '--engine', 'igraph');
    expect(out.status).toBe(2);
    expect(out.stderr).toMatch(/graphology, gds/);
  }, 60_000);

  it('runs graphology by default and records it as the engine', () => {
    const out = run('detect', '--json');
    expect(out.status).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ engine: 'graphology' });
  }, 60_000);
});
