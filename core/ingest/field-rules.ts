import { parseIsoTime } from './parse-time';

export const MAX_ID_LENGTH = 128;

/** A present value: trimmed, or null when absent or blank. */
export function optional(value: string | undefined): string | null {
  if (value === undefined) return null;
  const s = value.trim();
  return s.length === 0 ? null : s;
}

/**
 * Why a required id (user, payment, device), already passed through `optional`, is rejected:
 * missing, or longer than 128 characters; null when it is fine.
 */
export function idProblem(id: string | null, column: string): string | null {
  if (id === null) return `missing ${column}`;
  if (id.length > MAX_ID_LENGTH) return `${column} longer than ${MAX_ID_LENGTH} characters`;
  return null;
}

/** A required ISO 8601 time in epoch ms, or a reject reason. */
export function requiredTime(value: string | undefined, column: string): number | string {
  const s = optional(value);
  if (s === null) return `missing ${column}`;
  return parseIsoTime(s) ?? `${column} is not an ISO 8601 time`;
}
