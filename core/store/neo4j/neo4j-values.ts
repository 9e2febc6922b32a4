/**
 * Mapping between JavaScript values and Neo4j's. Going in, whole numbers become Neo4j integers
 * (a JS number is sent as a float, which `LIMIT` and integer keys refuse). Coming out, Neo4j
 * integers become numbers and temporal values become epoch milliseconds, the port's time type.
 */
import neo4j from 'neo4j-driver';

type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

/** Converts parameters for the driver: safe whole numbers to Neo4j integers, recursively; `undefined` to null. */
export function toDriver(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toDriver);
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toDriver(v);
    return out;
  }
  return value;
}

function isTemporal(value: object): value is { toString(): string; toStandardDate?: () => Date } {
  return neo4j.isDateTime(value) || neo4j.isLocalDateTime(value) || neo4j.isDate(value);
}

/** Converts a value read from the driver to plain JSON-like data (numbers, epoch ms, arrays, maps). */
export function fromDriver(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (neo4j.isInt(value)) return (value as { toNumber(): number }).toNumber();
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value as Plain;
  if (isTemporal(value)) {
    const d = value.toStandardDate ? value.toStandardDate() : new Date(`${value.toString()}Z`);
    return d.getTime();
  }
  if (Array.isArray(value)) return value.map(fromDriver);
  const out: Record<string, Plain> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = fromDriver(v);
  return out;
}

/** A row read from Neo4j with plain values. */
export type Row = Record<string, Plain>;

/**
 * Field readers. Neo4j stores no nulls: a property set to null is absent, so a map projection
 * (`n {.*}`) simply lacks it; `undefined` and `null` both read as null here.
 */
export const str = (v: Plain | undefined): string => (typeof v === 'string' ? v : String(v ?? ''));
export const strOrNull = (v: Plain | undefined): string | null =>
  v === null || v === undefined ? null : str(v);
export const num = (v: Plain | undefined): number =>
  typeof v === 'number' ? v : Number(v ?? Number.NaN);
export const numOrNull = (v: Plain | undefined): number | null =>
  v === null || v === undefined ? null : num(v);
/** A money sum rounded to 6 decimals, as the SQLite adapter stores it (no float noise like 0.30000000000000004). */
export const money = (v: Plain | undefined): number => Math.round(num(v) * 1e6) / 1e6;
export const strList = (v: Plain | undefined): string[] => (Array.isArray(v) ? v.map(str) : []);

/** Parses a JSON string property written by this adapter (maps are stored as JSON strings). */
export function json<T>(v: Plain | undefined, fallback: T): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : fallback;
}
