// read-projection-incidences: account-identifier incidences of the identifiers with keys in
// ($fromKey, $toKey] that can link accounts: used by at least 2 and (unless $maxSharers is null)
// at most $maxSharers accounts. Ordered by identifier key then account key.
// @param fromKey: int exclusive
// @param toKey: int inclusive
// @param maxSharers: int|null
// @returns identifierKey, accountKey, kind, firstSeen
MATCH (i:Identifier)
WHERE i.key > $fromKey AND i.key <= $toKey
WITH i, COUNT { (i)<-[:USES]-(:Account) } AS sharers
WHERE sharers >= 2 AND ($maxSharers IS NULL OR sharers <= $maxSharers)
MATCH (a:Account)-[u:USES]->(i)
WHERE a.key IS NOT NULL
RETURN i.key AS identifierKey, a.key AS accountKey, i.kind AS kind, u.firstSeen AS firstSeen
ORDER BY identifierKey, accountKey
