import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../../core/errors';
import type { IngestFileReport } from '../../core/ingest/ingest-report';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import type { JobContext } from '../job-context';
import { throttledProgress } from '../job-context';
import type { IngestFileData } from '../job-data';
import { fileSha256 } from '../job-ids';

/**
 * Loads one input file. The job is named after the file's content, so the file must still have
 * it: a file that vanished or changed since it was enqueued fails at once (bad input, no retry),
 * as does a file rolled back for too many rejected rows. The load is atomic per file and
 * idempotent, so a retry after a crash leaves each row once. Rejects files go beside the store.
 */
export async function ingestFile(ctx: JobContext, data: IngestFileData): Promise<IngestFileReport> {
  if (!fs.existsSync(data.path)) {
    throw new InvalidInputError('INPUT_MISSING', `fraud-rings: ${data.path} no longer exists`);
  }
  if ((await fileSha256(data.path)) !== data.sha256) {
    throw new InvalidInputError(
      'INPUT_CHANGED',
      `fraud-rings: ${data.path} changed since it was enqueued; enqueue it again`,
    );
  }
  const report = throttledProgress(ctx);
  const result = await ctx.withStore((store) =>
    ingestPaths(store, [data.path], {
      rejectsDir: path.dirname(ctx.config.dbPath),
      onProgress: (p) => report('ingest', p.bytes, p.totalBytes),
    }),
  );
  const file = result.files[0];
  if (file === undefined)
    throw new InvalidInputError('NO_INPUT', `fraud-rings: ${data.path} is not an input file`);
  if (!file.loaded) {
    throw new InvalidInputError(
      'INPUT_REJECTED',
      `fraud-rings: ${path.basename(data.path)} not loaded: ${file.reason ?? 'rolled back'}`,
      { rejectsFile: file.rejectsFile },
    );
  }
  return file;
}
