-- Indexes the graph reads (neighbourhoods, ring subgraphs, account views) rely on to stay
-- bounded on a large store.
--
-- Chargebacks an account received, read for every account node: the partial index holds only
-- the links with chargebacks and carries the count itself, so a merchant's node reads its few
-- disputed links from the index alone instead of visiting all its payers (hundreds of thousands
-- of links). It replaces 001's payment_links_chargebacks_by_payee (same rows, no count: each
-- hit cost a table lookup), which stores created before that index existed may not have.
CREATE INDEX IF NOT EXISTS payment_links_chargebacks_received
  ON payment_links (payee_key, chargebacks) WHERE chargebacks > 0;
DROP INDEX IF EXISTS payment_links_chargebacks_by_payee;
