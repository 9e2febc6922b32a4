import type { Config } from '../config';
import type { GraphStore } from './port';

/**
 * Opens the store the configuration names and brings its schema up to date.
 * Adapters are loaded lazily so the embedded default never loads the Neo4j driver and vice versa.
 */
export async function openStore(config: Config): Promise<GraphStore> {
  let store: GraphStore;
  if (config.store === 'neo4j') {
    const { openNeo4jStore } = await import('./neo4j/neo4j-store');
    store = await openNeo4jStore(config);
  } else {
    const { openSqliteStore } = await import('./sqlite/sqlite-store');
    store = openSqliteStore(config.dbPath);
  }
  await store.migrate();
  return store;
}
