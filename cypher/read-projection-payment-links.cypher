// read-projection-payment-links: the PAYS aggregates whose payer key is in ($fromKey, $toKey],
// ordered by payer key then payee key.
// @param fromKey: int exclusive
// @param toKey: int inclusive
// @returns payerKey, payeeKey, count, amount, chargebacks, firstAt, lastAt
MATCH (a:Account)
WHERE a.key > $fromKey AND a.key <= $toKey
MATCH (a)-[l:PAYS]->(b:Account)
WHERE b.key IS NOT NULL
RETURN a.key AS payerKey, b.key AS payeeKey, l.count AS count, l.amount AS amount,
       l.chargebacks AS chargebacks, l.firstAt AS firstAt, l.lastAt AS lastAt
ORDER BY payerKey, payeeKey
