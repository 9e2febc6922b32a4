/**
 * The production adapter: Neo4j 5 through neo4j-driver 6, assembled from one class per concern
 * of the port (like the SQLite adapter). Every query is a file of `cypher/`; every call runs in a
 * managed transaction; driver errors become `StoreError` (with `retriable`) or `ConfigError`.
 */
import neo4j from 'neo4j-driver';
import type { Config } from '../../config';
import { ConfigError } from '../../errors';
import { bindAll } from '../bind-all';
import type {
  AuditStore,
  CaseStore,
  EntityStore,
  GraphStore,
  ProjectionSource,
  RingStore,
  UserStore,
} from '../port';
import { CypherRunner } from './cypher-runner';
import { SEQUENCES } from './graph-model';
import { Neo4jAudit } from './neo4j-audit';
import { Neo4jCases } from './neo4j-cases';
import { DEFAULT_LOAD_OPTIONS, Neo4jEntities, type LoadOptions } from './neo4j-entities';
import { toProjectError } from './neo4j-errors';
import { Neo4jProjection } from './neo4j-projection';
import { Neo4jRings } from './neo4j-rings';
import { Neo4jSubgraphs } from './neo4j-subgraphs';
import { Neo4jUsers } from './neo4j-users';

/** How long the driver keeps retrying a transaction that failed transiently. */
const MAX_TRANSACTION_RETRY_MS = 30_000;

/** Creates or upgrades the schema: constraints, indexes and key counters, each step idempotent. */
export async function migrateNeo4j(runner: CypherRunner): Promise<void> {
  await runner.writeStatements('schema-constraints');
  await runner.writeStatements('schema-indexes');
  await runner.write('schema-sequences', { names: [...SEQUENCES] });
}

/** Builds the store over an open driver; `openNeo4jStore` is the usual entry point. */
export function neo4jStoreFromRunner(
  runner: CypherRunner,
  load: LoadOptions = DEFAULT_LOAD_OPTIONS,
): GraphStore {
  return {
    kind: 'neo4j',
    ...bindAll<Omit<EntityStore, 'neighbourhood' | 'subgraphOf'>>(new Neo4jEntities(runner, load)),
    ...bindAll<Pick<EntityStore, 'neighbourhood' | 'subgraphOf'>>(new Neo4jSubgraphs(runner)),
    ...bindAll<ProjectionSource>(new Neo4jProjection(runner)),
    ...bindAll<RingStore>(new Neo4jRings(runner)),
    ...bindAll<CaseStore>(new Neo4jCases(runner)),
    ...bindAll<UserStore>(new Neo4jUsers(runner)),
    ...bindAll<AuditStore>(new Neo4jAudit(runner)),
    async migrate() {
      await migrateNeo4j(runner);
    },
    async close() {
      await runner.driver.close();
    },
  };
}

/**
 * Connects to the Neo4j named by the configuration (`NEO4J_URI`, `NEO4J_USER`, `NEO4J_PASSWORD`,
 * `NEO4J_DATABASE`) and checks the connection, so a wrong address or password fails here with a
 * typed error rather than at the first query. The schema is brought up to date by `migrate()`.
 */
export async function openNeo4jStore(config: Config): Promise<GraphStore> {
  if (config.neo4j === null)
    throw new ConfigError(
      'fraud-rings: --store neo4j needs NEO4J_URI (and NEO4J_USER, NEO4J_PASSWORD)',
    );
  const { uri, user, password, database } = config.neo4j;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
    userAgent: 'fraud-rings',
  });
  try {
    await driver.verifyConnectivity({ database });
  } catch (err) {
    await driver.close();
    throw toProjectError(err, 'connect');
  }
  return neo4jStoreFromRunner(new CypherRunner(driver, database));
}
