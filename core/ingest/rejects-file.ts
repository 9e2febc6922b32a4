import fs from 'node:fs';
import { dirname } from 'node:path';

const FLUSH_AT = 1 << 16;

/** A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * Makes a cell safe to open in a spreadsheet: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return would run as a formula (CSV injection), so it gets a leading apostrophe. Only
 * the rejects file is escaped; the store keeps values exactly as typed.
 */
export function formulaSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/**
 * The `<input name>.rejects.csv` of one input file, columns `line,reason,raw`. Created on the
 * first reject (a file without rejects leaves none, and a stale one from an earlier run is
 * removed), written in 64 KiB appends so that memory stays flat however many rows are rejected.
 */
export class RejectsFile {
  private fd: number | null = null;
  private pending = '';
  private count = 0;

  constructor(readonly path: string) {
    fs.rmSync(path, { force: true });
  }

  add(line: number, reason: string, raw: string): void {
    if (this.fd === null) {
      fs.mkdirSync(dirname(this.path), { recursive: true });
      this.fd = fs.openSync(this.path, 'w');
      this.pending = 'line,reason,raw\n';
    }
    this.count++;
    this.pending += `${line},${csvField(formulaSafe(reason))},${csvField(formulaSafe(raw))}\n`;
    if (this.pending.length >= FLUSH_AT) this.flush();
  }

  /** Writes what is pending and closes; returns the file's path, or null when nothing was rejected. */
  close(): string | null {
    if (this.fd === null) return null;
    this.flush();
    fs.closeSync(this.fd);
    this.fd = null;
    return this.count > 0 ? this.path : null;
  }

  private flush(): void {
    if (this.fd !== null && this.pending.length > 0) fs.writeSync(this.fd, this.pending);
    this.pending = '';
  }
}
