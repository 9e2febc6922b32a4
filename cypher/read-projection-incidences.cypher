// read-projection-incidences: account-identifier incidences of the identifiers with keys in
// ($fromKey, $toKey], ordered by identifier key then account key.
// @param fromKey: int exclusive
// @param toKey: int inclusive
// @returns identifierKey, accountKey, kind, firstSeen
MATCH (i:Identifier)
WHERE i.key > $fromKey AND i.key <= $toKey
MATCH (a:Account)-[u:USES]->(i)
WHERE a.key IS NOT NULL
RETURN i.key AS identifierKey, a.key AS accountKey, i.kind AS kind, u.firstSeen AS firstSeen
ORDER BY identifierKey, accountKey
