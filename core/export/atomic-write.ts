import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `body` to `file` so that a reader sees either the old file or the whole new one, never a
 * part: the bytes go to a temporary file in the same directory (same file system, so the rename
 * is atomic), are flushed to disk, then renamed over the target. The temporary file is removed if
 * anything fails.
 */
export async function writeFileAtomic(file: string, body: string): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`,
  );
  try {
    const handle = await fs.open(temp, 'wx', 0o640);
    try {
      await handle.writeFile(body, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(temp, file);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}
