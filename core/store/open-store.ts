import type { Config } from '../config';
import type { GraphStore } from './port';

/**
 * Opens the store the configuration names and brings its schema up to date.
 * Adapters are loaded lazily so the embedded default never loads the Neo4j driver and vice versa.
 * `require`, not `import()`: under tsx's CommonJS hook (bin/fraud-rings.js running the source)
 * a dynamic `import()` goes to the ESM resolver, which does not find extensionless `.ts` paths.
 */
export async function openStore(config: Config): Promise<GraphStore> {
  let store: GraphStore;
  if (config.store === 'neo4j') {
    const { openNeo4jStore } =
      require('./neo4j/neo4j-store') as typeof import('./neo4j/neo4j-store');
    store = await openNeo4jStore(config);
  } else {
    const { openSqliteStore } =
      require('./sqlite/sqlite-store') as typeof import('./sqlite/sqlite-store');
    store = openSqliteStore(config.dbPath);
  }
  await store.migrate();
  return store;
}
