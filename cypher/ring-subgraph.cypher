// ring-subgraph: the identifiers at least two of the given accounts share, each with its total
// degree (the caller collapses one above the hub cap) and the accounts of the set using it.
// @param userIds: list<string>
// @returns kind, value, raw, degree, users: list<map>
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})-[u:USES]->(i:Identifier)
WITH i, collect({userId: a.userId, firstSeen: u.firstSeen, lastSeen: u.lastSeen}) AS users
WHERE size(users) >= 2
RETURN i.kind AS kind, i.value AS value, i.raw AS raw, COUNT { (i)<-[:USES]-(:Account) } AS degree, users
ORDER BY kind, value
