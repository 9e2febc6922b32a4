/**
 * The BullMQ processor of each queue: builds a `JobContext` around the job, calls the shared
 * processor of its name, translates failures (bad input → `UnrecoverableError`, see job-failure)
 * and hands the job back on shutdown (see hand-back). Detection runs as a BullMQ "step job":
 * plan (project and split into groups) → one `detect-group` child per group, taken by any worker
 * → finish (merge, score, save) once every child is done.
 */
import { UnrecoverableError, WaitingChildrenError, type Job, type Processor } from 'bullmq';
import type { Config } from '../core/config';
import type { GroupResult } from '../core/detect/groups';
import { StoreError } from '../core/errors';
import type { Logger } from '../core/logger';
import type { GraphStore } from '../core/store/port';
import { enqueueNightlyFlow } from './enqueue-nightly-flow';
import { runOrHandBack } from './hand-back';
import type { JobContext } from './job-context';
import type {
  DetectData,
  ExportDecidedData,
  IngestFileData,
  IngestFileResult,
  IngestOutcome,
  NightlyTriggerData,
} from './job-data';
import { failureReason, toProcessorError } from './job-failure';
import { ids } from './job-ids';
import type { QueueName } from './job-runner';
import { JOB_DEFAULTS, type QueueSet } from './queue-set';
import { ingestFile } from './processors/ingest-file';
import {
  detectGroupJob,
  finishDetection,
  planDetection,
  type DetectionPlanRef,
  type GroupJobData,
} from './processors/detect-stages';
import { exportDecided } from './processors/export-decided';

export interface ProcessorDeps {
  config: Config;
  logger: Logger;
  /** Where the nightly trigger adds flows and detection adds its group jobs. */
  queues: QueueSet;
  openStore(): Promise<GraphStore>;
}

interface DetectStepData extends DetectData {
  step?: 'finish';
  plan?: DetectionPlanRef;
  groupIds?: string[];
  inputs?: IngestOutcome[];
}

/** A job handed back (see hand-back) must not touch the store again from this worker. */
function assertNotHandedBack(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new Error('job was handed back to its queue');
}

function contextFor(job: Job, deps: ProcessorDeps, signal: AbortSignal | undefined): JobContext {
  return {
    id: job.id ?? '',
    config: deps.config,
    logger: deps.logger.child({ job: job.id, name: job.name }),
    async withStore(fn) {
      assertNotHandedBack(signal);
      const store = await deps.openStore();
      try {
        assertNotHandedBack(signal);
        return await fn(store);
      } finally {
        await store.close();
      }
    },
    progress: async (p) => {
      if (!signal?.aborted) await job.updateProgress(p);
    },
  };
}

/**
 * The outcomes of the earlier files of the ingest chain, in load order: a completed child's result
 * lists its own and everything before it; a failed child (ignored, so the night goes on) has no
 * result, so what came before it is read from its own children.
 */
async function earlierInputs(job: Job, queues: QueueSet): Promise<IngestOutcome[]> {
  const loaded = Object.values(
    await job.getChildrenValues<Partial<IngestFileResult> | null>(),
  ).flatMap((v) => v?.inputs ?? []);
  const failed: IngestOutcome[] = [];
  for (const [key, reason] of Object.entries(await job.getIgnoredChildrenFailures())) {
    const jobId = jobIdOfKey(key);
    const child = await queues.queue('ingest').getJob(jobId);
    const data = (child?.data ?? {}) as Partial<IngestFileData>;
    if (child) failed.push(...(await earlierInputs(child, queues)));
    failed.push({
      path: data.path ?? '',
      sha256: data.sha256 ?? '',
      jobId,
      status: 'failed',
      reason,
    });
  }
  return [...failed, ...loaded];
}

