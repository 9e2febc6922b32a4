import { InvalidInputError } from '../errors';

/**
 * Why a file cannot be loaded at all when reading it threw `err` (a bad header, a corrupt gzip
 * stream, a file that cannot be opened), or null when `err` is some other failure, which
 * propagates. The file is then rolled back and reported as not loaded with this reason.
 */
export function unreadableReason(err: unknown): string | null {
  if (err instanceof InvalidInputError) return err.message;
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_'))
    return `cannot read the gzip stream (${(err as Error).message})`;
  if (code === 'EACCES' || code === 'EISDIR' || code === 'ENOENT')
    return `cannot read the file (${code})`;
  return null;
}
