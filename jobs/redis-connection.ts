/**
 * Connection options for BullMQ from the configuration. Workers keep retrying forever (a Redis
 * restart at night must not end the worker); producers (CLI `enqueue`, the API) give up after a
 * few seconds so a caller learns that Redis is down instead of hanging.
 */
import type { ConnectionOptions } from 'bullmq';
import type { Config } from '../core/config';
import { ConfigError } from '../core/errors';

/** Delay before the n-th reconnection attempt: quick at first, at most two seconds apart. */
export function reconnectDelay(attempt: number): number {
  return Math.min(100 * 2 ** Math.min(attempt, 5), 2000);
}

/** Throws `ConfigError` (exit 2) naming `what` when no Redis is configured; returns its URL. */
export function requireRedis(config: Config, what = 'this'): string {
  if (config.redisUrl === null) {
    throw new ConfigError(
      `fraud-rings: ${what} needs Redis; set REDIS_URL (e.g. REDIS_URL=redis://127.0.0.1:6379)`,
    );
  }
  return config.redisUrl;
}

/** For workers and queue-event listeners: every command waits for the connection to come back. */
export function workerConnection(config: Config): ConnectionOptions {
  return { url: requireRedis(config), maxRetriesPerRequest: null, retryStrategy: reconnectDelay };
}

/** For producers and readers: a command fails after a few attempts rather than waiting forever. */
export function producerConnection(config: Config): ConnectionOptions {
  return {
    url: requireRedis(config),
    maxRetriesPerRequest: 3,
    connectTimeout: 5000,
    retryStrategy: reconnectDelay,
  };
}
