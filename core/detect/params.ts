/**
 * The parameters of one detection run, resolved once and stored with the run, so every ring can
 * be traced to the exact seed, resolution, weights and code that produced it.
 */
import { codeVersion } from '../config';
import { InvalidInputError } from '../errors';
import {
  DEFAULT_DETECTION_CONFIG,
  detectionConfig,
  type DeepPartial,
  type DetectionConfig,
} from './config';
import type { GroupParams } from './groups';
import type { Projection } from './projection';

export const DEFAULT_SEED = 42;

/** The community engines; scoring, evidence and lineage are the same for both. */
export type DetectEngine = 'graphology' | 'gds';

export interface DetectOptions {
  /** Louvain RNG seed (default 42). Same data and seed give the same rings. */
  seed?: number;
  /** Louvain resolution (default from the detection config, 1). */
  resolution?: number;
  /** Who finds the communities: in-process graphology Louvain (default) or Neo4j GDS Louvain. */
  engine?: DetectEngine;
  /** Overrides of the detection config (weights, cut-offs, thresholds). */
  config?: DeepPartial<DetectionConfig>;
}

/** JSON-serialisable: passed to every stage and stored as the run's `params`. */
export interface DetectionParams {
  seed: number;
  resolution: number;
  engine: DetectEngine;
  codeVersion: string;
  detection: DetectionConfig;
}

/** Resolves options into run parameters; rejects a bad seed or resolution with `InvalidInputError`. */
export function detectionParams(opts: DetectOptions = {}): DetectionParams {
  const seed = opts.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new InvalidInputError(
      'BAD_SEED',
      'fraud-rings: --seed must be an integer from 0 to 2147483647',
    );
  }
  const detection = detectionConfig(opts.config ?? {});
  const resolution =
    opts.resolution ??
    detection.communities.resolution ??
    DEFAULT_DETECTION_CONFIG.communities.resolution;
  if (!Number.isFinite(resolution) || resolution <= 0 || resolution > 10) {
    throw new InvalidInputError(
      'BAD_RESOLUTION',
      'fraud-rings: --resolution must be a number in (0, 10]',
    );
  }
  detection.communities.resolution = resolution;
  return {
    seed,
    resolution,
    engine: opts.engine ?? 'graphology',
    codeVersion: codeVersion(),
    detection,
  };
}

/** The part of the parameters a group worker needs. */
export function groupParams(params: DetectionParams, projection: Projection): GroupParams {
  let totalWeight = 0;
  const w = projection.edges.weight;
  for (let e = 0; e < w.length; e++) totalWeight += w[e];
  return { seed: params.seed, communities: params.detection.communities, totalWeight };
}
