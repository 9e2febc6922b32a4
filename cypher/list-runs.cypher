// list-runs: the runs saved last, newest first.
// @param limit: int
// @returns run: map
MATCH (r:Run)
RETURN r {.*} AS run
ORDER BY r.seq DESC
LIMIT $limit
