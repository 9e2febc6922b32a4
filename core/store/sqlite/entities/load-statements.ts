import { PROFILE_KIND_CODES } from './codes';

/**
 * Every statement of a load (`SqliteLoadWriter`), prepared once per connection. Parameters only;
 * the one interpolation is the constant list of profile kind codes.
 */
export const LOAD_SQL = {
  upsertAccount: `INSERT INTO accounts (user_id, created_at, name, email, phone, address, country, label, stub)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)
    ON CONFLICT (user_id) DO UPDATE SET created_at = excluded.created_at, name = excluded.name,
      email = excluded.email, phone = excluded.phone, address = excluded.address,
      country = excluded.country, label = excluded.label, stub = 0
    RETURNING key`,
  insertAccount: `INSERT INTO accounts (user_id, created_at, name, email, phone, address, country, label, stub)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)`,
  accountKey: 'SELECT key FROM accounts WHERE user_id = ?',
  insertStub: 'INSERT INTO accounts (user_id) VALUES (?)',
  identifierKey: 'SELECT key FROM identifiers WHERE kind = ? AND value = ?',
  insertIdentifier: 'INSERT INTO identifiers (kind, value, raw) VALUES (?, ?, ?)',
  profileLinks: `SELECT identifier_key FROM account_identifiers
    WHERE account_key = ? AND kind IN (${PROFILE_KIND_CODES.join(', ')})`,
  insertProfileLink: `INSERT INTO account_identifiers (identifier_key, account_key, kind, first_seen, last_seen)
    VALUES (?, ?, ?, NULL, NULL) ON CONFLICT DO NOTHING`,
  deleteLink: 'DELETE FROM account_identifiers WHERE identifier_key = ? AND account_key = ?',
  identifierInUse: 'SELECT 1 FROM account_identifiers WHERE identifier_key = ? LIMIT 1',
  deleteIdentifier: 'DELETE FROM identifiers WHERE key = ? RETURNING kind, value',
  insertSighting:
    'INSERT OR IGNORE INTO sightings (account_key, device_key, seen_at, ip_key) VALUES (?, ?, ?, ?)',
  insertPayment: `INSERT INTO payments (payment_id, payer_key, payee_key, amount, currency, created_at, card_key, device_key, status)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (payment_id) DO NOTHING`,
  anyPayment: 'SELECT 1 FROM payments LIMIT 1',
  storedPayment: `SELECT payer_key, payee_key, amount, currency, created_at, card_key, device_key, status
    FROM payments WHERE payment_id = ?`,
  updatePayment: `UPDATE payments SET payer_key = ?, payee_key = ?, amount = ?, currency = ?, created_at = ?,
    card_key = ?, device_key = ?, status = ? WHERE payment_id = ?`,
  // A pair that only loses payments (an updated payment moved away) always exists already, so
  // the NULL times are never inserted: they only leave first_at/last_at as they are.
  upsertPaymentLink: `INSERT INTO payment_links (payer_key, payee_key, count, amount, chargebacks, first_at, last_at)
    VALUES (@payer, @payee, @count, @micros / 1e6, @chargebacks, coalesce(@first, 0), coalesce(@last, 0))
    ON CONFLICT DO UPDATE SET count = count + excluded.count,
      amount = round(amount * 1e6 + @micros) / 1e6,
      chargebacks = chargebacks + excluded.chargebacks,
      first_at = min(first_at, coalesce(@first, first_at)),
      last_at = max(last_at, coalesce(@last, last_at))`,
  deleteEmptyPaymentLink:
    'DELETE FROM payment_links WHERE payer_key = ? AND payee_key = ? AND count <= 0',
} as const;

/**
 * The payments insert of `SqliteLoadWriter`'s multi-row path, after `INSERT` (a known id fails
 * the statement) or `INSERT OR IGNORE` (for ids the load knows to be new; see `firstPayments`).
 */
export const PAYMENT_INSERT = {
  head: 'INTO payments (payment_id, payer_key, payee_key, amount, currency, created_at, card_key, device_key, status)',
  tuple: '(?, ?, ?, ?, ?, ?, ?, ?, ?)',
  width: 9,
} as const;

/**
 * Adds new payments to their pairs, several pairs per statement (`BulkWriter`): parameters are
 * payer, payee, count (> 0), amount in millionths, chargebacks, first and last time.
 */
export const PAYMENT_LINK_ADD = {
  // OR IGNORE only spares SQLite a statement journal (see load-bulk-insert.ts): every value is
  // non-null and the conflict on the key is the upsert's, so each row is inserted or updated
  // (the writer checks that every row changed).
  head: 'INSERT OR IGNORE INTO payment_links (payer_key, payee_key, count, amount, chargebacks, first_at, last_at)',
  tuple: '(?, ?, ?, ? / 1e6, ?, ?, ?)',
  tail: `ON CONFLICT DO UPDATE SET count = count + excluded.count,
    amount = round(amount * 1e6 + round(excluded.amount * 1e6)) / 1e6,
    chargebacks = chargebacks + excluded.chargebacks,
    first_at = min(first_at, excluded.first_at),
    last_at = max(last_at, excluded.last_at)`,
  width: 7,
} as const;

/**
 * Adds account–identifier links, several per statement (`BulkWriter`): parameters are
 * identifier, account, kind, first and last seen; a known link only widens its first/last seen.
 * The link buffer writes a pair once per flush, so the rows of one statement never share a key.
 */
export const LINK_UPSERT = {
  // OR IGNORE only spares SQLite a statement journal (see load-bulk-insert.ts): the keys and kind
  // come from integer arrays, never null, and the conflict on the key is the upsert's. (The
  // upsert's WHERE may leave a row unchanged, so changes are not checked here.)
  head: 'INSERT OR IGNORE INTO account_identifiers (identifier_key, account_key, kind, first_seen, last_seen)',
  tuple: '(?, ?, ?, ?, ?)',
  tail: `ON CONFLICT DO UPDATE SET first_seen = min(coalesce(first_seen, excluded.first_seen), excluded.first_seen),
      last_seen = max(coalesce(last_seen, excluded.last_seen), excluded.last_seen)
    WHERE first_seen IS NULL OR excluded.first_seen < first_seen OR excluded.last_seen > last_seen`,
  width: 5,
} as const;
