/** Opaque keyset cursors: the last item's sort values, base64url JSON. */
import { InvalidInputError } from '../../errors';

export function encodeCursor(values: Array<string | number>): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

/** Decodes a cursor of the given shape; anything else is bad input (`code`). */
export function decodeCursor(
  cursor: string,
  shape: Array<'number' | 'string'>,
  code: string,
): Array<string | number> {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === shape.length && v.every((x, i) => typeof x === shape[i]))
      return v as Array<string | number>;
  } catch {
    // fall through to the typed error
  }
  throw new InvalidInputError(code, 'fraud-rings: the cursor is not one this API returned');
}
