// upsert-profile-identifiers: replaces an account's profile identifiers (email, phone, address)
// with those of its latest users row; an identifier no longer used by any account is deleted.
// Profile links carry no first/last seen. Links of other kinds (card, ip, device) are left alone.
// @param rows: list<map> {userId, identifiers: list<{kind, value, raw}>}
// @returns links: int
UNWIND $rows AS row
MATCH (a:Account {userId: row.userId})
CALL (a, row) {
  MATCH (a)-[old:USES]->(i:Identifier)
  WHERE i.kind IN ['email', 'phone', 'address']
    AND NOT [i.kind, i.value] IN [ref IN row.identifiers | [ref.kind, ref.value]]
  DELETE old
  WITH DISTINCT i
  WHERE NOT EXISTS { (i)<-[:USES]-(:Account) }
  DELETE i
}
WITH a, row
UNWIND row.identifiers AS ref
MERGE (i:Identifier {kind: ref.kind, value: ref.value})
  ON CREATE SET i.raw = ref.raw
MERGE (a)-[u:USES]->(i)
RETURN count(u) AS links
