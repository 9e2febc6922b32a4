import cluster from 'node:cluster';
import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { configFrom } from '../context';
import type { Config } from '../../core/config';
import { openStore } from '../../core/store/open-store';
import { createLogger } from '../../core/logger';
import { createJobRunner } from '../../jobs/job-runner';
import { startServer } from '../../server/start-server';

/** The built UI: `web/dist` at the package root, from the TS source (`cli/commands`) or the compiled tree (`dist/cli/commands`). */
export function findWebDist(): string | null {
  for (const rel of ['../../web/dist', '../../../web/dist']) {
    const dir = path.resolve(__dirname, rel);
    if (fs.existsSync(path.join(dir, 'index.html'))) return dir;
  }
  return null;
}

const intIn = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`an integer ${min}-${max}`);
  return n;
};

const stopped = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });

/**
 * One server process until SIGINT/SIGTERM. In a cluster (`workers` > 1) jobs need Redis (an
 * in-process runner would keep each job in the worker that took the request), so without
 * `REDIS_URL` the job routes answer 503 `JOBS_UNAVAILABLE`.
 */
async function serveOne(
  config: Config,
  workers: number,
  announce: (url: string) => void,
): Promise<void> {
  const logger = createLogger(config.logLevel, workers > 1 ? { worker: cluster.worker?.id } : {});
  const store = await openStore(config);
  const jobs =
    workers === 1 || config.redisUrl !== null ? createJobRunner(config, { store }) : null;
  const webDir = findWebDist();
  if (!webDir) logger.warn('web/dist not found (run npm run build:web); serving the API only');
  const server = await startServer(
    { store, config, logger, jobs, webDir },
    { port: config.port, host: config.host },
  );
  announce(server.url);
  await stopped();
  await server.close();
  await jobs?.close();
  await store.close();
  cluster.worker?.disconnect();
}

/**
 * The primary of a cluster: forks the workers (they share one listening socket), says where it
 * serves once every worker listens, replaces any worker that dies, and stops them on a signal.
 */
async function superviseWorkers(workers: number): Promise<void> {
  let stopping = false;
  let ready = 0;
  cluster.on('message', (_worker, msg: { url?: string }) => {
    if (msg.url && ++ready === workers) {
      process.stderr.write(
        `fraud-rings: serving on ${msg.url} with ${workers} workers (API under /api, metrics at /metrics for admins)\n`,
      );
    }
  });
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    process.stderr.write(
      `fraud-rings: server worker ${worker.id} exited with ${code}; starting another\n`,
    );
    cluster.fork();
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  await stopped();
  stopping = true;
  await Promise.all(
    Object.values(cluster.workers ?? {}).map(
      (w) =>
        new Promise<void>((resolve) => {
          if (!w || w.isDead()) return resolve();
          w.once('exit', () => resolve());
          w.process.kill('SIGTERM');
        }),
    ),
  );
}

/** `fraud-rings serve [--port P] [--host H] [--workers N]`: the API and the investigation UI on one port. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the investigation API and web UI')
    .option(
      '--port <port>',
      'TCP port (default $PORT or 8080; 0 picks a free one)',
      intIn(0, 65535),
    )
    .option('--host <host>', 'interface to listen on (default $HOST or 127.0.0.1)')
    .option(
      '--workers <n>',
      'server processes sharing the port (jobs then need REDIS_URL)',
      intIn(1, 64),
      1,
    )
    .action(async (opts: { port?: number; host?: string; workers: number }, cmd: Command) => {
      const config = configFrom(cmd, { port: opts.port, host: opts.host });
      if (opts.workers > 1 && cluster.isPrimary) return superviseWorkers(opts.workers);
      await serveOne(config, opts.workers, (url) => {
        if (cluster.isWorker) process.send?.({ url });
        else
          process.stderr.write(
            `fraud-rings: serving on ${url} (API under /api, metrics at /metrics for admins)\n`,
          );
      });
    });
}
