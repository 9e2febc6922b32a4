// append-audit: appends an audit entry with the next id of the 'audit' counter (detail as a JSON
// string). There is no update or delete query for audit entries.
// @param entry: map {at, actor, action, target, detail}
// @returns entry: map
MATCH (seq:Sequence {name: 'audit'})
SET seq.next = seq.next + 1
WITH seq.next AS id
CREATE (e:AuditEntry)
SET e = $entry, e.id = id
RETURN e {.*} AS entry
