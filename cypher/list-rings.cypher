// list-rings: one page of a run's rings, ordered by the allow-listed {{ringSort}} property (best
// first), ties by ring id; keyset cursor ($afterValue, $afterId) from the previous page's last ring.
// @slot ringSort
// @param runId: string
// @param flaggedOnly: boolean
// @param status: string|null
// @param minScore: float|null
// @param afterValue: float|null
// @param afterId: string|null
// @param limit: int
// @returns ring: map
MATCH (r:Ring {runId: $runId})
WHERE ($flaggedOnly = false OR r.flagged = true)
  AND ($status IS NULL OR r.status = $status)
  AND ($minScore IS NULL OR r.score >= $minScore)
  AND ($afterId IS NULL OR r.{{ringSort}} < $afterValue OR (r.{{ringSort}} = $afterValue AND r.ringId > $afterId))
RETURN r {.*} AS ring
ORDER BY r.{{ringSort}} DESC, r.ringId ASC
LIMIT $limit
