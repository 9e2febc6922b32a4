import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';

const BIN = path.resolve(__dirname, '..', '..', 'bin', 'fraud-rings.js');
/** Status of a GET on a new connection (the cluster hands connections, not requests, to workers). */
function freshConnectionStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers, agent: false }, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

const env = { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', LOG_LEVEL: 'info' };

describe('fraud-rings users add and serve', () => {
  let dir: string;
  let db: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-api-cli-'));
    db = path.join(dir, 'store.db');
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [BIN, '--db', db, ...args], { env, encoding: 'utf8' });

  it('creates users and prints an API token once; refuses bad roles and taken names', () => {
    const ok = cli(
      'users',
      'add',
      'ann',
      '--role',
      'admin',
      '--password',
      'ann-password',
      '--json',
    );
    expect(ok.status).toBe(0);
    const out = JSON.parse(ok.stdout) as { token: string; name: string; role: string };
    expect(out).toEqual({
      token: expect.stringMatching(/^frt_[A-Za-z0-9_-]{43}$/),
      userId: expect.any(String),
      name: 'ann',
      role: 'admin',
    });
    const plain = cli('users', 'add', 'bob', '--role', 'analyst');
    expect(plain.status).toBe(0);
    expect(plain.stdout).toMatch(/^created analyst bob\n.*\nfrt_[A-Za-z0-9_-]{43}\n$/);
    const badRole = cli('users', 'add', 'cy', '--role', 'boss');
    expect(badRole.status).toBe(2);
    const taken = cli('users', 'add', 'ANN', '--role', 'analyst');
    expect(taken.status).not.toBe(0);
    expect(taken.stderr).toContain('already exists');
    fs.writeFileSync(path.join(dir, 'token'), out.token);
  });

  it('serves the API on the given port until SIGTERM', async () => {
    const token = fs.readFileSync(path.join(dir, 'token'), 'utf8');
    const child = spawn(process.execPath, [BIN, '--db', db, 'serve', '--port', '0'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /serving on (http:\/\/[^\s]+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const me = await fetch(`${url}/api/session`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { name: string } }).user.name).toBe('ann');
    expect((await fetch(`${url}/api/session`)).status).toBe(401);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(token);
  });

  it('runs several server workers on one port with --workers; jobs then need Redis', async () => {
    const token = fs.readFileSync(path.join(dir, 'token'), 'utf8');
    const child = spawn(
      process.execPath,
      [BIN, '--db', db, 'serve', '--port', '0', '--workers', '2'],
      {
        env: { ...env, REDIS_URL: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /serving on (http:\/\/\S+) with 2 workers/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.once('exit', (code) => reject(new Error(`serve exited ${code}: ${stderr}`)));
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    try {
      const auth = { authorization: `Bearer ${token}` };
      for (let i = 0; i < 6; i++)
        expect(await freshConnectionStatus(`${url}/api/session`, auth)).toBe(200);
      const jobs = await fetch(`${url}/api/jobs`, { headers: auth });
      expect([
        jobs.status,
        ((await jobs.json()) as { error: { code: string } }).error.code,
      ]).toEqual([503, 'JOBS_UNAVAILABLE']);
      await new Promise((r) => setTimeout(r, 300));
      const workers = new Set([...stderr.matchAll(/"worker":(\d+)/g)].map((m) => m[1]));
      expect(workers.size).toBe(2);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });
});
