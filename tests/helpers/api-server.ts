import pino from 'pino';
import { loadConfig } from '../../core/config';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';
import { startServer, type RunningServer } from '../../server/start-server';
import type { AppDeps } from '../../server/app';
import { createJobRunner } from '../../jobs/job-runner';

export interface TestApi {
  server: RunningServer;
  store: GraphStore;
  /** Every log line the server wrote, as parsed JSON. */
  logs: Array<Record<string, unknown>>;
  /** The raw log text (what a log shipper would see). */
  logText(): string;
  close(): Promise<void>;
}

/**
 * Starts the real API on 127.0.0.1:0 over a real SQLite file, logging (at debug level, so
 * nothing is hidden) into memory for inspection. With `jobs`, an in-process job runner on the same store.
 */
export async function startTestApi(
  dbPath: string,
  opts: Partial<Pick<AppDeps, 'loginLimits' | 'webDir'>> & { jobs?: boolean } = {},
): Promise<TestApi> {
  const store = openSqliteStore(dbPath);
  await store.migrate();
  const lines: string[] = [];
  const logger = pino(
    { level: 'debug', base: { service: 'fraud-rings' } },
    { write: (s: string) => void lines.push(s) },
  );
  const config = loadConfig({ dbPath, port: 0, host: '127.0.0.1' }, {});
  const jobs = opts.jobs ? createJobRunner(config, { store }) : null;
  const server = await startServer(
    { store, config, logger, jobs, webDir: opts.webDir ?? null, loginLimits: opts.loginLimits },
    { port: 0, host: '127.0.0.1' },
  );
  return {
    server,
    store,
    get logs() {
      return lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    },
    logText: () => lines.join(''),
    async close() {
      await server.close();
      await jobs?.close();
      await store.close();
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * One HTTP request with a JSON body (if any); the reply parsed as JSON when it is JSON. Replies
 * are loosely typed by default: tests inspect them with assertions on exact values.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function call<T = any>(
  base: string,
  method: string,
  path: string,
  opts: {
    token?: string;
    cookie?: string;
    csrf?: string;
    body?: unknown;
    rawBody?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Reply<T>> {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.csrf) headers['x-csrf-token'] = opts.csrf;
  let body: string | undefined;
  if (opts.rawBody !== undefined || opts.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = opts.rawBody ?? JSON.stringify(opts.body);
  }
  const res = await fetch(`${base}${path}`, { method, headers, body });
  const text = await res.text();
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  return {
    status: res.status,
    body: (isJson && text ? JSON.parse(text) : text) as T,
    headers: res.headers,
  };
}
