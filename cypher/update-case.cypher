// update-case: applies a patch (only the keys present change; a null clears a field) and stamps
// the update time. No row when the case does not exist.
// @param caseId: string
// @param patch: map {status?, assignee?, decisionNote?, decidedBy?, decidedAt?}
// @param at: int
// @returns record: map
MATCH (c:Case {caseId: $caseId})
SET c += $patch, c.updatedAt = $at
RETURN c {.*} AS record
