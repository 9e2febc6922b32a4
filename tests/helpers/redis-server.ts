/**
 * A real redis-server for integration tests. When `REDIS_URL` is set, tests use that server;
 * otherwise (or when a test needs to kill and restart Redis, or a non-default eviction policy) a
 * private `redis-server` is started on a free port in a temp dir, with no persistence, and
 * stopped afterwards. Each test isolates itself with its own queue prefix (`uniquePrefix`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface RedisServer {
  url: string;
  port: number;
  /** True when this helper started the server (only then can it be killed and restarted). */
  owned: boolean;
  /** SIGKILLs the server and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (after `kill`). */
  restart(): Promise<void>;
  /** Stops the server if this helper started it. */
  stop(): Promise<void>;
}

export interface RedisServerOptions {
  /** Start a private server even when REDIS_URL is set (needed to kill or reconfigure it). */
  own?: boolean;
  maxmemoryPolicy?: string;
}

/** A queue prefix no other test (or earlier run) uses. */
export function uniquePrefix(label = 'test'): string {
  return `fr-${label}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Resolves once the server answers PING with PONG; rejects after `timeoutMs`. */
export async function waitForPong(port: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      let reply = '';
      socket.setTimeout(500);
      socket.on('connect', () => socket.write('PING\r\n'));
      socket.on('data', (chunk) => {
        reply += chunk.toString();
        if (reply.includes('\r\n')) {
          socket.destroy();
          resolve(reply.startsWith('+PONG'));
        }
      });
      socket.on('timeout', () => {
        socket.destroy();
        resolve(false);
      });
      socket.on('error', () => resolve(false));
    });
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`redis-server on port ${port} did not answer PING within ${timeoutMs} ms`);
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Starts (or reuses, see module doc) a redis-server. */
export async function startRedisServer(opts: RedisServerOptions = {}): Promise<RedisServer> {
  if (process.env.REDIS_URL && !opts.own && !opts.maxmemoryPolicy) {
    const url = process.env.REDIS_URL;
    const noop = async () => {
      throw new Error(
        'REDIS_URL is an external server; start one with { own: true } to kill or restart it',
      );
    };
    return {
      url,
      port: Number(new URL(url).port || 6379),
      owned: false,
      kill: noop,
      restart: noop,
      stop: async () => {},
    };
  }
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--save',
    '',
    '--appendonly',
    'no',
    '--dir',
    dir,
    '--maxmemory-policy',
    opts.maxmemoryPolicy ?? 'noeviction',
  ];
  let child: ChildProcess | null = null;
  const launch = async () => {
    child = spawn('redis-server', args, { stdio: 'ignore' });
    await waitForPong(port);
  };
  await launch();
  const kill = async () => {
    if (child === null) return;
    const c: ChildProcess = child;
    child = null;
    c.kill('SIGKILL');
    await exited(c);
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    owned: true,
    kill,
    restart: launch,
    stop: async () => {
      await kill();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
