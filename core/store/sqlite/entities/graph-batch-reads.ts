import type { Db } from '../database';
import type { AccountIdentifierRow, IdentifierUseRow } from './account-links';
import { kindOf } from './codes';
import type { PaymentLinkRow } from './graph-elements';
import { prepared } from './prepare';

/**
 * Set-based reads behind the subgraph queries: one statement per question over a whole set of
 * keys (passed as a JSON array to `json_each`), so a graph costs a handful of queries instead of
 * a few per node. Every statement walks an index range bounded by the keys asked for, never all
 * the links of a hub.
 */

const KEYS_OF_USERS = `SELECT j.value AS userId, a.key AS key
  FROM json_each(?) j JOIN accounts a ON a.user_id = j.value ORDER BY j.key`;
const IDENTIFIERS_OF_MANY = `SELECT ai.account_key AS accountKey, ai.identifier_key AS key,
    ai.kind AS kind, i.value AS value, i.raw AS raw, ai.first_seen AS firstSeen, ai.last_seen AS lastSeen
  FROM json_each(?) j
  JOIN account_identifiers ai ON ai.account_key = j.value
  JOIN identifiers i ON i.key = ai.identifier_key
  ORDER BY j.key, ai.kind, i.value`;
const IDENTIFIER_KEYS_OF_MANY = `SELECT ai.account_key AS accountKey, ai.identifier_key AS identifierKey
  FROM json_each(?) j JOIN account_identifiers ai ON ai.account_key = j.value`;
const IDENTIFIER_USES = `SELECT ai.account_key AS accountKey, ai.identifier_key AS key,
    ai.kind AS kind, i.value AS value, i.raw AS raw, ai.first_seen AS firstSeen, ai.last_seen AS lastSeen
  FROM json_each(?) j
  JOIN account_identifiers ai ON ai.identifier_key = j.value ->> 0 AND ai.account_key = j.value ->> 1
  JOIN identifiers i ON i.key = ai.identifier_key
  ORDER BY j.key`;
const BOUNDED_DEGREES = `SELECT j.value AS key,
    (SELECT count(*) FROM (SELECT 1 FROM account_identifiers WHERE identifier_key = j.value LIMIT ?)) AS n
  FROM json_each(?) j`;
const USES_OF_MANY = `SELECT ai.identifier_key AS identifierKey, ai.account_key AS accountKey,
    ai.first_seen AS firstSeen, ai.last_seen AS lastSeen
  FROM json_each(?) j JOIN account_identifiers ai ON ai.identifier_key = j.value
  ORDER BY j.key, ai.account_key`;
const PAYMENT_DEGREES = `SELECT j.value AS key,
    (SELECT count(*) FROM (SELECT 1 FROM payment_links WHERE payer_key = j.value LIMIT @n)) AS sent,
    (SELECT count(*) FROM (SELECT 1 FROM payment_links WHERE payee_key = j.value LIMIT @n)) AS received
  FROM json_each(@keys) j`;
const PAYMENTS_AMONG = `SELECT pl.* FROM json_each(?) p
  JOIN payment_links pl ON pl.payer_key = p.value
  WHERE pl.payee_key IN (SELECT value FROM json_each(?))
  ORDER BY pl.payer_key, pl.payee_key`;

const readRunners = new WeakMap<Db, (fn: () => unknown) => unknown>();

/**
 * Runs the reads of one graph in a single (deferred) transaction: they all see one snapshot of
 * the store, even while another process commits a load, and the connection takes its WAL read
 * lock once instead of once per statement. Inside a transaction already open on the connection
 * it nests as a savepoint.
 */
export function inOneRead<T>(db: Db, fn: () => T): T {
  let run = readRunners.get(db);
  if (!run) {
    run = db.transaction((f: () => unknown) => f());
    readRunners.set(db, run);
  }
  return run(fn) as T;
}

/** Account keys of the known `userIds`, in the order given (unknown ids absent). */
export function keysOfUsers(db: Db, userIds: string[]): Array<{ userId: string; key: number }> {
  return prepared(db, KEYS_OF_USERS).all(JSON.stringify(userIds)) as Array<{
    userId: string;
    key: number;
  }>;
}

export interface AccountIdentifierUse extends AccountIdentifierRow {
  accountKey: number;
}

