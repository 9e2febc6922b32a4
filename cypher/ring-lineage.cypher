// ring-lineage: every lineage event of a ring, oldest run first, in the order the run recorded them.
// @param ringId: string
// @returns event: map
MATCH (e:LineageEvent {ringId: $ringId})
RETURN e {.*} AS event
ORDER BY e.runSeq, e.seq
