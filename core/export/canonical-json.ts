import { InvalidInputError } from '../errors';

/**
 * Serialises `value` as JSON with object keys in code-point order at every depth and no
 * whitespace, so equal data always gives equal bytes (and an equal hash), whatever order the
 * store returned its rows or its objects' keys in. Array order is kept: it carries meaning.
 *
 * Follows `JSON.stringify` for what it accepts (`undefined` object members are dropped, `toJSON`
 * is honoured) but refuses what would silently change the data: non-finite numbers, bigints,
 * functions and symbols throw `InvalidInputError` (`NOT_CANONICAL`).
 */
export function canonicalJson(value: unknown): string {
  const out = write(value, '$');
  if (out === undefined)
    throw new InvalidInputError('NOT_CANONICAL', 'fraud-rings: nothing to serialise at $');
  return out;
}

function write(value: unknown, at: string): string | undefined {
  if (value === null) return 'null';
  if (
    value !== undefined &&
    typeof value === 'object' &&
    typeof (value as { toJSON?: unknown }).toJSON === 'function'
  ) {
    return write((value as { toJSON: () => unknown }).toJSON(), at);
  }
  switch (typeof value) {
    case 'undefined':
      return undefined;
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw notCanonical(at, String(value));
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value)
        ? writeArray(value, at)
        : writeObject(value as Record<string, unknown>, at);
    default:
      throw notCanonical(at, typeof value);
  }
}

function writeArray(items: unknown[], at: string): string {
  return `[${items.map((item, i) => write(item, `${at}[${i}]`) ?? 'null').join(',')}]`;
}

function writeObject(obj: Record<string, unknown>, at: string): string {
  const parts: string[] = [];
  for (const key of Object.keys(obj).sort(compareCodePoints)) {
    const member = write(obj[key], `${at}.${key}`);
    if (member !== undefined) parts.push(`${JSON.stringify(key)}:${member}`);
  }
  return `{${parts.join(',')}}`;
}

/** Code-point order (not UTF-16 unit order, not locale order): the same on every machine. */
function compareCodePoints(a: string, b: string): number {
  const ca = Array.from(a);
  const cb = Array.from(b);
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = (ca[i].codePointAt(0) as number) - (cb[i].codePointAt(0) as number);
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}

function notCanonical(at: string, what: string): InvalidInputError {
  return new InvalidInputError(
    'NOT_CANONICAL',
    `fraud-rings: ${what} at ${at} has no canonical JSON form`,
  );
}
