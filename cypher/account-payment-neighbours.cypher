// account-payment-neighbours: one hop of a neighbourhood expansion through payments: for each
// frontier account, the accounts it paid or was paid by (at most $fanout each way, largest
// amount first, so a merchant with thousands of payers is never followed whole).
// @param frontier: list<string>
// @param fanout: int
// @returns fromId, out: list<string>, in: list<string>
UNWIND $frontier AS fromId
MATCH (a:Account {userId: fromId})
CALL (a) {
  OPTIONAL MATCH (a)-[l:PAYS]->(b:Account)
  WITH b, l ORDER BY l.amount DESC, b.userId
  RETURN collect(b.userId)[..$fanout] AS out
}
CALL (a) {
  OPTIONAL MATCH (b:Account)-[l:PAYS]->(a)
  WITH b, l ORDER BY l.amount DESC, b.userId
  RETURN collect(b.userId)[..$fanout] AS in
}
RETURN fromId, out, in
