// refresh-payment-links: recomputes the PAYS aggregate of each given ordered (payer, payee) pair
// from its payments (count, amount, chargebacks, first and last time); a pair with no payment
// left loses its link. Pairs must be distinct.
// @param pairs: list<map> {payerId, payeeId}
// @returns links: int
UNWIND $pairs AS pair
MATCH (a:Account {userId: pair.payerId})
MATCH (b:Account {userId: pair.payeeId})
CALL (a, b) {
  OPTIONAL MATCH (a)-[:PAID]->(p:Payment)-[:TO]->(b)
  RETURN count(p) AS n,
         sum(p.amount) AS amount,
         sum(CASE WHEN p.status = 'chargeback' THEN 1 ELSE 0 END) AS chargebacks,
         min(p.createdAt) AS firstAt,
         max(p.createdAt) AS lastAt
}
OPTIONAL MATCH (a)-[old:PAYS]->(b)
FOREACH (gone IN CASE WHEN n = 0 AND old IS NOT NULL THEN [old] ELSE [] END | DELETE gone)
FOREACH (_ IN CASE WHEN n > 0 THEN [1] ELSE [] END |
  MERGE (a)-[l:PAYS]->(b)
  SET l.count = n, l.amount = amount, l.chargebacks = chargebacks, l.firstAt = firstAt, l.lastAt = lastAt
)
RETURN sum(CASE WHEN n > 0 THEN 1 ELSE 0 END) AS links
