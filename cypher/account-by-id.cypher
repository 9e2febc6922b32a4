// account-by-id: accounts with their profile, every identifier they use (with how many accounts
// share it and when this account was first and last seen with it) and their payment totals (chargebacks: payments with status chargeback sent or received).
// Unknown ids return no row.
// @param userIds: list<string>
// @returns userId, createdAt, name, email, phone, address, country, label, stub, identifiers: list<map>, sent, received, chargebacks, amountSent, amountReceived
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})
CALL (a) {
  OPTIONAL MATCH (a)-[u:USES]->(i:Identifier)
  WITH u, i ORDER BY i.kind, i.value
  RETURN collect(CASE WHEN i IS NULL THEN null ELSE {
    kind: i.kind, value: i.value, raw: i.raw,
    accounts: COUNT { (i)<-[:USES]-(:Account) },
    firstSeen: u.firstSeen, lastSeen: u.lastSeen
  } END) AS identifiers
}
CALL (a) {
  OPTIONAL MATCH (a)-[s:PAYS]->(:Account)
  RETURN coalesce(sum(s.count), 0) AS sent, coalesce(sum(s.amount), 0.0) AS amountSent, coalesce(sum(s.chargebacks), 0) AS chargebacksSent
}
CALL (a) {
  OPTIONAL MATCH (:Account)-[r:PAYS]->(a)
  RETURN coalesce(sum(r.count), 0) AS received, coalesce(sum(r.amount), 0.0) AS amountReceived, coalesce(sum(r.chargebacks), 0) AS chargebacksReceived
}
RETURN a.userId AS userId, a.createdAt AS createdAt, a.name AS name, a.email AS email, a.phone AS phone,
       a.address AS address, a.country AS country, a.label AS label, coalesce(a.stub, false) AS stub,
       identifiers, sent, received, chargebacksSent + chargebacksReceived AS chargebacks, amountSent, amountReceived
