// list-cases: one page of cases, newest first (ties by case id, descending), optionally by assignee and
// status; keyset cursor ($afterCreatedAt, $afterId) from the previous page's last case.
// @param assignee: string|null
// @param status: string|null
// @param afterCreatedAt: int|null
// @param afterId: string|null
// @param limit: int
// @returns record: map
MATCH (c:Case)
WHERE ($assignee IS NULL OR c.assignee = $assignee)
  AND ($status IS NULL OR c.status = $status)
  AND ($afterId IS NULL OR c.createdAt < $afterCreatedAt OR (c.createdAt = $afterCreatedAt AND c.caseId < $afterId))
RETURN c {.*} AS record
ORDER BY c.createdAt DESC, c.caseId DESC
LIMIT $limit
