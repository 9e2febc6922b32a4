/**
 * API benchmark (issue 6): requests per second and p99 latency of `GET /api/rings/:id/graph` and
 * `GET /api/accounts/:id/neighborhood` on loopback, 32 connections, against the real server
 * (`fraud-rings serve`, a separate process, request logging on) over an existing SQLite store
 * that has a detection run. Target: at least 2,000 requests/s with p99 under 50 ms.
 *
 *   npx tsx bench/api.ts --db /tmp/frbench/1m.db [--duration 20] [--connections 32] [--depth 2] [--workers 1] [--view-cache-mb 64]
 *
 * A baseline (`GET /api/session`: token check, logging, JSON, no graph work) shows what the HTTP
 * layer alone sustains. Requests rotate over the flagged rings of the latest run and over their
 * members, so no single cached page is measured. A bench user (admin) is created if missing.
 *
 * Each line also gives the CPU time per request of the server processes (from /proc, summed over
 * the cluster) and of autocannon, figures that other load on the machine distorts far less than
 * requests per second, and the hit rate of the servers' kept views (`server/views/view-cache.ts`,
 * read from `/metrics`) during the warm-up and the measured run: each server process builds each
 * view once, then serves it again while the store's data is unchanged. `--view-cache-mb 0` turns
 * the kept views off (`VIEW_CACHE_MB=0`), so every request builds its view from the store.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
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

function startServer(
  db: string,
  port: number,
  workers: number,
  viewCacheMb: string,
): Promise<ChildProcess> {
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
      env: {
        ...process.env,
        FRAUD_RINGS_FROM_SOURCE: '1',
        LOG_LEVEL: 'info',
        VIEW_CACHE_MB: viewCacheMb,
      },
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

/** Pids of a process and all its descendants (the cluster primary and its workers). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

/**
 * CPU time (user + system, ms) used so far by the server processes, from /proc (Linux only; 0
 * elsewhere). Per request, it is a figure the other load on the machine distorts far less than
 * wall-clock throughput.
 */
function serverCpuMs(root: number): number {
  if (process.platform !== 'linux') return 0;
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let total = 0;
  for (const pid of processTree(root)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      total += (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

/**
 * View cache lookups (hits, misses) of every server process, summed, from `/metrics` (admin).
 * Each scrape opens a new connection, so the cluster hands them to the workers in turn; a few
 * more scrapes than workers find each one (its counters are labelled by pid).
 */
async function cacheLookups(
  url: string,
  token: string,
  workers: number,
): Promise<{ hits: number; misses: number }> {
  const byPid = new Map<string, { hits: number; misses: number }>();
  for (let i = 0; i < workers * 4 && byPid.size < workers; i++) {
    const res = await fetch(`${url}/metrics`, {
      headers: { authorization: `Bearer ${token}`, connection: 'close' },
    });
    const text = await res.text();
    const pattern = /^fraud_rings_view_cache_lookups\{pid="(\d+)",result="(hit|miss)"\} (\d+)$/gm;
    for (const m of text.matchAll(pattern)) {
      const entry = byPid.get(m[1]) ?? { hits: 0, misses: 0 };
      if (m[2] === 'hit') entry.hits = Number(m[3]);
      else entry.misses = Number(m[3]);
      byPid.set(m[1], entry);
    }
  }
  let hits = 0;
  let misses = 0;
  for (const e of byPid.values()) {
    hits += e.hits;
    misses += e.misses;
  }
  return { hits, misses };
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
  const viewCacheMb = arg('view-cache-mb', '64');
  const { token, ringIds, accountIds, accounts } = await prepare(db);
  const server = await startServer(db, port, workers, viewCacheMb);
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
      `autocannon: ${connections} connections, ${duration} s per route, loopback, ${workers} server process(es), request logging on, view cache ${viewCacheMb} MiB per process`,
    );
    for (const [name, setupRequest] of cases) {
      const lookupsBefore = await cacheLookups(url, token, workers);
      await autocannon({ url, connections, duration: 2, headers, requests: [{ setupRequest }] });
      const lookupsWarm = await cacheLookups(url, token, workers);
      const cpuBefore = serverCpuMs(server.pid!);
      const clientBefore = process.cpuUsage();
      const r = await autocannon({
        url,
        connections,
        duration,
        headers,
        requests: [{ setupRequest }],
      });
      const served = r.requests.average * duration;
      const serverMs = (serverCpuMs(server.pid!) - cpuBefore) / served;
      const client = process.cpuUsage(clientBefore);
      const clientMs = (client.user + client.system) / 1000 / served;
      const lookupsAfter = await cacheLookups(url, token, workers);
      const rate = (from: typeof lookupsAfter, to: typeof lookupsAfter) => {
        const hits = to.hits - from.hits;
        const total = hits + to.misses - from.misses;
        return total === 0 ? 'no lookups' : `${((100 * hits) / total).toFixed(1)}% of ${total}`;
      };
      const verdict = r.requests.average >= 2000 && r.latency.p99 < 50 ? 'meets' : 'misses';
      console.log(
        `${name}: ${Math.round(r.requests.average)} req/s, latency p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
          `non-2xx ${r.non2xx}, errors ${r.errors} (${verdict} the 2,000 req/s, p99 < 50 ms target); ` +
          `CPU per request: server ${serverMs.toFixed(3)} ms, autocannon ${clientMs.toFixed(3)} ms; ` +
          `view cache hits: warm-up ${rate(lookupsBefore, lookupsWarm)}, measured ${rate(lookupsWarm, lookupsAfter)}`,
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
