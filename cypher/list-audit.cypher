// list-audit: one page of audit entries, newest first, optionally by actor, action and target;
// keyset cursor $beforeId from the previous page's last entry.
// @param actor: string|null
// @param action: string|null
// @param target: string|null
// @param beforeId: int|null
// @param limit: int
// @returns entry: map
MATCH (e:AuditEntry)
WHERE ($actor IS NULL OR e.actor = $actor)
  AND ($action IS NULL OR e.action = $action)
  AND ($target IS NULL OR e.target = $target)
  AND ($beforeId IS NULL OR e.id < $beforeId)
RETURN e {.*} AS entry
ORDER BY e.id DESC
LIMIT $limit
