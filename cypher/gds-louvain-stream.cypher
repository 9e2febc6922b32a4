// gds-louvain-stream: Louvain inside Neo4j (Graph Data Science) on the projected graph $graphName,
// weighted by the projection's weights, returning each account's integer key and community.
// Run with concurrency 1 it is deterministic: the same data gives the same communities.
// @param graphName: string
// @param maxLevels: int
// @param maxIterations: int
// @param tolerance: float
// @param concurrency: int
// @returns key: int, community: int
CALL gds.louvain.stream($graphName, {
  relationshipWeightProperty: 'weight',
  maxLevels: $maxLevels,
  maxIterations: $maxIterations,
  tolerance: $tolerance,
  concurrency: $concurrency,
  consecutiveIds: true
})
YIELD nodeId, communityId
RETURN gds.util.asNode(nodeId).key AS key, communityId AS community
ORDER BY key
