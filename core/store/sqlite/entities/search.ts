import { normalizeIdentifier } from '../../../identifiers/normalize';
import type { IdentifierKind, SearchHit } from '../../../types';
import type { Db } from '../database';
import { KIND_CODE } from './codes';
import { prepared } from './prepare';

const ACCOUNT = 'SELECT user_id FROM accounts WHERE user_id = ?';
const IDENTIFIER = 'SELECT key, value FROM identifiers WHERE kind = ? AND value = ?';
const USERS_OF = `SELECT a.user_id FROM account_identifiers ai JOIN accounts a ON a.key = ai.account_key
  WHERE ai.identifier_key = ? ORDER BY ai.account_key LIMIT ?`;

/**
 * Exact, indexed lookup, never a scan: an account by its id, or an identifier by value. The
 * identifier value is normalised first (so `J.Doe+x@GMail.com` finds `jdoe@gmail.com`); a value
 * that does not normalise is looked up as given. Returns at most one hit, with up to `limit`
 * user ids (in load order), or no hit.
 */
export function search(
  db: Db,
  query: { kind: IdentifierKind | 'account'; value: string },
  limit: number,
): SearchHit[] {
  if (limit < 1) return [];
  if (query.kind === 'account') {
    const userId = prepared(db, ACCOUNT).pluck().get(query.value) as string | undefined;
    return userId === undefined ? [] : [{ kind: 'account', value: userId, userIds: [userId] }];
  }
  const value = normalizeIdentifier(query.kind, query.value)?.value ?? query.value;
  const found = prepared(db, IDENTIFIER).get(KIND_CODE[query.kind], value) as
    { key: number; value: string } | undefined;
  if (!found) return [];
  const userIds = prepared(db, USERS_OF).pluck().all(found.key, Math.floor(limit)) as string[];
  return [{ kind: query.kind, value: found.value, userIds }];
}
