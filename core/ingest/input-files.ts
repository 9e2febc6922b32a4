import fs from 'node:fs';
import path from 'node:path';
import { InvalidInputError } from '../errors';
import { ENTITIES, type Entity } from './ingest-report';

export type InputFormat = 'csv' | 'ndjson';

export interface InputFile {
  path: string;
  entity: Entity;
  format: InputFormat;
  gzip: boolean;
}

const PATTERN = /^(users|devices|payments)[^/\\]*?\.(csv|ndjson|jsonl)(\.gz)?$/i;
const SUFFIX = /\.(csv|ndjson|jsonl)(\.gz)?$/i;

/** Entity, format and compression named by a file name, or null for a name ingest does not read. */
export function classifyFile(file: string): InputFile | null {
  const base = path.basename(file);
  const m = PATTERN.exec(base);
  if (!m) return null;
  const suffix = SUFFIX.exec(base)!;
  return {
    path: file,
    entity: m[1]!.toLowerCase() as Entity,
    format: suffix[1]!.toLowerCase() === 'csv' ? 'csv' : 'ndjson',
    gzip: suffix[2] !== undefined,
  };
}

/**
 * Expands the ingest arguments into the files to load, users first, then devices, then payments
 * (so that payments find their accounts), each group in name order. A directory contributes
 * every `users*`, `devices*` and `payments*` file with a `.csv`, `.ndjson` or `.jsonl` suffix
 * (optionally `.gz`) directly inside it; `*.rejects.csv` files are never inputs. A file given
 * by name must have such a name. Throws `INPUT_NOT_FOUND` / `INPUT_UNKNOWN_KIND` (exit 2).
 */
export function resolveInputs(paths: string[]): InputFile[] {
  const found: InputFile[] = [];
  for (const p of paths) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      throw new InvalidInputError(
        'INPUT_NOT_FOUND',
        `fraud-rings: ${p}: no such file or directory`,
        { path: p },
      );
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (name.endsWith('.rejects.csv')) continue;
        const file = classifyFile(path.join(p, name));
        if (file && fs.statSync(file.path).isFile()) found.push(file);
      }
      continue;
    }
    const file = classifyFile(p);
    if (!file || p.endsWith('.rejects.csv')) {
      throw new InvalidInputError(
        'INPUT_UNKNOWN_KIND',
        `fraud-rings: ${p}: name must start with users, devices or payments and end in .csv, .ndjson or .jsonl (optionally .gz)`,
        { path: p },
      );
    }
    found.push(file);
  }
  const unique = new Map<string, InputFile>();
  for (const f of found) if (!unique.has(path.resolve(f.path))) unique.set(path.resolve(f.path), f);
  return [...unique.values()].sort(
    (a, b) =>
      ENTITIES.indexOf(a.entity) - ENTITIES.indexOf(b.entity) ||
      (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
}
