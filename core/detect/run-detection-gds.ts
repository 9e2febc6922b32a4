/**
 * Ring detection with the `gds` engine: the same projection, scoring, evidence and lineage as
 * `runDetection`, but the communities come from Louvain inside Neo4j's Graph Data Science
 * library (H4's `runGdsLouvain`), for graphs too large for one worker. Neo4j projects the
 * account graph itself from the same weights, so only `{key, community}` pairs travel back.
 */
import { randomUUID } from 'node:crypto';
import type { Config } from '../config';
import { InvalidInputError } from '../errors';
import {
  runGdsLouvain,
  type GdsLouvainOptions,
  type GdsLouvainResult,
} from '../store/neo4j/gds-louvain';
import type { ProjectionSource, RingStore } from '../store/port';
import { communitiesFromAssignments } from './assignments';
import { finishRun, type DetectionResult } from './finish-run';
import { detectionParams, type DetectOptions } from './params';
import { projectGraph, type DetectHooks } from './run-detection';

/** Runs GDS Louvain for the given weights; injectable so the composition is testable without Neo4j. */
export type GdsLouvainRunner = (
  config: Config,
  opts: GdsLouvainOptions,
) => Promise<GdsLouvainResult>;

/**
 * Rejects the `gds` engine unless the configured store is Neo4j: GDS projects the graph from the
 * data inside Neo4j, so running it beside a SQLite store would detect on different data.
 * Throws `InvalidInputError` `ENGINE_NEEDS_NEO4J` (CLI exit 2).
 */
export function assertGdsUsable(config: Config): void {
  if (config.store !== 'neo4j' || config.neo4j === null) {
    throw new InvalidInputError(
      'ENGINE_NEEDS_NEO4J',
      'fraud-rings: --engine gds needs the Neo4j store (--store neo4j with NEO4J_URI set); ' +
        `the configured store is ${config.store}`,
      { store: config.store },
    );
  }
}

/**
 * Detection with communities from Neo4j GDS, saved as a run with `engine: 'gds'`. Scoring,
 * evidence and lineage are `finishRun`'s, so equal communities give equal rings whatever engine
 * found them. The GDS graph name is unique per call so concurrent runs do not collide.
 */
export async function runDetectionGds(
  store: ProjectionSource & RingStore,
  config: Config,
  opts: DetectOptions = {},
  hooks: DetectHooks = {},
  louvain: GdsLouvainRunner = runGdsLouvain,
): Promise<DetectionResult> {
  assertGdsUsable(config);
  const params = detectionParams({ ...opts, engine: 'gds' });
  const startedAt = Date.now();
  const projection = await projectGraph(store, params, hooks);
  const t1 = Date.now();
  const { identifierWeights, hubCutoffs, paymentWeight, paymentHubCutoff } =
    params.detection.projection;
  const gds = await louvain(config, {
    weights: { identifierWeights, hubCutoffs, paymentWeight, paymentHubCutoff },
    graphName: `fraud-rings-${randomUUID()}`,
  });
  hooks.onProgress?.('communities', 1);
  const t2 = Date.now();
  hooks.onProgress?.('scoring', 0);
  const out = await finishRun(
    store,
    projection,
    [communitiesFromAssignments(projection, gds.assignments)],
    params,
    {
      startedAt,
      timingsMs: { projection: t1 - startedAt, louvain: t2 - t1 },
      counts: { gdsNodes: gds.nodeCount, gdsRelationships: gds.relationshipCount },
    },
  );
  hooks.onProgress?.('saved', 1);
  return out;
}
