/**
 * The `gds` detection engine: Louvain inside Neo4j with the Graph Data Science library, for
 * graphs too large to project into one worker. The weighted account-account graph is projected
 * in Neo4j from the same links and weights as the in-process projection (`cypher/gds-project-links.cypher`),
 * Louvain streams back `{key, community}` per account (store integer keys, the keys of the
 * projection stream), and the caller hands them to `communitiesFromAssignments` of core/detect
 * so scoring, evidence and lineage are the same whatever engine found the communities.
 *
 * Determinism: GDS Louvain has no random seed; run single-threaded (`concurrency: 1`, the
 * default here) it gives the same communities for the same data. The run's seed is still recorded
 * by detection. The projected graph is always dropped from the catalog, also on failure.
 */
import neo4j from 'neo4j-driver';
import type { Config } from '../../config';
import { ConfigError } from '../../errors';
import type { IdentifierKind } from '../../types';
import { CypherRunner } from './cypher-runner';
import { toProjectError } from './neo4j-errors';
import { num } from './neo4j-values';

/** The projection part of the detection config (core/detect/config.ts `DetectionConfig['projection']`). */
export interface GdsProjectionWeights {
  identifierWeights: Record<IdentifierKind, number>;
  hubCutoffs: Record<IdentifierKind, number>;
  paymentWeight: number;
  paymentHubCutoff: number;
}

export interface GdsLouvainOptions {
  weights: GdsProjectionWeights;
  /** Catalog name of the projected graph; unique per run so concurrent runs do not collide. */
  graphName: string;
  maxLevels?: number;
  maxIterations?: number;
  tolerance?: number;
  /** 1 (the default) for deterministic results. */
  concurrency?: number;
}

export interface GdsLouvainResult {
  assignments: Array<{ key: number; community: number }>;
  nodeCount: number;
  relationshipCount: number;
}

/** Projects, runs Louvain and drops the projection, over an open runner. */
export async function gdsLouvain(
  runner: CypherRunner,
  opts: GdsLouvainOptions,
): Promise<GdsLouvainResult> {
  const [projected] = await runner.write('gds-project-links', {
    graphName: opts.graphName,
    ...opts.weights,
  });
  try {
    const rows = await runner.read('gds-louvain-stream', {
      graphName: opts.graphName,
      maxLevels: opts.maxLevels ?? 10,
      maxIterations: opts.maxIterations ?? 10,
      tolerance: opts.tolerance ?? 0.0001,
      concurrency: opts.concurrency ?? 1,
    });
    return {
      assignments: rows
        .filter((r) => r.key !== null)
        .map((r) => ({ key: num(r.key), community: num(r.community) })),
      nodeCount: num(projected?.nodeCount ?? 0),
      relationshipCount: num(projected?.relationshipCount ?? 0),
    };
  } finally {
    await runner.write('gds-drop-graph', { graphName: opts.graphName });
  }
}

/**
 * Connects to the configured Neo4j and runs `gdsLouvain` once. Needs `NEO4J_URI` and the GDS
 * plugin on the server (docker-compose.yml installs it); errors are typed like the adapter's.
 */
export async function runGdsLouvain(
  config: Config,
  opts: GdsLouvainOptions,
): Promise<GdsLouvainResult> {
  if (config.neo4j === null)
    throw new ConfigError(
      'fraud-rings: --engine gds needs NEO4J_URI (Neo4j with the Graph Data Science plugin)',
    );
  const { uri, user, password, database } = config.neo4j;
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password), {
    disableLosslessIntegers: true,
    userAgent: 'fraud-rings',
  });
  try {
    return await gdsLouvain(new CypherRunner(driver, database), opts);
  } catch (err) {
    throw toProjectError(err, 'gds louvain');
  } finally {
    await driver.close();
  }
}
