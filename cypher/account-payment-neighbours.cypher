// account-payment-neighbours: one hop of a neighbourhood expansion through payments: for each
// frontier account, the PAYS aggregates it sent and received (at most $fanout each way, in
// account key order), so a merchant with thousands of payers is never followed whole.
// @param frontier: list<string>
// @param fanout: int
// @returns fromId, sent: list<map>, received: list<map>
UNWIND $frontier AS fromId
MATCH (a:Account {userId: fromId})
CALL (a) {
  OPTIONAL MATCH (a)-[l:PAYS]->(b:Account)
  WITH b, l ORDER BY b.key
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {otherId: b.userId, count: l.count, amount: l.amount, chargebacks: l.chargebacks, firstAt: l.firstAt, lastAt: l.lastAt} END)[..$fanout] AS sent
}
CALL (a) {
  OPTIONAL MATCH (b:Account)-[l:PAYS]->(a)
  WITH b, l ORDER BY b.key
  RETURN collect(CASE WHEN b IS NULL THEN null ELSE {otherId: b.userId, count: l.count, amount: l.amount, chargebacks: l.chargebacks, firstAt: l.firstAt, lastAt: l.lastAt} END)[..$fanout] AS received
}
RETURN fromId, sent, received
