// upsert-sightings: records device sightings (a sighting is its whole row, so a repeat adds
// nothing), creates stub accounts for unknown users, and links the account to the device and IP
// identifiers, widening first/last seen.
// @param rows: list<map> {sightingId, userId, deviceId, ip, seenAt, identifiers: list<{kind, value, raw}>}
// @returns links: int
UNWIND $rows AS row
MERGE (a:Account {userId: row.userId})
  ON CREATE SET a.stub = true
MERGE (s:Sighting {sightingId: row.sightingId})
  ON CREATE SET s.userId = row.userId, s.deviceId = row.deviceId, s.ip = row.ip, s.seenAt = row.seenAt
WITH a, row
UNWIND row.identifiers AS ref
MERGE (i:Identifier {kind: ref.kind, value: ref.value})
  ON CREATE SET i.raw = ref.raw
MERGE (a)-[u:USES]->(i)
  ON CREATE SET u.firstSeen = row.seenAt, u.lastSeen = row.seenAt
  ON MATCH SET
    u.firstSeen = CASE WHEN u.firstSeen IS NULL OR row.seenAt < u.firstSeen THEN row.seenAt ELSE u.firstSeen END,
    u.lastSeen = CASE WHEN u.lastSeen IS NULL OR row.seenAt > u.lastSeen THEN row.seenAt ELSE u.lastSeen END
RETURN count(u) AS links
