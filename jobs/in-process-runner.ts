/**
 * The `JobRunner` without Redis: the same processors as the BullMQ workers, run one job at a time
 * in this process (the embedded default has one SQLite writer anyway). Job records live in memory
 * for the life of the process, with the same ids, states, progress, retries and failure reasons
 * as on BullMQ, so the API and the demo behave the same with or without Redis.
 */
import fs from 'node:fs';
import type { Config } from '../core/config';
import { ConflictError } from '../core/errors';
import { createLogger, type Logger } from '../core/logger';
import { openStore } from '../core/store/open-store';
import { detectJobPlan, validGroups } from './detect-request';
import { describeInputs, type InputFile } from './input-files';
import type { JobContext } from './job-context';
import type { DetectData, ExportDecidedData, IngestFileData, IngestOutcome } from './job-data';
import { failureReason, RETRY, shouldRetry } from './job-failure';
import { assertRunDate, ids, nightlyRunKey, runDateIn } from './job-ids';
import type {
  DetectRequest,
  JobName,
  JobRunner,
  JobRunnerOptions,
  JobView,
  ListJobsQuery,
  NightlyEnqueued,
  NightlyRequest,
  QueueName,
} from './job-runner';
import { summariseData } from './job-view';
import { detectInProcess } from './processors/detect-stages';
import { exportDecided } from './processors/export-decided';
import { ingestFile } from './processors/ingest-file';

interface Entry {
  view: JobView;
  dedupeKey: string | null;
}

export interface InProcessOptions extends JobRunnerOptions {
  logger?: Logger;
  /** First retry delay (doubles each attempt); default the BullMQ policy's 1 s. */
  retryDelayMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Finished jobs kept for reading; older ones are forgotten (a long-running server stays bounded). */
export const KEEP_FINISHED = 1000;

export class InProcessRunner implements JobRunner {
  readonly kind = 'in-process' as const;
  private readonly entries = new Map<string, Entry>();
  private tail: Promise<void> = Promise.resolve();
  private closed = false;
  private readonly logger: Logger;

  constructor(
    private readonly config: Config,
    private readonly options: InProcessOptions = {},
  ) {
    this.logger = options.logger ?? createLogger(config.logLevel, { role: 'jobs' });
  }

  async enqueueNightly(paths: string[], request: NightlyRequest = {}): Promise<NightlyEnqueued> {
    this.assertOpen();
    const inputs = await describeInputs(paths);
    const runDate =
      request.runDate === undefined
        ? runDateIn(this.config.nightlyTimeZone)
        : assertRunDate(request.runDate);
    const runKey = nightlyRunKey(
      runDate,
      inputs.map((i) => i.sha256),
    );
    const rootId = ids.export(runKey);
    const jobIds = [rootId, ids.detect(runKey), ...inputs.map((i) => ids.ingest(runKey, i.sha256))];
    const duplicate = this.entries.has(rootId);
    if (!duplicate) this.addNightly(runKey, inputs, validGroups(request.detectGroups));
    const jobs = jobIds.map((id) => this.snapshot(id)).filter((v): v is JobView => v !== null);
    return { runKey, runDate, duplicate, root: jobs[0], jobs };
  }

  async enqueueDetect(request: DetectRequest = {}): Promise<JobView> {
    this.assertOpen();
    const plan = detectJobPlan(this.config, request);
    const existing =
      plan.dedupeKey === null
        ? this.entries.get(plan.jobId)
        : [...this.entries.values()].find(
            (e) =>
              e.dedupeKey === plan.dedupeKey &&
              ['waiting', 'active', 'delayed'].includes(e.view.state),
          );
    if (existing) return structuredClone(existing.view);
    const entry = this.add(plan.jobId, 'detect', 'detect', plan.data, null, plan.dedupeKey);
    this.schedule(async () => {
      await this.execute(entry, (ctx) => detectInProcess(ctx, plan.data));
    });
    return structuredClone(entry.view);
  }

  async listJobs(query: ListJobsQuery = {}): Promise<JobView[]> {
    const limit = Math.min(Math.max(query.limit ?? 50, 1), 1000);
    return [...this.entries.values()]
      .map((e) => e.view)
      .filter((v) => query.state === undefined || v.state === query.state)
      .sort((a, b) => b.timestamps.created - a.timestamps.created || b.id.localeCompare(a.id))
      .slice(0, limit)
      .map((v) => structuredClone(v));
  }

  async getJob(id: string): Promise<JobView | null> {
    return this.snapshot(id);
  }

  /** Stops accepting work and waits until every job enqueued so far has finished. */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }

  private assertOpen(): void {
    if (this.closed)
      throw new ConflictError('JOB_RUNNER_CLOSED', 'fraud-rings: the job runner is shutting down');
  }

  private snapshot(id: string): JobView | null {
    const entry = this.entries.get(id);
    return entry ? structuredClone(entry.view) : null;
  }

