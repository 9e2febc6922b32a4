import fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import type { InputFile } from './input-files';

const CHUNK_BYTES = 1 << 20;

/**
 * Reads an input file as decoded UTF-8 text chunks (gunzipped for `.gz`), one chunk at a time:
 * the file is never held in memory. `bytesRead()` counts bytes of the file itself (compressed
 * bytes for `.gz`), for progress against its size.
 */
export function openInputText(file: InputFile): {
  chunks: AsyncIterable<string>;
  bytesRead: () => number;
  totalBytes: number;
} {
  const raw = fs.createReadStream(file.path, { highWaterMark: CHUNK_BYTES });
  const totalBytes = fs.statSync(file.path).size;
  const source: NodeJS.ReadableStream = file.gzip
    ? raw.pipe(zlib.createGunzip({ chunkSize: CHUNK_BYTES }))
    : raw;
  if (file.gzip) raw.on('error', (err) => (source as zlib.Gunzip).destroy(err));
  async function* decode(): AsyncIterable<string> {
    const decoder = new StringDecoder('utf8');
    try {
      for await (const chunk of source) {
        const text = decoder.write(chunk as Buffer);
        if (text.length > 0) yield text;
      }
      const rest = decoder.end();
      if (rest.length > 0) yield rest;
    } finally {
      raw.destroy();
    }
  }
  return { chunks: decode(), bytesRead: () => raw.bytesRead, totalBytes };
}
