/**
 * Detection as job stages, over H3's split stages in `core/detect/`:
 * plan (project the store, split its components into groups) → one `detect-group` per group (pure,
 * any worker) → finish (re-project, merge, score, lineage, save). The finish stage re-reads the
 * projection instead of shipping it through Redis; a fingerprint taken at plan time proves the
 * store did not change in between (if it did, the run is planned again: a transient failure).
 * The in-process runner composes the same stages, so both paths give the same rings.
 */
import crypto from 'node:crypto';
import { StoreError } from '../../core/errors';
import {
  detectGroup,
  detectionParams,
  finishRun,
  groupParams,
  projectGraph,
  splitComponents,
  type DetectGroup,
  type DetectionParams,
  type GroupParams,
  type GroupResult,
  type Projection,
} from '../../core/detect/run-detection';
import type { GraphStore } from '../../core/store/port';
import type { JobContext } from '../job-context';
import { throttledProgress } from '../job-context';
import type { DetectData } from '../job-data';

/** Work (nodes + edges) per group when the request does not fix the number of groups. */
export const WORK_PER_GROUP = 250_000;
export const MAX_GROUPS = 64;

/** What the finish stage needs from the plan stage; small and JSON-safe (kept in the job's data). */
export interface DetectionPlanRef {
  params: DetectionParams;
  fingerprint: string;
  startedAt: number;
  /** When planning ended: the group stage's wall time (queueing included) runs from here to the finish. */
  plannedAt: number;
  groups: number;
  components: number;
  timingsMs: Record<string, number>;
}

/** The data of one `detect-group` job. */
export interface GroupJobData {
  runKey: string;
  group: DetectGroup;
  params: GroupParams;
}

export interface PlannedGroup {
  data: GroupJobData;
  /** Short hash of the group's content (part of its job id). */
  fingerprint: string;
}

export interface DetectSummary {
  runId: string;
  rings: number;
  flagged: number;
  counts: Record<string, number>;
  modularity: number | null;
  timingsMs: Record<string, number>;
}

