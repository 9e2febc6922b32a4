/**
 * API benchmark (issue 6): requests per second and p99 latency of `GET /api/rings/:id/graph` and
 * `GET /api/accounts/:id/neighborhood` on loopback, 32 connections, against the real server
 * (`fraud-rings serve`, a separate process, request logging on) over an existing SQLite store
 * that has a detection run. Target: at least 2,000 requests/s with p99 under 50 ms.
 *
 *   npx tsx bench/api.ts --db /tmp/frbench/1m.db [--duration 20] [--connections 32] [--depth 2] [--workers 1]
 *
 * A baseline (`GET /api/session`: token check, logging, JSON, no graph work) shows what the HTTP
 * layer alone sustains. Requests rotate over the flagged rings of the latest run and over their
 * members, so no single cached page is measured. A bench user (admin) is created if missing.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { openSqliteStore } from '../core/store/sqlite/sqlite-store';
import { createUser } from '../core/auth/create-user';
import { newApiToken } from '../core/auth/api-token';

// autocannon ships no types; this is the part of its API used here.
interface Histogram {
  average: number;
  p50: number;
  p99: number;
  max: number;
}
interface AutocannonResult {
  requests: Histogram;
  latency: Histogram;
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
}
type Autocannon = (opts: {
  url: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  requests: Array<{ setupRequest: (req: AutocannonRequest) => AutocannonRequest }>;
}) => Promise<AutocannonResult>;
const autocannon = require('autocannon') as Autocannon;

const ROOT = path.resolve(__dirname, '..');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

async function prepare(
  db: string,
): Promise<{ token: string; ringIds: string[]; accountIds: string[]; accounts: number }> {
  const store = openSqliteStore(db);
  await store.migrate();
  try {
    let token: string;
    const existing = await store.getUserByName('bench-admin');
    if (existing) {
      const fresh = newApiToken();
      await store.addToken(existing.userId, fresh.hash, Date.now());
      token = fresh.token;
    } else {
      token = (await createUser(store, { name: 'bench-admin', role: 'admin' })).token;
    }
    const page = await store.listRings({ flaggedOnly: true, limit: 200 });
    if (page.items.length === 0)
      throw new Error(`bench: ${db} has no flagged rings; run detect first`);
    const ringIds = page.items.map((r) => r.ringId);
    const accountIds = [...new Set(page.items.flatMap((r) => r.members))].slice(0, 2000);
    return { token, ringIds, accountIds, accounts: (await store.counts()).accounts };
  } finally {
    await store.close();
  }
}

function startServer(db: string, port: number, workers: number): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      path.join(ROOT, 'bin', 'fraud-rings.js'),
      '--db',
      db,
      'serve',
      '--port',
      String(port),
      '--workers',
      String(workers),
    ],
    {
      env: { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'ignore', 'pipe'],
    },
  );
  return new Promise((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (text.includes('fraud-rings: serving on')) resolve(child);
      else if (err.length < 4000) err += text;
    });
    child.once('exit', (code) =>
      reject(new Error(`bench: server exited with ${code}: ${err.slice(0, 2000)}`)),
    );
  });
}

function rotating(
  prefix: string,
  ids: string[],
  suffix: string,
): (req: AutocannonRequest) => AutocannonRequest {
  let i = 0;
  return (req) => ({
    ...req,
    method: 'GET',
    path: `${prefix}${encodeURIComponent(ids[i++ % ids.length])}${suffix}`,
  });
}

async function main(): Promise<void> {
  const db = path.resolve(arg('db', '/tmp/frbench/1m.db'));
  const duration = Number(arg('duration', '20'));
  const connections = Number(arg('connections', '32'));
  const depth = Number(arg('depth', '2'));
  const port = Number(arg('port', '18089'));
  const workers = Number(arg('workers', '1'));
  const { token, ringIds, accountIds, accounts } = await prepare(db);
  const server = await startServer(db, port, workers);
  try {
    const url = `http://127.0.0.1:${port}`;
    const headers = { authorization: `Bearer ${token}` };
    const cases: Array<[string, (req: AutocannonRequest) => AutocannonRequest]> = [
      [
        'GET /api/session (baseline: auth, logging, JSON; no graph)',
        (req) => ({ ...req, method: 'GET', path: '/api/session' }),
      ],
      ['GET /api/rings/:id/graph', rotating('/api/rings/', ringIds, '/graph')],
      [
        `GET /api/accounts/:id/neighborhood?depth=${depth}`,
        rotating('/api/accounts/', accountIds, `/neighborhood?depth=${depth}&limit=200`),
      ],
    ];
    console.log(
      `store: ${db} (${accounts.toLocaleString('en')} accounts; ${ringIds.length} rings, ${accountIds.length} accounts rotated)`,
    );
    console.log(
      `autocannon: ${connections} connections, ${duration} s per route, loopback, ${workers} server process(es), request logging on`,
    );
    for (const [name, setupRequest] of cases) {
      await autocannon({ url, connections, duration: 2, headers, requests: [{ setupRequest }] });
      const r = await autocannon({
        url,
        connections,
        duration,
        headers,
        requests: [{ setupRequest }],
      });
      const verdict = r.requests.average >= 2000 && r.latency.p99 < 50 ? 'meets' : 'misses';
      console.log(
        `${name}: ${Math.round(r.requests.average)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
          `non-2xx ${r.non2xx}, errors ${r.errors} (${verdict} the 2,000 req/s, p99 < 50 ms target)`,
      );
    }
  } finally {
    server.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
