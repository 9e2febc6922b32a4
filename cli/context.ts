import type { Command } from 'commander';
import { loadConfig, type Config, type ConfigOverrides } from '../core/config';
import { openStore } from '../core/store/open-store';
import type { GraphStore } from '../core/store/port';

/** Global flags every command accepts (declared once on the root program). */
export interface GlobalOptions {
  db?: string;
  store?: 'sqlite' | 'neo4j';
}

/** Reads the root program's global flags from inside a subcommand's action. */
export function configFrom(cmd: Command, extra: ConfigOverrides = {}): Config {
  const opts = cmd.optsWithGlobals() as GlobalOptions;
  return loadConfig({ dbPath: opts.db, store: opts.store, ...extra });
}

/** Opens the configured store, runs `fn`, and always closes the store. */
export async function withStore<T>(
  config: Config,
  fn: (store: GraphStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(config);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
