// assign-identifier-keys: gives each given identifier that has no integer key yet the next keys
// of the 'identifier' counter, in (kind, value) order, in the caller's transaction.
// @param refs: list<map> {kind, value}
// @returns assigned: int
UNWIND $refs AS ref
MATCH (i:Identifier {kind: ref.kind, value: ref.value})
WHERE i.key IS NULL
WITH DISTINCT i
ORDER BY i.kind, i.value
WITH collect(i) AS fresh
MATCH (seq:Sequence {name: 'identifier'})
SET seq.next = seq.next + size(fresh)
WITH fresh, seq.next - size(fresh) AS base
UNWIND range(0, size(fresh) - 1) AS n
WITH fresh[n] AS i, base + n + 1 AS key
SET i.key = key
RETURN count(i) AS assigned
