// read-projection-payment-totals: per account (by key) the total amounts it paid and received, and the
// chargebacks on payments it made or received, over all its payments (merchants included).
// Accounts with no payment return no row.
// @param keys: list<int>
// @returns key, sent, received, chargebacks
UNWIND $keys AS key
MATCH (a:Account {key: key})
CALL (a) {
  OPTIONAL MATCH (a)-[s:PAYS]->(:Account)
  RETURN count(s) AS sentLinks, coalesce(sum(s.amount), 0.0) AS sent, coalesce(sum(s.chargebacks), 0) AS chargebacksSent
}
CALL (a) {
  OPTIONAL MATCH (:Account)-[r:PAYS]->(a)
  RETURN count(r) AS receivedLinks, coalesce(sum(r.amount), 0.0) AS received, coalesce(sum(r.chargebacks), 0) AS chargebacksReceived
}
WITH a, sent, received, chargebacksSent + chargebacksReceived AS chargebacks, sentLinks + receivedLinks AS links
WHERE links > 0
RETURN a.key AS key, sent, received, chargebacks
ORDER BY key
