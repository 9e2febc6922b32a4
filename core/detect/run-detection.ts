/**
 * Ring detection over the whole store, in-process: exactly the composition of the split stages
 * that scale-out jobs run in separate workers, so both give the same rings.
 *
 *   projectGraph(store, params)            store → Projection          (one pass per stream)
 *   splitComponents(projection, groups)    → DetectGroup[]             (JSON, one per job)
 *   detectGroup(group, groupParams(p, pr)) → GroupResult               (pure, any worker)
 *   finishRun(store, projection, results)  → { run, rings }            (score, evidence, lineage, save)
 */
import type { ProjectionSource, RingStore } from '../store/port';
import { finishRun, type DetectionResult } from './finish-run';
import { detectGroup, splitComponents, type GroupResult } from './groups';
import { fetchMoney, possibleMembers } from './member-money';
import { detectionParams, groupParams, type DetectionParams, type DetectOptions } from './params';
import { projectGraph as buildProjection, type Projection } from './projection';

export type { DetectOptions, DetectionParams } from './params';
export { detectionParams, groupParams } from './params';
export { splitComponents, detectGroup, mergeResults } from './groups';
export type { ComponentGraph, DetectGroup, GroupParams, GroupResult } from './groups';
export { finishRun } from './finish-run';
export { fetchMoney, possibleMembers } from './member-money';
export type { PrefetchedMoney } from './member-money';
export type { DetectionResult, FinishContext } from './finish-run';
export { communitiesFromAssignments } from './assignments';
export type { Projection } from './projection';

export interface DetectHooks {
  /** Called with a stage name (`projection`, `communities`, `scoring`, `saved`) and its completed fraction. */
  onProgress?(stage: string, fraction: number): void;
}

/** Stage 1: reads the store once and builds the weighted account graph under the run's parameters. */
export function projectGraph(
  store: ProjectionSource,
  params: DetectionParams,
  hooks: DetectHooks = {},
): Promise<Projection> {
  return buildProjection(store, params.detection, (f) => hooks.onProgress?.('projection', f));
}

/**
 * Runs detection on the whole store and saves the run (parameters, modularity, counts, timings),
 * its candidate rings and their lineage. Same store and options give byte-identical rings.
 */
export async function runDetection(
  store: ProjectionSource & RingStore,
  opts: DetectOptions = {},
  hooks: DetectHooks = {},
): Promise<DetectionResult> {
  const params = detectionParams(opts);
  const startedAt = Date.now();
  const projection = await projectGraph(store, params, hooks);
  const t1 = Date.now();
  const groups = splitComponents(projection, 1);
  const t2 = Date.now();
  const money = fetchMoney(
    store,
    projection,
    possibleMembers(projection, groups, params.detection),
  );
  money.catch(() => undefined);
  const perGroup = groupParams(params, projection);
  const results: GroupResult[] = [];
  groups.forEach((g, i) => {
    results.push(detectGroup(g, perGroup));
    hooks.onProgress?.('communities', (i + 1) / groups.length);
  });
  const t3 = Date.now();
  hooks.onProgress?.('scoring', 0);
  const out = await finishRun(store, projection, results, params, {
    startedAt,
    timingsMs: { projection: t1 - startedAt, components: t2 - t1, louvain: t3 - t2 },
    counts: { components: groups.reduce((s, g) => s + g.components.length, 0) },
    money,
  });
  hooks.onProgress?.('saved', 1);
  return out;
}
