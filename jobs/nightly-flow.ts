/**
 * The nightly flow as a BullMQ flow tree: `export-decided` (root) waits for `detect`, which waits
 * for a chain of `ingest-file` jobs (users → devices → payments), each waiting for the previous
 * file. The chain keeps one writer at a time (SQLite has one) and loads accounts before the rows
 * that reference them. A failed ingest does not stop the night (`ignoreDependencyOnFailure`): the
 * next file and detection go on, and the failure stays readable on its job; a failed detection
 * fails the export (`failParentOnFailure`).
 */
import type { FlowJob, FlowJobNode } from 'bullmq';
import type { Config } from '../core/config';
import type { DetectData, ExportDecidedData, IngestFileData } from './job-data';
import { ids, nightlyRunKey } from './job-ids';
import type { InputFile } from './input-files';
import { JOB_DEFAULTS } from './queue-set';

export interface NightlyPlan {
  runKey: string;
  runDate: string;
  flow: FlowJob;
  /** Every job id of the flow: export, detect, then the ingests in load order. */
  jobIds: string[];
}

/** Builds the flow of one nightly; ids depend only on the run date and the files' contents. */
export function nightlyFlow(
  config: Config,
  runDate: string,
  files: InputFile[],
  detectGroups?: number,
): NightlyPlan {
  const runKey = nightlyRunKey(
    runDate,
    files.map((f) => f.sha256),
  );
  let chain: FlowJobNode | undefined;
  const ingestIds: string[] = [];
  for (const file of files) {
    const jobId = ids.ingest(runKey, file.sha256);
    ingestIds.push(jobId);
    const data: IngestFileData = { runKey, path: file.path, sha256: file.sha256 };
    const opts = { ...JOB_DEFAULTS, jobId, ignoreDependencyOnFailure: true };
    chain = chain
      ? { name: 'ingest-file', queueName: 'ingest', data, opts, children: [chain] }
      : { name: 'ingest-file', queueName: 'ingest', data, opts };
  }
  const detectData: DetectData = {
    runKey,
    seed: config.detectSeed,
    resolution: config.detectResolution,
    trigger: 'nightly',
    ...(detectGroups === undefined ? {} : { groups: detectGroups }),
  };
  const detect: FlowJobNode = {
    name: 'detect',
    queueName: 'detect',
    data: detectData,
    opts: { ...JOB_DEFAULTS, jobId: ids.detect(runKey), failParentOnFailure: true },
    children: chain ? [chain] : [],
  };
  const exportData: ExportDecidedData = { runKey };
  const flow: FlowJob = {
    name: 'export-decided',
    queueName: 'export',
    data: exportData,
    opts: { ...JOB_DEFAULTS, jobId: ids.export(runKey) },
    children: [detect],
  };
  return { runKey, runDate, flow, jobIds: [ids.export(runKey), ids.detect(runKey), ...ingestIds] };
}
