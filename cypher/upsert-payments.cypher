// upsert-payments: creates or updates payments keyed by payment id, creates stub accounts for
// unknown payers and payees, moves a re-loaded payment to its new payer/payee, and links the
// payer to the card and device identifiers. The PAYS aggregates are refreshed afterwards by
// refresh-payment-links.
// @param rows: list<map> {paymentId, payerId, payeeId, amount, currency, createdAt, cardId, deviceId, status, identifiers}
// @returns payments: int
UNWIND $rows AS row
MERGE (payer:Account {userId: row.payerId})
  ON CREATE SET payer.stub = true
MERGE (payee:Account {userId: row.payeeId})
  ON CREATE SET payee.stub = true
MERGE (p:Payment {paymentId: row.paymentId})
SET p.payerId = row.payerId,
    p.payeeId = row.payeeId,
    p.amount = row.amount,
    p.currency = row.currency,
    p.createdAt = row.createdAt,
    p.cardId = row.cardId,
    p.deviceId = row.deviceId,
    p.status = row.status
WITH payer, payee, p, row
CALL (payer, payee, p) {
  OPTIONAL MATCH (other:Account)-[paid:PAID]->(p)
  WHERE other <> payer
  DELETE paid
  WITH DISTINCT p, payee
  OPTIONAL MATCH (p)-[to:TO]->(other:Account)
  WHERE other <> payee
  DELETE to
}
MERGE (payer)-[:PAID]->(p)
MERGE (p)-[:TO]->(payee)
WITH payer, p, row
CALL (payer, row) {
  UNWIND row.identifiers AS ref
  MERGE (i:Identifier {kind: ref.kind, value: ref.value})
    ON CREATE SET i.raw = ref.raw
  MERGE (payer)-[u:USES]->(i)
    ON CREATE SET u.firstSeen = row.createdAt, u.lastSeen = row.createdAt
    ON MATCH SET
      u.firstSeen = CASE WHEN u.firstSeen IS NULL OR row.createdAt < u.firstSeen THEN row.createdAt ELSE u.firstSeen END,
      u.lastSeen = CASE WHEN u.lastSeen IS NULL OR row.createdAt > u.lastSeen THEN row.createdAt ELSE u.lastSeen END
}
RETURN count(p) AS payments
