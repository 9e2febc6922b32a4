/**
 * BullMQ keeps every job in Redis: an eviction policy other than `noeviction` lets Redis delete
 * queue keys under memory pressure and silently lose or corrupt jobs. Workers refuse to start then.
 */
import { Redis } from 'ioredis';
import { ConfigError } from '../core/errors';

/** Reads `maxmemory_policy` from `INFO memory` (allowed where `CONFIG GET` is not, e.g. managed Redis). */
export async function readEvictionPolicy(url: string): Promise<string | null> {
  const client = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 5000,
    retryStrategy: () => null,
    lazyConnect: true,
  });
  client.on('error', () => {});
  try {
    await client.connect();
    const info = await client.info('memory');
    const line = info.split(/\r?\n/).find((l) => l.startsWith('maxmemory_policy:'));
    return line === undefined ? null : line.slice('maxmemory_policy:'.length).trim();
  } finally {
    client.disconnect();
  }
}

/** Throws `ConfigError` (exit 2) naming the policy found when it is not `noeviction`. */
export async function assertNoEviction(url: string): Promise<void> {
  const policy = await readEvictionPolicy(url);
  if (policy !== null && policy !== 'noeviction') {
    throw new ConfigError(
      `fraud-rings: Redis maxmemory-policy is '${policy}'; workers need 'noeviction' so queued jobs are never evicted ` +
        `(run: redis-cli CONFIG SET maxmemory-policy noeviction, and set it in redis.conf)`,
    );
  }
}
