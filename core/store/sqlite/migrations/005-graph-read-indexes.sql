-- Indexes the graph reads (neighbourhoods, ring subgraphs) rely on to stay bounded on a large
-- store. IF NOT EXISTS: stores created before 001 carried the index still get it, and stores
-- created since (001 has it) are left as they are.
--
-- Chargebacks an account received, read for every account node: without this partial index a
-- merchant's node walks all its payers (hundreds of thousands of links) instead of the few
-- links with chargebacks.
CREATE INDEX IF NOT EXISTS payment_links_chargebacks_by_payee
  ON payment_links (payee_key) WHERE chargebacks > 0;
