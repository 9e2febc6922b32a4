/**
 * The job runner port: how the API, the CLI and the demo put work on the nightly pipeline and read
 * it back, without knowing whether Redis is there. `createJobRunner(config)` returns the BullMQ
 * runner when `REDIS_URL` is set and the in-process runner otherwise; both honour the same contract:
 *
 * - ids are derived from content (file sha256, run date, detection parameters), so enqueuing the
 *   same work twice returns the existing job instead of doing the work again;
 * - `getJob` / `listJobs` return plain JSON-safe `JobView`s (the API serves them as they are);
 * - failures keep a readable `failedReason` (`CODE: message`), and bad input is never retried.
 */
import type { Config } from '../core/config';
import type { GraphStore } from '../core/store/port';

/** The three queues of the pipeline (their names in Redis, under `config.queuePrefix`). */
export const QUEUE_NAMES = ['ingest', 'detect', 'export'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/**
 * Job names. `nightly` is the scheduler's trigger (it expands its paths and adds the nightly flow);
 * `detect-group` is one child of a split detection run.
 */
export const JOB_NAMES = [
  'nightly',
  'ingest-file',
  'detect',
  'detect-group',
  'export-decided',
] as const;
export type JobName = (typeof JOB_NAMES)[number];

export const JOB_STATES = [
  'waiting',
  'waiting-children',
  'delayed',
  'prioritized',
  'active',
  'completed',
  'failed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

/** What `updateProgress` carries: a stage name and a count within it (`total` null when unknown). */
export interface JobProgress {
  stage: string;
  done: number;
  total: number | null;
}

/** One job as clients see it. Times are epoch milliseconds. */
export interface JobView {
  id: string;
  name: JobName;
  queue: QueueName;
  state: JobState | 'unknown';
  progress: JobProgress | null;
  /** The processor's JSON result once completed (e.g. an ingest report or a run summary). */
  result: unknown;
  /** `CODE: message` of the last failure, or null. */
  failedReason: string | null;
  attemptsMade: number;
  /** The job this one feeds (ingest → detect → export in the nightly flow), or null. */
  parentId: string | null;
  /** What the job was asked to do (paths, run date, parameters); never personal data. */
  data: Record<string, unknown>;
  timestamps: { created: number; started: number | null; finished: number | null };
}

export interface DetectRequest {
  seed?: number;
  resolution?: number;
  /** Split into this many group jobs (1..64); default from the size of the projection. */
  groups?: number;
  /**
   * Makes the job id content-derived (`detect-<key>`): a second request with the same key returns
   * the first job whatever its state. Without a key, a request is dropped only while an identical
   * one (same parameters) is still waiting or running, so "detect again" after new data works.
   */
  key?: string;
}

export interface NightlyRequest {
  /** Run date `YYYY-MM-DD`; default today in `config.nightlyTimeZone`. Part of every job id. */
  runDate?: string;
  /** Split detection into this many group jobs (1..64); default from the size of the projection. */
  detectGroups?: number;
}

/** The jobs of one nightly flow: `export` (root) ← `detect` ← one `ingest-file` per input file. */
export interface NightlyEnqueued {
  runKey: string;
  runDate: string;
  /** True when every job already existed (the same nightly was enqueued before). */
  duplicate: boolean;
  root: JobView;
  jobs: JobView[];
}

export interface ListJobsQuery {
  /** Most recent first; default 50, at most 1000. */
  limit?: number;
  state?: JobState;
}

export interface JobRunner {
  readonly kind: 'bullmq' | 'in-process';
  /**
   * Ingests each file (directories expand to their `users*`, `devices*`, `payments*` files), then
   * detects, then exports newly decided cases. Throws `InvalidInputError` (code `PATH_NOT_FOUND`)
   * when a path does not exist, before anything is enqueued.
   */
  enqueueNightly(paths: string[], request?: NightlyRequest): Promise<NightlyEnqueued>;
  /** One detection run over the whole store (split into group jobs when run by BullMQ workers). */
  enqueueDetect(request?: DetectRequest): Promise<JobView>;
  listJobs(query?: ListJobsQuery): Promise<JobView[]>;
  getJob(id: string): Promise<JobView | null>;
  /** Stops accepting work and releases connections (the in-process runner waits for running jobs). */
  close(): Promise<void>;
}

export interface JobRunnerOptions {
  /**
   * In-process only: the caller's store (e.g. the API server's), used by jobs when a second
   * connection would not see the same data (`:memory:` SQLite) or would cost a driver (Neo4j). A
   * file-backed SQLite store always gets a connection per job instead: a load's transaction or a
   * projection's open read on the caller's connection would catch the caller's own writes.
   */
  store?: GraphStore;
}

/**
 * Returns the BullMQ runner when `config.redisUrl` is set, the in-process runner otherwise.
 * Implementations are loaded on demand; the in-process runner never connects to Redis.
 */
export function createJobRunner(config: Config, options: JobRunnerOptions = {}): JobRunner {
  if (config.redisUrl !== null) {
    const { BullmqJobRunner } =
      require('./bullmq-job-runner') as typeof import('./bullmq-job-runner');
    return new BullmqJobRunner(config);
  }
  const { InProcessRunner } =
    require('./in-process-runner') as typeof import('./in-process-runner');
  return new InProcessRunner(config, options);
}
