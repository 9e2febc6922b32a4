// create-case: creates a case; the case_id constraint rejects a duplicate id.
// @param record: map {caseId, title, ringId, runId, accounts, status, assignee, decisionNote, decidedBy, decidedAt, createdBy, createdAt, updatedAt}
// @returns record: map
CREATE (c:Case)
SET c = $record
RETURN c {.*} AS record
