-- Entities of the data contract: accounts, identifiers (email, phone, address, card, ip, device),
-- which account uses which identifier, device sightings and payments.
--
-- Conventions (stable: detection, the API and the Neo4j adapter rely on them):
--   * every time is epoch milliseconds UTC, INTEGER;
--   * `key` columns are store-assigned integer keys, never shown to users; the ids of the input
--     files (`user_id`, `payment_id`) are unique TEXT columns;
--   * `kind` is the index into IDENTIFIER_KINDS of core/types.ts (table identifier_kinds);
--   * `status` is the index into PAYMENT_STATUSES of core/types.ts (table payment_statuses);
--   * `label` is 1 = fraud, -1 = legit, 0 = none (the AccountBatch encoding);
--   * no REFERENCES clauses: every key is assigned and resolved by the load writer
--     (core/store/sqlite/entities/load-writer.ts), and per-row foreign-key probes would cost a
--     quarter of the ingest rate.

CREATE TABLE identifier_kinds (
  kind INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO identifier_kinds (kind, name) VALUES
  (0, 'email'), (1, 'phone'), (2, 'address'), (3, 'card'), (4, 'ip'), (5, 'device');

CREATE TABLE payment_statuses (
  status INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE
);
INSERT INTO payment_statuses (status, name) VALUES
  (0, 'settled'), (1, 'chargeback'), (2, 'refunded'), (3, 'failed');

-- One row per account. A reference to an unknown account (payment, sighting) creates a stub:
-- stub = 1, created_at and the profile NULL, until a users row fills it (stub = 0).
CREATE TABLE accounts (
  key INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL UNIQUE,
  created_at INTEGER,
  name TEXT,
  email TEXT,
  phone TEXT,
  address TEXT,
  country TEXT,
  label INTEGER NOT NULL DEFAULT 0 CHECK (label IN (-1, 0, 1)),
  stub INTEGER NOT NULL DEFAULT 1 CHECK (stub IN (0, 1))
);

-- One row per distinct normalised identifier. `raw` is the first spelling seen, for display.
CREATE TABLE identifiers (
  key INTEGER PRIMARY KEY,
  kind INTEGER NOT NULL,
  value TEXT NOT NULL,
  raw TEXT NOT NULL,
  UNIQUE (kind, value)
);

-- Account uses identifier. Profile identifiers (email, phone, address) are replaced when the
-- account's users row is loaded again; card, ip and device links accumulate (first/last seen
-- widen). The primary key orders rows by identifier, so detection streams incidences in
-- identifier order from the table itself; the second index serves per-account lookups.
CREATE TABLE account_identifiers (
  identifier_key INTEGER NOT NULL,
  account_key INTEGER NOT NULL,
  kind INTEGER NOT NULL,
  first_seen INTEGER,
  last_seen INTEGER,
  PRIMARY KEY (identifier_key, account_key)
) WITHOUT ROWID;
CREATE INDEX account_identifiers_by_account ON account_identifiers (account_key, kind, identifier_key);

-- One row per sighting of an account on a device (and IP) at a time; ip_key 0 = no IP.
-- The whole row is the key, so loading the same sighting again adds nothing.
CREATE TABLE sightings (
  account_key INTEGER NOT NULL,
  device_key INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  ip_key INTEGER NOT NULL,
  PRIMARY KEY (account_key, device_key, seen_at, ip_key)
) WITHOUT ROWID;

-- One row per payment, keyed by payment_id (a re-load updates in place). No payer/payee index:
-- every per-account question is answered by payment_links, which is much smaller.
CREATE TABLE payments (
  payment_id TEXT PRIMARY KEY,
  payer_key INTEGER NOT NULL,
  payee_key INTEGER NOT NULL,
  amount REAL NOT NULL CHECK (amount > 0),
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  card_key INTEGER,
  device_key INTEGER,
  status INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;

-- Payments aggregated per ordered (payer, payee) pair, kept in step with payments by the load
-- writer: count, total amount, chargebacks, first and last payment time. This is the
-- PaymentLinkBatch of detection (stream it in primary-key order) and the `pays` edge of subgraphs.
CREATE TABLE payment_links (
  payer_key INTEGER NOT NULL,
  payee_key INTEGER NOT NULL,
  count INTEGER NOT NULL,
  amount REAL NOT NULL,
  chargebacks INTEGER NOT NULL,
  first_at INTEGER NOT NULL,
  last_at INTEGER NOT NULL,
  PRIMARY KEY (payer_key, payee_key)
) WITHOUT ROWID;
CREATE INDEX payment_links_by_payee ON payment_links (payee_key, payer_key);
-- Chargebacks an account received, without visiting every payer of a merchant (few rows qualify).
CREATE INDEX payment_links_chargebacks_by_payee ON payment_links (payee_key) WHERE chargebacks > 0;
