import { ACCOUNT_LABELS, IDENTIFIER_KINDS, PAYMENT_STATUSES } from '../../../types';
import type { AccountLabel, IdentifierKind, PaymentStatus } from '../../../types';

/**
 * Integer encodings of the entity tables (see `migrations/001-entities.sql`): identifier kinds and
 * payment statuses are indexes into the tuples of `core/types.ts`; labels are 1 = fraud,
 * -1 = legit, 0 = none, the encoding of `AccountBatch.labels`.
 */
export const KIND_CODE: Readonly<Record<IdentifierKind, number>> = Object.freeze(
  Object.fromEntries(IDENTIFIER_KINDS.map((k, i) => [k, i])) as Record<IdentifierKind, number>,
);

/** Profile identifier kinds: replaced, not accumulated, when a users row is loaded again. */
export const PROFILE_KIND_CODES: readonly number[] = [
  KIND_CODE.email,
  KIND_CODE.phone,
  KIND_CODE.address,
];

export function kindOf(code: number): IdentifierKind {
  const kind = IDENTIFIER_KINDS[code];
  if (kind === undefined) throw new RangeError(`unknown identifier kind code ${code}`);
  return kind;
}

export const STATUS_CODE: Readonly<Record<PaymentStatus, number>> = Object.freeze(
  Object.fromEntries(PAYMENT_STATUSES.map((s, i) => [s, i])) as Record<PaymentStatus, number>,
);

export function labelCode(label: AccountLabel | null): number {
  return label === 'fraud' ? 1 : label === 'legit' ? -1 : 0;
}

export function labelOf(code: number): AccountLabel | null {
  return code === 1 ? ACCOUNT_LABELS[0] : code === -1 ? ACCOUNT_LABELS[1] : null;
}
