// get-case: one case by id.
// @param caseId: string
// @returns record: map
MATCH (c:Case {caseId: $caseId})
RETURN c {.*} AS record