/** The identifiers each account uses: accounts in the order given, then by kind and value. */
export function identifiersOfMany(db: Db, accountKeys: number[]): AccountIdentifierUse[] {
  if (accountKeys.length === 0) return [];
  const rows = prepared(db, IDENTIFIERS_OF_MANY).all(JSON.stringify(accountKeys)) as Array<
    Omit<AccountIdentifierUse, 'kind'> & { kind: number }
  >;
  return rows.map((r) => ({ ...r, kind: kindOf(r.kind) }));
}

/**
 * (account, identifier) key pairs of the accounts, read from the per-account index alone (no
 * table rows): cheap enough to find which identifiers a set shares before reading their details.
 */
export function identifierKeysOfMany(
  db: Db,
  accountKeys: number[],
): Array<{ accountKey: number; identifierKey: number }> {
  if (accountKeys.length === 0) return [];
  return prepared(db, IDENTIFIER_KEYS_OF_MANY).all(JSON.stringify(accountKeys)) as Array<{
    accountKey: number;
    identifierKey: number;
  }>;
}

/** The details of the given (identifier, account) uses, in the order given. */
export function identifierUses(
  db: Db,
  uses: Array<{ identifierKey: number; accountKey: number }>,
): AccountIdentifierUse[] {
  if (uses.length === 0) return [];
  const pairs = JSON.stringify(uses.map((u) => [u.identifierKey, u.accountKey]));
  const rows = prepared(db, IDENTIFIER_USES).all(pairs) as Array<
    Omit<AccountIdentifierUse, 'kind'> & { kind: number }
  >;
  return rows.map((r) => ({ ...r, kind: kindOf(r.kind) }));
}

/** How many accounts use an identifier, counted no further than a ceiling. */
export interface BoundedDegree {
  /** Exact when `atLeast` is false; otherwise the ceiling, and the true count is higher. */
  count: number;
  atLeast: boolean;
}

/**
 * Account counts of the identifiers, each counted up to `ceiling` (so `count > x` is exact for
 * any `x < ceiling`): a hub used by a hundred thousand accounts costs `ceiling` index steps,
 * not a hundred thousand.
 */
export function boundedDegrees(
  db: Db,
  identifierKeys: number[],
  ceiling: number,
): Map<number, BoundedDegree> {
  const out = new Map<number, BoundedDegree>();
  if (identifierKeys.length === 0) return out;
  const rows = prepared(db, BOUNDED_DEGREES).all(
    ceiling + 1,
    JSON.stringify(identifierKeys),
  ) as Array<{ key: number; n: number }>;
  for (const r of rows) {
    out.set(
      r.key,
      r.n > ceiling ? { count: ceiling, atLeast: true } : { count: r.n, atLeast: false },
    );
  }
  return out;
}

/**
 * Every account using each identifier: identifiers in the order given, then by account key.
 * Only call it with identifiers known to be under the hub cap (it reads all their uses).
 */
export function usesOfMany(
  db: Db,
  identifierKeys: number[],
): Array<IdentifierUseRow & { identifierKey: number }> {
  if (identifierKeys.length === 0) return [];
  return prepared(db, USES_OF_MANY).all(JSON.stringify(identifierKeys)) as Array<
    IdentifierUseRow & { identifierKey: number }
  >;
}

/**
 * How many payees and payers each account has, each counted up to `ceiling` + 1 from the key
 * indexes alone: enough to tell a merchant (more than the hub cap) without reading its links.
 */
export function boundedPaymentDegrees(
  db: Db,
  accountKeys: number[],
  ceiling: number,
): Map<number, { sent: number; received: number }> {
  const out = new Map<number, { sent: number; received: number }>();
  if (accountKeys.length === 0) return out;
  const rows = prepared(db, PAYMENT_DEGREES).all({
    n: ceiling + 1,
    keys: JSON.stringify(accountKeys),
  }) as Array<{ key: number; sent: number; received: number }>;
  for (const r of rows) out.set(r.key, { sent: r.sent, received: r.received });
  return out;
}

/** Aggregated payment links whose payer and payee are both among `accountKeys`. */
export function paymentsAmong(db: Db, accountKeys: number[]): PaymentLinkRow[] {
  if (accountKeys.length === 0) return [];
  const keys = JSON.stringify(accountKeys);
  return prepared(db, PAYMENTS_AMONG).all(keys, keys) as PaymentLinkRow[];
}
