import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';

const CHUNK_BYTES = 1 << 20;

/** Quotes a CSV field only when RFC 4180 requires it (comma, quote, CR or LF). */
export function csvField(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) return `"${value.replace(/"/g, '""')}"`;
  }
  return value;
}

/**
 * A CSV file written in 1 MiB chunks with the stream's backpressure respected. Rows are encoded
 * synchronously into a buffer (cheap in hot loops, and short-lived strings keep the garbage
 * collector on its fast path); a full buffer is handed to the stream, and `flushIfFull()`,
 * awaited between units of work, waits for the stream to drain, so memory stays bounded
 * however many rows are written.
 */
export class CsvWriter {
  private buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private count = 0;
  private drained: Promise<unknown> | null = null;

  private constructor(
    readonly path: string,
    private readonly stream: WriteStream,
  ) {}

  static open(path: string, header: readonly string[]): CsvWriter {
    const writer = new CsvWriter(path, createWriteStream(path));
    writer.append(`${header.join(',')}\n`);
    return writer;
  }

  /** Data rows written so far (the header is not counted). */
  get rows(): number {
    return this.count;
  }

  /** Appends one row; `line` must already be CSV-encoded, without the line end. */
  line(line: string): void {
    this.append(line);
    this.append('\n');
    this.count++;
  }

  private append(text: string): void {
    if (this.used + text.length * 3 > CHUNK_BYTES) {
      this.handOver();
      if (text.length * 3 > CHUNK_BYTES) {
        if (!this.stream.write(text, 'utf8')) this.awaitDrain();
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
  }

  private handOver(): void {
    if (this.used === 0) return;
    if (!this.stream.write(this.buffer.subarray(0, this.used))) this.awaitDrain();
    this.buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
  }

  /** Listens for 'drain' as soon as the stream asks for it, so the event cannot be missed. */
  private awaitDrain(): void {
    if (this.drained) return;
    const drained = once(this.stream, 'drain');
    drained.catch(() => undefined);
    this.drained = drained;
  }

  /** Waits for the stream to drain if a handed-over chunk filled its buffer. */
  async flushIfFull(): Promise<void> {
    const drained = this.drained;
    if (!drained) return;
    this.drained = null;
    await drained;
  }

  async close(): Promise<void> {
    await this.flushIfFull();
    this.handOver();
    this.stream.end();
    await once(this.stream, 'finish');
  }

  /** Closes the file without waiting, after a failure elsewhere. */
  destroy(): void {
    this.stream.destroy();
  }
}
