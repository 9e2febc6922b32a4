import { normalizeIdentifier } from '../identifiers/normalize';
import type { AccountInput, AccountLabel, IdentifierRef } from '../types';
import { idProblem, optional, requiredTime } from './field-rules';

export { ACCOUNT_COLUMNS } from '../input-columns';

const LABELS = new Map<string, AccountLabel>([
  ['fraud', 'fraud'],
  ['legit', 'legit'],
]);

function isCountry(s: string): boolean {
  if (s.length !== 2) return false;
  for (let i = 0; i < 2; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * One users row (values in `ACCOUNT_COLUMNS` order) as an `AccountInput`, or the reason it is
 * rejected: a missing or over-long user_id, a created_at that is not ISO 8601, a country that is
 * not two letters (ISO 3166 alpha-2; stored upper-case) or a label other than `fraud`, `legit` or
 * empty. Email, phone and address are kept as typed and, when they normalise, become the
 * account's profile identifiers (the phone read with the account's country).
 */
export function validateAccount(v: Array<string | undefined>): AccountInput | string {
  const userId = optional(v[0]);
  const idError = idProblem(userId, 'user_id');
  if (idError !== null) return idError;
  const createdAt = requiredTime(v[1], 'created_at');
  if (typeof createdAt === 'string') return createdAt;
  let country = optional(v[6]);
  if (country !== null) {
    if (!isCountry(country)) return 'country is not an ISO 3166 alpha-2 code';
    country = country.toUpperCase();
  }
  const labelText = optional(v[7]);
  let label: AccountLabel | null = null;
  if (labelText !== null) {
    const known = LABELS.get(labelText.toLowerCase());
    if (known === undefined) return 'unknown label';
    label = known;
  }
  const email = optional(v[3]);
  const phone = optional(v[4]);
  const address = optional(v[5]);
  const identifiers: IdentifierRef[] = [];
  for (const ref of [
    normalizeIdentifier('email', email),
    normalizeIdentifier('phone', phone, { country }),
    normalizeIdentifier('address', address),
  ]) {
    if (ref !== null) identifiers.push(ref);
  }
  return {
    userId: userId!,
    createdAt,
    name: optional(v[2]),
    email,
    phone,
    address,
    country,
    label,
    identifiers,
  };
}
