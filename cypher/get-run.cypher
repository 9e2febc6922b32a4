// get-run: one run by id.
// @param runId: string
// @returns run: map
MATCH (r:Run {runId: $runId})
RETURN r {.*} AS run
