/** The three input files of the data contract, loaded in this order (payments reference accounts). */
export const ENTITIES = ['users', 'devices', 'payments'] as const;
export type Entity = (typeof ENTITIES)[number];

/** What happened to one input file. Always `read = accepted + rejected`. */
export interface IngestFileReport {
  file: string;
  entity: Entity;
  /** Records read after the header (CSV records, NDJSON lines), blank lines included. */
  read: number;
  accepted: number;
  rejected: number;
  /** Path of `<input name>.rejects.csv` (columns line, reason, raw) when a row was rejected. */
  rejectsFile: string | null;
  /** False when the file was rolled back (reject rate above the threshold, or unreadable). */
  loaded: boolean;
  /** Why the file was not loaded. */
  reason?: string;
}

export interface IngestReport {
  files: IngestFileReport[];
}

export interface IngestProgress {
  file: string;
  rows: number;
  /** Bytes of the input file read so far (compressed bytes for `.gz`). */
  bytes: number;
  totalBytes: number;
}

export interface IngestOptions {
  /** A file whose rejected/read is above this is rolled back. Default 0.01. */
  maxRejectRate?: number;
  /** Where `<input name>.rejects.csv` files go. Default: the input file's directory. */
  rejectsDir?: string;
  onProgress?: (p: IngestProgress) => void;
  /**
   * Whether payments files are parsed on a worker thread while the store writes: `auto` (the
   * default) for files of 8 MiB and more on a store that supports it (SQLite). Same result
   * either way; tests and benchmarks pin it.
   */
  parseThread?: ParseThread;
}

export type ParseThread = 'auto' | 'always' | 'never';

export const DEFAULT_MAX_REJECT_RATE = 0.01;
