// account-nodes: the accounts drawn in a subgraph, with their profile and their chargebacks
// (payments with status chargeback they sent or received).
// @param userIds: list<string>
// @returns userId, name, email, phone, address, country, label, stub, createdAt, chargebacks: int
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})
CALL (a) {
  OPTIONAL MATCH (a)-[l:PAYS]-(:Account)
  RETURN coalesce(sum(l.chargebacks), 0) AS chargebacks
}
RETURN a.userId AS userId, a.name AS name, a.email AS email, a.phone AS phone, a.address AS address,
       a.country AS country, a.label AS label, coalesce(a.stub, false) AS stub, a.createdAt AS createdAt,
       chargebacks
