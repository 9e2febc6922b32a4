import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp, type AppDeps } from './app';

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the app on `host:port` (port 0 picks a free one, as tests do) and resolves once it listens. */
export async function startServer(
  deps: AppDeps,
  opts: { port: number; host: string },
): Promise<RunningServer> {
  const app = await createApp(deps);
  const server = http.createServer(app);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const hostForUrl = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
  return {
    url: `http://${hostForUrl}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
