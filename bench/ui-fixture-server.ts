/**
 * A tiny server for the UI benchmark: the built bundle from `web/dist` under the same strict CSP
 * as the real server, and just the API replies a ring view needs, with synthetic graphs whose
 * size is named by the ring id (`ring-5000` has about 5,000 elements). It lets the benchmark
 * measure the browser alone, without the store or detection in the timing.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type {
  AccountResponse,
  RingDetailResponse,
  RingGraphResponse,
  RunListResponse,
  SessionResponse,
} from '../server/api-types';
import { syntheticRingGraph } from './ui-synthetic-graph';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

export const STRICT_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const RUN = {
  runId: 'run-bench',
  startedAt: Date.UTC(2026, 5, 1),
  finishedAt: Date.UTC(2026, 5, 1, 0, 2),
  status: 'completed' as const,
  engine: 'graphology' as const,
  seed: 1,
  resolution: 1,
  codeVersion: 'bench',
  params: {},
  modularity: 0.8,
  counts: { flagged: 2 },
  timingsMs: {},
};

const session: SessionResponse = {
  user: { userId: 'bench', name: 'bench', role: 'admin' },
  via: 'cookie',
  csrfToken: 'bench',
  expiresAt: null,
};

function sizeOf(ringId: string): number {
  const size = Number(/^ring-(\d+)$/.exec(ringId)?.[1] ?? NaN);
  if (!Number.isInteger(size) || size < 10 || size > 50_000) throw new Error('unknown ring');
  return size;
}

function api(pathname: string): unknown {
  if (pathname === '/api/session') return session;
  if (pathname === '/api/runs') return { items: [RUN] } satisfies RunListResponse;
  const ring = /^\/api\/rings\/([^/]+)(\/graph)?$/.exec(pathname);
  if (ring) {
    const ringId = decodeURIComponent(ring[1]);
    const elements = syntheticRingGraph(sizeOf(ringId));
    if (ring[2])
      return {
        ringId,
        runId: RUN.runId,
        elements,
        capped: false,
        masked: true,
      } satisfies RingGraphResponse;
    const members = elements.nodes
      .filter((n) => n.data.type === 'account')
      .map((n) => String(n.data.props.userId));
    const summary = {
      ringId,
      runId: RUN.runId,
      score: 88,
      flagged: true,
      size: members.length,
      status: 'new' as const,
      parents: [],
      evidence: [{ kind: 'shared_device', text: 'Synthetic ring for the benchmark.' }],
    };
    return {
      ring: { ...summary, members, features: {} },
      members: members.map((userId) => ({
        userId,
        name: userId,
        email: null,
        phone: null,
        country: 'GB',
        label: null,
        stub: false,
        createdAt: RUN.startedAt,
      })),
      lineage: [],
      run: RUN,
      masked: true,
    } satisfies RingDetailResponse;
  }
  const account = /^\/api\/accounts\/([^/]+)$/.exec(pathname);
  if (account) {
    const userId = decodeURIComponent(account[1]);
    return {
      account: {
        userId,
        createdAt: RUN.startedAt,
        name: userId,
        email: 'b***@example.com',
        phone: null,
        address: null,
        country: 'GB',
        label: null,
        stub: false,
        identifiers: [],
        payments: { sent: 1, received: 1, chargebacks: 0, amountSent: 10, amountReceived: 10 },
      },
      rings: [],
      masked: true,
    } satisfies AccountResponse;
  }
  throw new Error('not found');
}

/** Starts the server on a free loopback port. */
export async function startUiFixtureServer(
  distDir: string,
): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('Content-Security-Policy', STRICT_CSP);
    if (url.pathname.startsWith('/api/')) {
      try {
        const body = req.method === 'DELETE' ? null : JSON.stringify(api(url.pathname));
        res
          .writeHead(body === null ? 204 : 200, { 'Content-Type': 'application/json' })
          .end(body ?? undefined);
      } catch (err) {
        res
          .writeHead(404, { 'Content-Type': 'application/json' })
          .end(JSON.stringify({ error: { code: 'NOT_FOUND', message: (err as Error).message } }));
      }
      return;
    }
    const file = path.join(
      distDir,
      path.normalize(url.pathname === '/' ? '/index.html' : url.pathname),
    );
    if (!file.startsWith(distDir)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file)
      .then((data) =>
        res
          .writeHead(200, {
            'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          })
          .end(data),
      )
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
