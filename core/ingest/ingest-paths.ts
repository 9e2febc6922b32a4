import { InvalidInputError } from '../errors';
import type { EntityStore } from '../store/port';
import { ingestFile } from './ingest-file';
import { resolveInputs } from './input-files';
import { DEFAULT_MAX_REJECT_RATE, type IngestOptions, type IngestReport } from './ingest-report';

export type {
  IngestFileReport,
  IngestOptions,
  IngestProgress,
  IngestReport,
  ParseThread,
} from './ingest-report';

/**
 * Loads files and directories into the store, as the data contract says: users, then devices,
 * then payments; each file one atomic, idempotent load; bad rows to `<input name>.rejects.csv`
 * (in `rejectsDir`, default beside the input); a file whose reject rate exceeds `maxRejectRate`
 * (default 0.01) rolled back while the other files still load. Within a file a repeated id is
 * not an error: the later row wins (it updates the entity, as a re-load would).
 *
 * Bad arguments (a missing path, a file name that is not users/devices/payments, a rate outside
 * 0..1) throw `InvalidInputError` before anything is loaded. Callers decide the exit status from
 * the report (`loaded: false` means exit 2 for the command line).
 */
export async function ingestPaths(
  store: EntityStore,
  paths: string[],
  opts: IngestOptions = {},
): Promise<IngestReport> {
  const maxRejectRate = opts.maxRejectRate ?? DEFAULT_MAX_REJECT_RATE;
  if (!(maxRejectRate >= 0 && maxRejectRate <= 1)) {
    throw new InvalidInputError(
      'INVALID_REJECT_RATE',
      'fraud-rings: --max-reject-rate must be a number from 0 to 1',
    );
  }
  if (paths.length === 0)
    throw new InvalidInputError('INPUT_NOT_FOUND', 'fraud-rings: no input path given');
  const inputs = resolveInputs(paths);
  if (inputs.length === 0) {
    throw new InvalidInputError(
      'INPUT_NOT_FOUND',
      `fraud-rings: no users*, devices* or payments* file in ${paths.join(', ')}`,
    );
  }
  const report: IngestReport = { files: [] };
  for (const input of inputs) {
    report.files.push(
      await ingestFile(store, input, {
        maxRejectRate,
        rejectsDir: opts.rejectsDir,
        onProgress: opts.onProgress,
        parseThread: opts.parseThread,
      }),
    );
  }
  return report;
}