/** `prefix:queue:id` (how BullMQ names a child) → `id`. */
function jobIdOfKey(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

async function processIngest(
  job: Job<IngestFileData>,
  ctx: JobContext,
  deps: ProcessorDeps,
): Promise<IngestFileResult> {
  const earlier = await earlierInputs(job, deps.queues);
  const report = await ingestFile(ctx, job.data);
  return {
    inputs: [
      ...earlier,
      { path: job.data.path, sha256: job.data.sha256, jobId: ctx.id, status: 'loaded', report },
    ],
  };
}

async function processDetect(
  job: Job<DetectStepData>,
  token: string | undefined,
  ctx: JobContext,
  deps: ProcessorDeps,
): Promise<unknown> {
  if (job.data.step !== 'finish') {
    const inputs = await earlierInputs(job, deps.queues);
    const { plan, groups } = await planDetection(ctx, job.data);
    const groupIds = groups.map((g, i) => ids.detectGroup(ctx.id, i, g.fingerprint));
    await deps.queues.queue('detect').addBulk(
      groups.map((g, i) => ({
        name: 'detect-group',
        data: g.data,
        opts: {
          ...JOB_DEFAULTS,
          jobId: groupIds[i],
          parent: { id: ctx.id, queue: job.queueQualifiedName },
          failParentOnFailure: true,
        },
      })),
    );
    await job.updateData({ ...job.data, step: 'finish', plan, groupIds, inputs });
    if (token === undefined) throw new Error('a detect job needs its worker lock token');
    if (await job.moveToWaitingChildren(token)) throw new WaitingChildrenError();
  }
  const data = job.data;
  try {
    const values = await job.getChildrenValues<GroupResult>();
    const byId = new Map(Object.entries(values).map(([key, v]) => [jobIdOfKey(key), v]));
    const results = (data.groupIds ?? []).map((id) => {
      const result = byId.get(id);
      if (result === undefined)
        throw new StoreError(`fraud-rings: detection group ${id} has no result`, {
          retriable: true,
        });
      return result;
    });
    if (data.plan === undefined)
      throw new StoreError('fraud-rings: detection plan missing from the job', { retriable: true });
    const summary = await finishDetection(ctx, data.plan, results);
    return { ...summary, inputs: data.inputs ?? [] };
  } catch (err) {
    // Whatever went wrong after planning, the next attempt plans again (unchanged groups keep their ids and results).
    await job.updateData({
      runKey: data.runKey,
      seed: data.seed,
      resolution: data.resolution,
      groups: data.groups,
      trigger: data.trigger,
    });
    throw err;
  }
}

/** The processor of one queue, dispatching on the job's name. */
export function processorFor(queue: QueueName, deps: ProcessorDeps): Processor {
  return async (job: Job, token?: string, signal?: AbortSignal) => {
    const ctx = contextFor(job, deps, signal);
    const run = async (): Promise<unknown> => {
      switch (job.name) {
        case 'ingest-file':
          return processIngest(job as Job<IngestFileData>, ctx, deps);
        case 'nightly': {
          const paths = (job.data as NightlyTriggerData).paths;
          const night = await enqueueNightlyFlow(deps.queues, deps.config, paths);
          return {
            runKey: night.runKey,
            runDate: night.runDate,
            duplicate: night.duplicate,
            jobIds: night.jobs.map((j) => j.id),
          };
        }
        case 'detect':
          return processDetect(job as Job<DetectStepData>, token, ctx, deps);
        case 'detect-group':
          return detectGroupJob(ctx, job.data as GroupJobData);
        case 'export-decided':
          return exportDecided(ctx, job.data as ExportDecidedData);
        default:
          throw new UnrecoverableError(
            `UNKNOWN_JOB: queue ${queue} has no processor for '${job.name}'`,
          );
      }
    };
    try {
      return await runOrHandBack(job, token, signal, run());
    } catch (err) {
      const out = toProcessorError(err);
      if (out.name !== 'WaitingChildrenError' && out.name !== 'WaitingError') {
        ctx.logger.warn(
          { attempt: job.attemptsMade + 1, reason: failureReason(err) },
          'job attempt failed',
        );
      }
      throw out;
    }
  };
}
