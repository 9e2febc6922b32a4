// gds-drop-graph: removes a projected graph from the GDS catalog (no error when it is gone).
// @param graphName: string
// @returns graphName
CALL gds.graph.drop($graphName, false)
YIELD graphName
RETURN graphName
