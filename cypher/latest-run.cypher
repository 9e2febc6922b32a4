// latest-run: the run saved last.
// @returns run: map
MATCH (r:Run)
RETURN r {.*} AS run
ORDER BY r.seq DESC
LIMIT 1
