import type { IdentifierKind, IdentifierRef } from '../types';
import { normalizeEmail } from './email';
import { normalizePhone } from './phone';
import { normalizeAddress } from './address';
import { normalizeIp } from './ip';

export { normalizeEmail } from './email';
export { normalizePhone } from './phone';
export { normalizeAddress } from './address';
export { normalizeIp } from './ip';
export { callingCodeFor } from './calling-codes';

/** Canonical card fingerprint: trimmed and lower-cased (fingerprints are opaque ids). */
export function normalizeCard(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length === 0 ? null : s;
}

/** Canonical device fingerprint: trimmed and lower-cased (fingerprints are opaque ids). */
export function normalizeDevice(raw: string): string | null {
  const s = raw.trim().toLowerCase();
  return s.length === 0 ? null : s;
}

export interface NormalizeOptions {
  /** ISO 3166 alpha-2 country of the account, used for national phone numbers (US when absent). */
  country?: string | null;
}

/**
 * Normalises one identifier as the data contract requires, so that two accounts sharing it are
 * linked even when they typed it differently.
 *
 * Returns null for a missing, blank or unusable value (an email without `local@domain`, a phone
 * with fewer than four digits, an invalid IP, an address without letters or digits); callers
 * then simply record no identifier. Otherwise `value` is the canonical form that is compared
 * and `raw` is the trimmed original, kept for display. Called for every input row, so each
 * normaliser is a single pass without backtracking regular expressions.
 */
export function normalizeIdentifier(
  kind: IdentifierKind,
  raw: string | null | undefined,
  opts?: NormalizeOptions,
): IdentifierRef | null {
  if (raw === null || raw === undefined) return null;
  const trimmed = raw.trim();
  if (trimmed.length === 0) return null;
  let value: string | null;
  switch (kind) {
    case 'email':
      value = normalizeEmail(trimmed);
      break;
    case 'phone':
      value = normalizePhone(trimmed, opts?.country);
      break;
    case 'address':
      value = normalizeAddress(trimmed);
      break;
    case 'ip':
      value = normalizeIp(trimmed);
      break;
    case 'card':
      value = normalizeCard(trimmed);
      break;
    case 'device':
      value = normalizeDevice(trimmed);
      break;
  }
  return value === null ? null : { kind, value, raw: trimmed };
}
