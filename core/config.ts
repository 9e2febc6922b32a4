/**
 * The one module that reads the environment. Everything else receives a `Config`.
 * `loadConfig` validates eagerly and throws `ConfigError` with every problem in one message,
 * so a bad deployment fails at start-up rather than at 3 a.m. in the middle of a nightly run.
 */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from './errors';

const intFrom = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  store: z.enum(['sqlite', 'neo4j']),
  dbPath: z.string().min(1),
  neo4j: z
    .object({
      uri: z
        .string()
        .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\//, 'NEO4J_URI must be neo4j:// or bolt://'),
      user: z.string().min(1),
      password: z.string(),
      database: z.string().min(1),
    })
    .nullable(),
  redisUrl: z
    .string()
    .regex(/^rediss?:\/\//, 'REDIS_URL must be redis:// or rediss://')
    .nullable(),
  queuePrefix: z.string().min(1),
  workerConcurrency: intFrom(1, 64),
  nightlyCron: z.string().min(1),
  nightlyTimeZone: z.string().min(1),
  host: z.string().min(1),
  port: intFrom(0, 65535),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']),
  exportDir: z.string().min(1),
  webhookUrl: z.string().url().nullable(),
  webhookSecret: z.string().nullable(),
  detectSeed: intFrom(0, 2 ** 31 - 1),
  detectResolution: z.coerce.number().positive().max(10),
  cookieSecure: z.boolean(),
  /** MiB of built graph views each server process keeps (server/views/view-cache.ts); 0 = none. */
  viewCacheMb: intFrom(0, 65536),
});

export type Config = Readonly<z.infer<typeof schema>>;

/** Flags given on the command line; they win over the environment. */
export interface ConfigOverrides {
  store?: 'sqlite' | 'neo4j';
  dbPath?: string;
  port?: number;
  host?: string;
  redisUrl?: string;
}

type Env = Record<string, string | undefined>;

const blankToNull = (v: string | undefined): string | null =>
  v === undefined || v.trim() === '' ? null : v;

/**
 * Builds the configuration from an environment (default `process.env`) and command-line overrides.
 * Store choice: `--store` wins; otherwise Neo4j when `NEO4J_URI` is set; otherwise SQLite.
 */
export function loadConfig(overrides: ConfigOverrides = {}, env: Env = process.env): Config {
  const neo4jUri = blankToNull(env.NEO4J_URI);
  const store =
    overrides.store ??
    (env.FRAUD_RINGS_STORE as 'sqlite' | 'neo4j' | undefined) ??
    (neo4jUri ? 'neo4j' : 'sqlite');
  const raw = {
    store,
    dbPath: path.resolve(
      overrides.dbPath ?? env.FRAUD_RINGS_DB ?? path.join('data', 'fraud-rings.db'),
    ),
    neo4j:
      neo4jUri === null
        ? null
        : {
            uri: neo4jUri,
            user: env.NEO4J_USER ?? 'neo4j',
            password: env.NEO4J_PASSWORD ?? '',
            database: env.NEO4J_DATABASE ?? 'neo4j',
          },
    redisUrl: overrides.redisUrl ?? blankToNull(env.REDIS_URL),
    queuePrefix: env.QUEUE_PREFIX ?? 'fraud-rings',
    workerConcurrency: env.WORKER_CONCURRENCY ?? 2,
    nightlyCron: env.NIGHTLY_CRON ?? '0 2 * * *',
    nightlyTimeZone: env.NIGHTLY_TZ ?? 'UTC',
    host: overrides.host ?? env.HOST ?? '127.0.0.1',
    port: overrides.port ?? env.PORT ?? 8080,
    logLevel: env.LOG_LEVEL ?? 'info',
    exportDir: path.resolve(env.EXPORT_DIR ?? path.join('data', 'exports')),
    webhookUrl: blankToNull(env.WEBHOOK_URL),
    webhookSecret: blankToNull(env.WEBHOOK_SECRET),
    detectSeed: env.DETECT_SEED ?? 42,
    detectResolution: env.DETECT_RESOLUTION ?? 1,
    cookieSecure: (env.COOKIE_SECURE ?? 'false') === 'true',
    viewCacheMb: env.VIEW_CACHE_MB ?? 64,
  };
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join('.') || 'config'}: ${i.message}`,
    );
    throw new ConfigError(`fraud-rings: invalid configuration: ${problems.join('; ')}`);
  }
  const config = parsed.data;
  if (config.store === 'neo4j' && config.neo4j === null) {
    throw new ConfigError(
      'fraud-rings: --store neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)',
    );
  }
  if (config.webhookUrl !== null && config.webhookSecret === null) {
    throw new ConfigError(
      'fraud-rings: WEBHOOK_URL is set but WEBHOOK_SECRET is not; webhooks are always signed',
    );
  }
  return Object.freeze(config);
}

/** The package version, recorded in every detection run and evidence pack. */
export function codeVersion(): string {
  // Source runs from <root>/core, compiled code from <root>/dist/core.
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      return (require(rel) as { version: string }).version;
    } catch {
      continue;
    }
  }
  return '0.0.0-unknown';
}