function hashOf(parts: Array<ArrayBufferView | string>): string {
  const h = crypto.createHash('sha256');
  for (const p of parts)
    h.update(typeof p === 'string' ? p : new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  return h.digest('hex').slice(0, 16);
}

/** Identifies a projection's content: its accounts (by store key) and weighted edges. */
export function projectionFingerprint(projection: Projection): string {
  return hashOf([
    projection.accounts.keys,
    projection.edges.src,
    projection.edges.dst,
    projection.edges.weight,
  ]);
}

function groupCountFor(projection: Projection, requested: number | undefined): number {
  if (requested !== undefined) return Math.max(1, Math.min(MAX_GROUPS, Math.floor(requested)));
  const work = projection.accounts.count + projection.edges.src.length;
  return Math.max(1, Math.min(MAX_GROUPS, Math.ceil(work / WORK_PER_GROUP)));
}

async function project(
  ctx: JobContext,
  store: GraphStore,
  params: DetectionParams,
): Promise<Projection> {
  const report = throttledProgress(ctx);
  return projectGraph(store, params, {
    onProgress: (stage, fraction) => report(stage, Math.round(fraction * 100), 100),
  });
}

interface Planned {
  plan: DetectionPlanRef;
  groups: PlannedGroup[];
  projection: Projection;
}

async function planWith(ctx: JobContext, store: GraphStore, data: DetectData): Promise<Planned> {
  const params = detectionParams({ seed: data.seed, resolution: data.resolution });
  const startedAt = Date.now();
  const projection = await project(ctx, store, params);
  const projected = Date.now();
  const split = splitComponents(projection, groupCountFor(projection, data.groups));
  const gp = groupParams(params, projection);
  const groups = split.map((group) => ({
    data: { runKey: data.runKey, group, params: gp },
    fingerprint: hashOf([JSON.stringify(group.components.map((c) => c.nodes))]),
  }));
  await ctx.progress({ stage: 'groups', done: 0, total: groups.length });
  const timingsMs = { projection: projected - startedAt, components: Date.now() - projected };
  const components = split.reduce((s, g) => s + g.components.length, 0);
  const fingerprint = projectionFingerprint(projection);
  return {
    plan: {
      params,
      fingerprint,
      startedAt,
      plannedAt: Date.now(),
      groups: groups.length,
      components,
      timingsMs,
    },
    groups,
    projection,
  };
}

async function finishWith(
  ctx: JobContext,
  store: GraphStore,
  plan: DetectionPlanRef,
  results: GroupResult[],
  projection: Projection,
  reprojectionMs: number,
): Promise<DetectSummary> {
  await ctx.progress({ stage: 'scoring', done: 0, total: null });
  const { run, rings } = await finishRun(store, projection, results, plan.params, {
    startedAt: plan.startedAt,
    timingsMs: {
      ...plan.timingsMs,
      louvain: Date.now() - reprojectionMs - plan.plannedAt,
      ...(reprojectionMs > 0 ? { reprojection: reprojectionMs } : {}),
    },
    counts: { components: plan.components, groups: plan.groups },
  });
  await ctx.progress({ stage: 'saved', done: rings.length, total: rings.length });
  return {
    runId: run.runId,
    rings: rings.length,
    flagged: rings.filter((r) => r.flagged).length,
    counts: run.counts,
    modularity: run.modularity,
    timingsMs: run.timingsMs,
  };
}

/** Plan stage: parameters, projection fingerprint and the groups (each the data of one child job). */
export async function planDetection(
  ctx: JobContext,
  data: DetectData,
): Promise<{ plan: DetectionPlanRef; groups: PlannedGroup[] }> {
  const { plan, groups } = await ctx.withStore((store) => planWith(ctx, store, data));
  return { plan, groups };
}

/** Group stage: pure, no store. */
export async function detectGroupJob(ctx: JobContext, data: GroupJobData): Promise<GroupResult> {
  await ctx.progress({ stage: 'communities', done: 0, total: data.group.components.length });
  const result = detectGroup(data.group, data.params);
  await ctx.progress({
    stage: 'communities',
    done: data.group.components.length,
    total: data.group.components.length,
  });
  return result;
}

/**
 * The run an earlier attempt of this job saved before dying, if any: `saveRun` is atomic and the
 * run keeps the plan's start time and parameters, so a retry returns it instead of saving a second
 * run (which lineage would see as a successor of the first).
 */
async function savedByEarlierAttempt(
  store: GraphStore,
  plan: DetectionPlanRef,
): Promise<DetectSummary | null> {
  const latest = await store.latestRun();
  if (
    latest === null ||
    latest.startedAt !== plan.startedAt ||
    latest.seed !== plan.params.seed ||
    latest.resolution !== plan.params.resolution
  ) {
    return null;
  }
  const counts = latest.counts;
  return {
    runId: latest.runId,
    rings: counts.candidates ?? 0,
    flagged: counts.flagged ?? 0,
    counts,
    modularity: latest.modularity,
    timingsMs: latest.timingsMs,
  };
}

/** Finish stage: re-projects (checking the fingerprint), then scores, links and saves the run. */
export async function finishDetection(
  ctx: JobContext,
  plan: DetectionPlanRef,
  results: GroupResult[],
): Promise<DetectSummary> {
  return ctx.withStore(async (store) => {
    const saved = await savedByEarlierAttempt(store, plan);
    if (saved !== null) return saved;
    const t0 = Date.now();
    const projection = await project(ctx, store, plan.params);
    if (projectionFingerprint(projection) !== plan.fingerprint) {
      throw new StoreError('fraud-rings: the store changed while detection ran; planning again', {
        retriable: true,
      });
    }
    return finishWith(ctx, store, plan, results, projection, Date.now() - t0);
  });
}

/** The three stages in one process and one store connection (the in-process runner's detection). */
export async function detectInProcess(ctx: JobContext, data: DetectData): Promise<DetectSummary> {
  return ctx.withStore(async (store) => {
    const { plan, groups, projection } = await planWith(ctx, store, data);
    const results: GroupResult[] = [];
    for (const [i, g] of groups.entries()) {
      results.push(detectGroup(g.data.group, g.data.params));
      await ctx.progress({ stage: 'groups', done: i + 1, total: groups.length });
    }
    return finishWith(ctx, store, plan, results, projection, 0);
  });
}
