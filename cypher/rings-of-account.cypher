// rings-of-account: the rings of a run that hold an account, best score first.
// @param runId: string
// @param userId: string
// @returns ring: map
MATCH (r:Ring {runId: $runId})
WHERE $userId IN r.members
RETURN r {.*} AS ring
ORDER BY r.score DESC, r.ringId ASC
