// payment-links-among: the PAYS aggregates between accounts of a given set (both ends in it).
// @param userIds: list<string>
// @returns payerId, payeeId, count, amount, chargebacks, firstAt, lastAt
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})-[l:PAYS]->(b:Account)
WHERE b.userId IN $userIds
RETURN a.userId AS payerId, b.userId AS payeeId, l.count AS count, l.amount AS amount,
       l.chargebacks AS chargebacks, l.firstAt AS firstAt, l.lastAt AS lastAt
ORDER BY payerId, payeeId
