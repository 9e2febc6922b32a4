// read-projection-key-range: the highest integer keys handed out so far, so projection streams
// can walk key windows (keys are dense from 1; a window may be empty).
// @returns maxAccountKey: int, maxIdentifierKey: int
OPTIONAL MATCH (a:Sequence {name: 'account'})
OPTIONAL MATCH (i:Sequence {name: 'identifier'})
RETURN coalesce(a.next, 0) AS maxAccountKey, coalesce(i.next, 0) AS maxIdentifierKey
