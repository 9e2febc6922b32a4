import type { AccountView } from '../../../types';
import type { Db } from '../database';
import { degreeOf, identifiersOf } from './account-links';
import { labelOf } from './codes';
import { prepared } from './prepare';

const ACCOUNT = `SELECT key, user_id, created_at, name, email, phone, address, country, label, stub
  FROM accounts WHERE user_id = ?`;
const PAYMENTS = `SELECT
  coalesce((SELECT sum(count) FROM payment_links WHERE payer_key = @key), 0) AS sent,
  coalesce((SELECT sum(count) FROM payment_links WHERE payee_key = @key), 0) AS received,
  coalesce((SELECT sum(chargebacks) FROM payment_links WHERE payer_key = @key), 0)
    + coalesce((SELECT sum(chargebacks) FROM payment_links WHERE payee_key = @key AND chargebacks > 0), 0) AS chargebacks,
  coalesce((SELECT round(sum(amount), 6) FROM payment_links WHERE payer_key = @key), 0) AS amountSent,
  coalesce((SELECT round(sum(amount), 6) FROM payment_links WHERE payee_key = @key), 0) AS amountReceived`;

/** A row of `accounts` as stored (label and stub as integer codes). */
export interface AccountRow {
  key: number;
  user_id: string;
  created_at: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  country: string | null;
  label: number;
  stub: number;
}

/**
 * One account as the API shows it: the profile (raw values), its identifiers (with how many
 * accounts use each and when this account was first and last seen with it; null for profile
 * identifiers) and its payment totals (`chargebacks`: sent or received). Null when unknown.
 */
export function getAccount(db: Db, userId: string): AccountView | null {
  const row = prepared(db, ACCOUNT).get(userId) as AccountRow | undefined;
  if (!row) return null;
  const payments = prepared(db, PAYMENTS).get({ key: row.key }) as AccountView['payments'];
  return {
    userId: row.user_id,
    createdAt: row.created_at,
    name: row.name,
    email: row.email,
    phone: row.phone,
    address: row.address,
    country: row.country,
    label: labelOf(row.label),
    stub: row.stub === 1,
    identifiers: identifiersOf(db, row.key).map((i) => ({
      kind: i.kind,
      value: i.value,
      raw: i.raw,
      accounts: degreeOf(db, i.key),
      firstSeen: i.firstSeen,
      lastSeen: i.lastSeen,
    })),
    payments,
  };
}

/** The known accounts among `userIds`, in the order asked (unknown ids skipped, duplicates once). */
export function getAccounts(db: Db, userIds: string[]): AccountView[] {
  const out: AccountView[] = [];
  for (const userId of new Set(userIds)) {
    const view = getAccount(db, userId);
    if (view) out.push(view);
  }
  return out;
}
