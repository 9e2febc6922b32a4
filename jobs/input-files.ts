/**
 * The files a nightly ingests, one job each: ingest's own reading of the arguments
 * (`resolveInputs`: a directory means its `users*`, `devices*`, `payments*` files; users first,
 * then devices, then payments), each with the sha256 its job id is derived from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../core/errors';
import { resolveInputs } from '../core/ingest/input-files';
import { fileSha256 } from './job-ids';

export interface InputFile {
  path: string;
  sha256: string;
  bytes: number;
}

/** Absolute paths of the files to load, in load order; bad input (no such path, nothing to load) throws. */
export function expandInputPaths(paths: string[]): string[] {
  if (paths.length === 0)
    throw new InvalidInputError('NO_INPUT', 'fraud-rings: give at least one file or directory');
  const files = resolveInputs(paths).map((f) => path.resolve(f.path));
  if (files.length === 0) {
    throw new InvalidInputError(
      'NO_INPUT',
      `fraud-rings: no users*, devices* or payments* file in ${paths.join(', ')}`,
    );
  }
  return files;
}

/**
 * Expands, orders and hashes the inputs of a nightly. Of several files with the same content only
 * the first is kept: one ingest per distinct file.
 */
export async function describeInputs(paths: string[]): Promise<InputFile[]> {
  const files = expandInputPaths(paths);
  const described = await Promise.all(
    files.map(async (f) => ({ path: f, sha256: await fileSha256(f), bytes: fs.statSync(f).size })),
  );
  const seen = new Set<string>();
  return described.filter((f) => {
    if (seen.has(f.sha256)) return false;
    seen.add(f.sha256);
    return true;
  });
}
