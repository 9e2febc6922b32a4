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

export const str = (v: Plain): string => (typeof v === 'string' ? v : String(v));
export const strOrNull = (v: Plain): string | null => (v === null ? null : str(v));
export const num = (v: Plain): number => (typeof v === 'number' ? v : Number(v));
export const numOrNull = (v: Plain): number | null => (v === null ? null : num(v));
export const strList = (v: Plain): string[] => (Array.isArray(v) ? v.map(str) : []);

/** Parses a JSON string property written by this adapter (maps are stored as JSON strings). */
export function json<T>(v: Plain, fallback: T): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : fallback;
}
