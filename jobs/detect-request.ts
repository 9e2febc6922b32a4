import type { Config } from '../core/config';
import { InvalidInputError } from '../core/errors';
import type { DetectData } from './job-data';
import { ids, runDateIn } from './job-ids';
import type { DetectRequest } from './job-runner';

export interface DetectJobPlan {
  jobId: string;
  /** Drop the request while a job with this key waits or runs; null when the id alone de-duplicates. */
  dedupeKey: string | null;
  data: DetectData;
}

/** A requested number of detection groups, validated (1..64) or undefined. */
export function validGroups(groups: number | undefined): number | undefined {
  if (groups !== undefined && !(Number.isInteger(groups) && groups >= 1 && groups <= 64)) {
    throw new InvalidInputError(
      'BAD_GROUPS',
      'fraud-rings: groups must be an integer from 1 to 64',
    );
  }
  return groups;
}

/**
 * Id and data of a requested detection (see `DetectRequest.key` for the two de-duplication rules).
 * Parameters default to the configuration's and are validated here, before anything is enqueued.
 */
export function detectJobPlan(
  config: Config,
  request: DetectRequest,
  now = Date.now(),
): DetectJobPlan {
  const seed = request.seed ?? config.detectSeed;
  const resolution = request.resolution ?? config.detectResolution;
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 31 - 1) {
    throw new InvalidInputError(
      'BAD_SEED',
      'fraud-rings: seed must be an integer from 0 to 2147483647',
    );
  }
  if (!(resolution > 0 && resolution <= 10)) {
    throw new InvalidInputError(
      'BAD_RESOLUTION',
      'fraud-rings: resolution must be above 0 and at most 10',
    );
  }
  const groups = validGroups(request.groups);
  const common = {
    seed,
    resolution,
    trigger: 'request' as const,
    ...(groups === undefined ? {} : { groups }),
  };
  if (request.key !== undefined) {
    const jobId = ids.keyedDetect(request.key);
    return { jobId, dedupeKey: null, data: { runKey: jobId, ...common } };
  }
  const paramsKey = ids.detectParams(seed, resolution);
  const jobId = ids.adhocDetect(paramsKey, now);
  return {
    jobId,
    dedupeKey: paramsKey,
    data: { runKey: `${runDateIn(config.nightlyTimeZone, new Date(now))}-${paramsKey}`, ...common },
  };
}
