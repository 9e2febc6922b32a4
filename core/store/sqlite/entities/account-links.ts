import type { IdentifierKind } from '../../../types';
import type { Db } from '../database';
import { kindOf } from './codes';
import type { PaymentLinkRow } from './graph-elements';
import { prepared } from './prepare';

export interface AccountIdentifierRow {
  key: number;
  kind: IdentifierKind;
  value: string;
  raw: string;
  firstSeen: number | null;
  lastSeen: number | null;
}

const IDENTIFIERS_OF = `SELECT ai.identifier_key AS key, ai.kind AS kind, i.value AS value, i.raw AS raw,
    ai.first_seen AS firstSeen, ai.last_seen AS lastSeen
  FROM account_identifiers ai JOIN identifiers i ON i.key = ai.identifier_key
  WHERE ai.account_key = ? ORDER BY ai.kind, i.value`;
const DEGREE = 'SELECT count(*) FROM account_identifiers WHERE identifier_key = ?';
const SENT = 'SELECT * FROM payment_links WHERE payer_key = ? ORDER BY payee_key LIMIT ?';
const RECEIVED = 'SELECT * FROM payment_links WHERE payee_key = ? ORDER BY payer_key LIMIT ?';
const KEY_OF = 'SELECT key FROM accounts WHERE user_id = ?';

/** The identifiers an account uses, by kind then value (indexed on account_key). */
export function identifiersOf(db: Db, accountKey: number): AccountIdentifierRow[] {
  const rows = prepared(db, IDENTIFIERS_OF).all(accountKey) as Array<
    Omit<AccountIdentifierRow, 'kind'> & { kind: number }
  >;
  return rows.map((r) => ({ ...r, kind: kindOf(r.kind) }));
}

/** How many accounts use the identifier. */
export function degreeOf(db: Db, identifierKey: number): number {
  return prepared(db, DEGREE).pluck().get(identifierKey) as number;
}

export interface IdentifierUseRow {
  accountKey: number;
  firstSeen: number | null;
  lastSeen: number | null;
}

/** Aggregated payments the account made, per payee (up to `limit` payees). */
export function paymentsSent(db: Db, accountKey: number, limit: number): PaymentLinkRow[] {
  return prepared(db, SENT).all(accountKey, limit) as PaymentLinkRow[];
}

/** Aggregated payments the account received, per payer (up to `limit` payers). */
export function paymentsReceived(db: Db, accountKey: number, limit: number): PaymentLinkRow[] {
  return prepared(db, RECEIVED).all(accountKey, limit) as PaymentLinkRow[];
}

export function accountKeyOf(db: Db, userId: string): number | null {
  return (prepared(db, KEY_OF).pluck().get(userId) as number | undefined) ?? null;
}
