import fs from 'node:fs';
import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { configFrom } from '../context';
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

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('a port is an integer 0-65535');
  return n;
}

/** `fraud-rings serve [--port P] [--host H]`: the API and the investigation UI on one port, until SIGINT/SIGTERM. */
export function register(program: Command): void {
  program
    .command('serve')
    .description('serve the investigation API and web UI')
    .option('--port <port>', 'TCP port (default $PORT or 8080; 0 picks a free one)', port)
    .option('--host <host>', 'interface to listen on (default $HOST or 127.0.0.1)')
    .action(async (opts: { port?: number; host?: string }, cmd: Command) => {
      const config = configFrom(cmd, { port: opts.port, host: opts.host });
      const logger = createLogger(config.logLevel);
      const store = await openStore(config);
      const jobs = createJobRunner(config, { store });
      const webDir = findWebDist();
      if (!webDir) logger.warn('web/dist not found (run npm run build:web); serving the API only');
      const server = await startServer(
        { store, config, logger, jobs, webDir },
        { port: config.port, host: config.host },
      );
      process.stderr.write(
        `fraud-rings: serving on ${server.url} (API under /api, metrics at /metrics for admins)\n`,
      );
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await server.close();
      await jobs.close();
      await store.close();
    });
}
