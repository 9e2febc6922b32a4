/**
 * The data each job carries, shared by the BullMQ and in-process runners. Only paths, hashes, run
 * keys and parameters: never rows or personal data (job data sits in Redis and in `jobs` output).
 */
export interface IngestFileData {
  runKey: string;
  path: string;
  sha256: string;
}

export interface DetectData {
  runKey: string;
  seed: number;
  resolution: number;
  /** Number of group jobs to split into; default from the projection's size. */
  groups?: number;
  trigger: 'nightly' | 'request';
}

export interface ExportDecidedData {
  runKey: string;
}

/** The scheduler's template: the paths (usually an inbox directory) each nightly ingests. */
export interface NightlyTriggerData {
  paths: string[];
}

/** What an ingest job reports, carried up the flow so detection knows what loaded and what did not. */
export interface IngestOutcome {
  path: string;
  sha256: string;
  jobId: string;
  status: 'loaded' | 'failed';
  /** The ingest report (per-file counts) when loaded. */
  report?: unknown;
  /** `CODE: message` when failed. */
  reason?: string;
}

export interface IngestFileResult {
  /** Outcomes of this file and of every file loaded before it in the same nightly, in load order. */
  inputs: IngestOutcome[];
}
