// get-ring: a ring as of the given run, or (when $runId is null) of the last saved run holding it.
// @param ringId: string
// @param runId: string|null
// @returns ring: map
MATCH (run:Run)-[:FOUND]->(r:Ring {ringId: $ringId})
WHERE $runId IS NULL OR r.runId = $runId
RETURN r {.*} AS ring
ORDER BY run.seq DESC
LIMIT 1
