// schema-sequences: the counters that hand out integer keys (accounts, identifiers, audit ids).
// Idempotent: an existing counter keeps its value.
// @param names: list<string> counter names
// @returns sequences: int
UNWIND $names AS name
MERGE (s:Sequence {name: name})
  ON CREATE SET s.next = 0
RETURN count(s) AS sequences
