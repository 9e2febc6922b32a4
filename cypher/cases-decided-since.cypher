// cases-decided-since: cases whose decision time is after $since, oldest decision first.
// @param since: int
// @returns record: map
MATCH (c:Case)
WHERE c.decidedAt > $since
RETURN c {.*} AS record
ORDER BY c.decidedAt, c.caseId
