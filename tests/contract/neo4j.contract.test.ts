/**
 * The contract suite against a real Neo4j 5 when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE as for the app). Point it at a disposable database: the suite adds data with
 * unique ids and never deletes. Without NEO4J_URI the suite is skipped, saying so.
 */
import { loadConfig } from '../../core/config';
import { openNeo4jStore } from '../../core/store/neo4j/neo4j-store';
import { describeGraphStoreContract } from './graph-store.contract';

const config = loadConfig({ store: 'sqlite' });

if (config.neo4j === null) {
  describe('GraphStore contract: neo4j', () => {
    it.skip('skipped: set NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD) to run the contract suite against Neo4j', () =>
      undefined);
  });
} else {
  describeGraphStoreContract('neo4j', async () => {
    const store = await openNeo4jStore(config);
    await store.migrate();
    return store;
  });
}