  private add(
    id: string,
    name: JobName,
    queue: QueueName,
    data: object,
    parentId: string | null,
    dedupeKey: string | null = null,
  ): Entry {
    const view: JobView = {
      id,
      name,
      queue,
      state: 'waiting',
      progress: null,
      result: null,
      failedReason: null,
      attemptsMade: 0,
      parentId,
      data: summariseData(data),
      timestamps: { created: Date.now(), started: null, finished: null },
    };
    const entry = { view, dedupeKey };
    this.entries.set(id, entry);
    this.forgetOldFinished();
    return entry;
  }

  /** The nightly flow, run in order: each file, then detection (with what loaded), then the export. */
  private addNightly(runKey: string, inputs: InputFile[], groups: number | undefined): void {
    const exportData: ExportDecidedData = { runKey };
    const detectData: DetectData = {
      runKey,
      seed: this.config.detectSeed,
      resolution: this.config.detectResolution,
      trigger: 'nightly',
      ...(groups === undefined ? {} : { groups }),
    };
    const root = this.add(ids.export(runKey), 'export-decided', 'export', exportData, null);
    const detect = this.add(ids.detect(runKey), 'detect', 'detect', detectData, root.view.id);
    root.view.state = 'waiting-children';
    detect.view.state = 'waiting-children';
    const ingests = inputs.map((file) => {
      const data: IngestFileData = { runKey, path: file.path, sha256: file.sha256 };
      return {
        data,
        entry: this.add(
          ids.ingest(runKey, file.sha256),
          'ingest-file',
          'ingest',
          data,
          detect.view.id,
        ),
      };
    });
    this.schedule(async () => {
      const outcomes: IngestOutcome[] = [];
      for (const { data, entry } of ingests) {
        const outcome = await this.execute(entry, (ctx) => ingestFile(ctx, data));
        const base = { path: data.path, sha256: data.sha256, jobId: entry.view.id };
        outcomes.push(
          outcome.ok
            ? { ...base, status: 'loaded', report: outcome.result }
            : { ...base, status: 'failed', reason: outcome.reason },
        );
      }
      detect.view.state = 'waiting';
      const detected = await this.execute(detect, async (ctx) => ({
        ...(await detectInProcess(ctx, detectData)),
        inputs: outcomes,
      }));
      if (!detected.ok) {
        this.finish(root, 'failed', null, `child ${detect.view.id} failed: ${detected.reason}`);
        return;
      }
      root.view.state = 'waiting';
      await this.execute(root, (ctx) => exportDecided(ctx, exportData));
    });
  }

  private forgetOldFinished(): void {
    const finished = [...this.entries.values()].filter(
      (e) => e.view.state === 'completed' || e.view.state === 'failed',
    );
    for (const e of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED)))
      this.entries.delete(e.view.id);
  }

  private schedule(task: () => Promise<void>): void {
    this.tail = this.tail
      .then(task)
      .catch((err: unknown) => this.logger.error({ err }, 'in-process job runner task crashed'));
  }

  private context(entry: Entry): JobContext {
    const ownConnection = this.config.store === 'sqlite' && fs.existsSync(this.config.dbPath);
    const store = ownConnection ? undefined : this.options.store;
    return {
      id: entry.view.id,
      config: this.config,
      logger: this.logger.child({ job: entry.view.id }),
      withStore: async (fn) => {
        if (store) return fn(store);
        const opened = await openStore(this.config);
        try {
          return await fn(opened);
        } finally {
          await opened.close();
        }
      },
      progress: async (p) => {
        entry.view.progress = p;
      },
    };
  }

  private finish(
    entry: Entry,
    state: 'completed' | 'failed',
    result: unknown,
    reason: string | null,
  ): void {
    entry.view.state = state;
    entry.view.result = result ?? null;
    entry.view.failedReason = reason;
    entry.view.timestamps.finished = Date.now();
  }

  /** Runs one job with BullMQ's retry policy; the job's view records the outcome. Never throws. */
  private async execute<T>(
    entry: Entry,
    fn: (ctx: JobContext) => Promise<T>,
  ): Promise<{ ok: true; result: T } | { ok: false; reason: string }> {
    const ctx = this.context(entry);
    const firstDelay = this.options.retryDelayMs ?? RETRY.backoff.delay;
    for (;;) {
      entry.view.state = 'active';
      entry.view.timestamps.started ??= Date.now();
      try {
        const result = await fn(ctx);
        entry.view.attemptsMade += 1;
        this.finish(entry, 'completed', result, null);
        return { ok: true, result };
      } catch (err) {
        entry.view.attemptsMade += 1;
        const reason = failureReason(err);
        if (!shouldRetry(err) || entry.view.attemptsMade >= RETRY.attempts) {
          ctx.logger.warn({ reason, attempts: entry.view.attemptsMade }, 'job failed');
          this.finish(entry, 'failed', null, reason);
          return { ok: false, reason };
        }
        entry.view.state = 'delayed';
        entry.view.failedReason = reason;
        await sleep(firstDelay * 2 ** (entry.view.attemptsMade - 1));
      }
    }
  }
}
