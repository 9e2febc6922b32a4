/**
 * The contract suite against a real Neo4j 5 when NEO4J_URI is set (NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE as for the app). Point it at a disposable database: the suite adds data with
 * unique ids and never deletes. Without NEO4J_URI the suite is skipped, saying so.
 */
import { loadConfig } from '../../core/config';
import { openNeo4jStore } from '../../core/store/neo4j/neo4j-store';
import { describeGraphStoreContract } from './graph-store.contract';

const config = loadConfig({ store: 'sqlite' });
const SKIP_MESSAGE =
  'GraphStore contract against Neo4j skipped: NEO4J_URI is not set (set NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD to run it)';

if (config.neo4j === null) {
  console.warn(SKIP_MESSAGE);
  describe('GraphStore contract: neo4j', () => {
    it.skip(SKIP_MESSAGE, () => undefined);
  });
} else {
  describeGraphStoreContract('neo4j', async () => {
    const store = await openNeo4jStore(config);
    await store.migrate();
    return store;
  });
}
