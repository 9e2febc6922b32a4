// account-nodes: the display fields of accounts drawn in a subgraph, with their chargebacks
// (payments with status chargeback they sent or received).
// @param userIds: list<string>
// @returns userId, name, createdAt, country, label, stub, chargebacks: int
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})
CALL (a) {
  OPTIONAL MATCH (a)-[l:PAYS]-(:Account)
  RETURN coalesce(sum(l.chargebacks), 0) AS chargebacks
}
RETURN a.userId AS userId, a.name AS name, a.createdAt AS createdAt, a.country AS country,
       a.label AS label, coalesce(a.stub, false) AS stub, chargebacks
