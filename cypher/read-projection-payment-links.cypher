// read-projection-payment-links: the PAYS aggregates whose payer key is in ($fromKey, $toKey],
// ordered by payer key then payee key. Unless $maxCounterparties is null, a pair is left out
// when its payer or payee has more PAYS links (as payer or payee) than that: a merchant.
// @param fromKey: int exclusive
// @param toKey: int inclusive
// @param maxCounterparties: int|null
// @returns payerKey, payeeKey, count, amount, chargebacks, firstAt, lastAt
MATCH (a:Account)
WHERE a.key > $fromKey AND a.key <= $toKey
  AND ($maxCounterparties IS NULL OR COUNT { (a)-[:PAYS]-(:Account) } <= $maxCounterparties)
MATCH (a)-[l:PAYS]->(b:Account)
WHERE b.key IS NOT NULL
  AND ($maxCounterparties IS NULL OR COUNT { (b)-[:PAYS]-(:Account) } <= $maxCounterparties)
RETURN a.key AS payerKey, b.key AS payeeKey, l.count AS count, l.amount AS amount,
       l.chargebacks AS chargebacks, l.firstAt AS firstAt, l.lastAt AS lastAt
ORDER BY payerKey, payeeKey
