/**
 * Content-derived job ids: the same work always gets the same id, and BullMQ (like the in-process
 * runner) ignores an add whose id exists, so enqueuing the same nightly twice does the work once.
 * Ids never contain `:` (BullMQ's key separator) and are never plain integers.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { InvalidInputError } from '../core/errors';

const RUN_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The sha256 (hex) of a file's bytes, streamed so large inputs never sit in memory. */
export async function fileSha256(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Today's date (`YYYY-MM-DD`) in an IANA time zone: the nightly's run date. */
export function runDateIn(timeZone: string, now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

export function assertRunDate(runDate: string): string {
  if (!RUN_DATE.test(runDate) || Number.isNaN(Date.parse(`${runDate}T00:00:00Z`))) {
    throw new InvalidInputError(
      'BAD_RUN_DATE',
      `fraud-rings: run date must be YYYY-MM-DD, got '${runDate}'`,
    );
  }
  return runDate;
}

function shortHash(parts: string[]): string {
  return crypto.createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 16);
}

/**
 * Identifies one nightly: its date and the set of file contents (order and paths do not matter,
 * so the same files delivered under other names are the same run).
 */
export function nightlyRunKey(runDate: string, fileHashes: string[]): string {
  return `${assertRunDate(runDate)}-${shortHash([...fileHashes].sort())}`;
}

export const ids = {
  nightly: (runKey: string) => `nightly-${runKey}`,
  ingest: (runKey: string, sha256: string) => `ingest-${runKey}-${sha256.slice(0, 16)}`,
  detect: (runKey: string) => `detect-${runKey}`,
  /** A group of a detection; the fingerprint of its content makes a re-planned, different group a new job. */
  detectGroup: (detectId: string, group: number, fingerprint: string) =>
    `${detectId}-group-${group}-${fingerprint}`,
  export: (runKey: string) => `export-${runKey}`,
  /** Detection parameters as a key, for ad-hoc detect requests. */
  detectParams: (seed: number, resolution: number) =>
    `detect-params-${shortHash([String(seed), String(resolution)])}`,
  /** An ad-hoc detection's unique id (only its de-duplication key is content-derived). */
  adhocDetect: (paramsKey: string, now: number) =>
    `${paramsKey}-at-${now.toString(36)}-${crypto.randomBytes(3).toString('hex')}`,
  /** A caller-chosen key; restricted so it can be part of a Redis key. */
  keyedDetect: (key: string) => {
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(key)) {
      throw new InvalidInputError(
        'BAD_JOB_KEY',
        'fraud-rings: a job key is 1 to 100 of A-Z a-z 0-9 _ . -',
      );
    }
    return `detect-key-${key}`;
  },
};
