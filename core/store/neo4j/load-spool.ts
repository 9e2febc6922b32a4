/**
 * A load's rows held on disk until the load's function has finished. The Neo4j adapter makes
 * `load(fn)` atomic by validating-then-writing: nothing reaches the database while `fn` runs, so
 * a throw (the reject-rate roll-back) leaves Neo4j untouched, and memory stays flat however
 * large the file is. Rows are replayed in the order they were written, grouped into batches of
 * one kind.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { AccountInput, PaymentInput, SightingInput } from '../../types';

export type SpooledBatch =
  | { kind: 'accounts'; rows: AccountInput[] }
  | { kind: 'sightings'; rows: SightingInput[] }
  | { kind: 'payments'; rows: PaymentInput[] };

type Kind = SpooledBatch['kind'];

export class LoadSpool {
  readonly file: string;
  private readonly fd: number;
  private rowCount = 0;

  constructor(dir = os.tmpdir()) {
    const folder = fs.mkdtempSync(path.join(dir, 'fraud-rings-load-'));
    this.file = path.join(folder, 'rows.ndjson');
    this.fd = fs.openSync(this.file, 'a');
  }

  get rows(): number {
    return this.rowCount;
  }

  append(kind: Kind, rows: ReadonlyArray<AccountInput | SightingInput | PaymentInput>): void {
    if (rows.length === 0) return;
    const lines = rows.map((r) => JSON.stringify([kind, r])).join('\n') + '\n';
    fs.writeSync(this.fd, lines);
    this.rowCount += rows.length;
  }

  /** Replays the rows in order, in batches of at most `size` rows of one kind. */
  async *batches(size: number): AsyncGenerator<SpooledBatch> {
    fs.fsyncSync(this.fd);
    const lines = readline.createInterface({
      input: fs.createReadStream(this.file, 'utf8'),
      crlfDelay: Infinity,
    });
    let kind: Kind | null = null;
    let rows: unknown[] = [];
    for await (const line of lines) {
      if (line.length === 0) continue;
      const [k, row] = JSON.parse(line) as [Kind, unknown];
      if ((k !== kind && rows.length > 0) || rows.length >= size) {
        yield { kind, rows } as SpooledBatch;
        rows = [];
      }
      kind = k;
      rows.push(row);
    }
    if (rows.length > 0) yield { kind, rows } as SpooledBatch;
  }

  dispose(): void {
    try {
      fs.closeSync(this.fd);
    } catch {
      // already closed
    }
    fs.rmSync(path.dirname(this.file), { recursive: true, force: true });
  }
}
