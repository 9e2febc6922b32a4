// gds-project-links: projects the weighted account-account graph of detection into the GDS
// catalog under $graphName, with the same weights as the in-process projection
// (core/detect/projection.ts): an identifier shared by k accounts (2 <= k <= its kind's hub
// cut-off) links each pair with kindWeight * ln((cut + 1) / k) / ln((cut + 1) / 2); payments
// between two accounts (either direction) link them with paymentWeight * log2(1 + payments),
// unless either account has more than $paymentHubCutoff payment partners. Weights of one pair add up.
// @param graphName: string
// @param identifierWeights: map kind -> weight
// @param hubCutoffs: map kind -> cut-off
// @param paymentWeight: float
// @param paymentHubCutoff: int
// @returns graphName, nodeCount: int, relationshipCount: int
CALL () {
  MATCH (i:Identifier)
  WITH i, COUNT { (i)<-[:USES]-(:Account) } AS k, $hubCutoffs[i.kind] AS cut, $identifierWeights[i.kind] AS kindWeight
  WHERE k >= 2 AND k <= cut AND kindWeight > 0
  MATCH (a:Account)-[:USES]->(i)<-[:USES]-(b:Account)
  WHERE a.key < b.key
  RETURN a, b, kindWeight * log((cut + 1.0) / k) / log((cut + 1.0) / 2.0) AS w
  UNION ALL
  MATCH (a:Account)-[l:PAYS]-(b:Account)
  WHERE a.key < b.key
    AND COUNT { MATCH (a)-[:PAYS]-(x:Account) RETURN DISTINCT x } <= $paymentHubCutoff
    AND COUNT { MATCH (b)-[:PAYS]-(y:Account) RETURN DISTINCT y } <= $paymentHubCutoff
  WITH a, b, sum(l.count) AS payments
  RETURN a, b, $paymentWeight * log(1.0 + payments) / log(2.0) AS w
}
WITH a, b, sum(w) AS weight
WHERE weight > 0
WITH gds.graph.project($graphName, a, b, {relationshipProperties: {weight: weight}}, {undirectedRelationshipTypes: ['*']}) AS g
RETURN g.graphName AS graphName, g.nodeCount AS nodeCount, g.relationshipCount AS relationshipCount
