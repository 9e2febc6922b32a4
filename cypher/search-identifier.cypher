// search-identifier: exact lookup of a normalised identifier on the (kind, value) constraint
// index, with up to $limit of the accounts that use it, in load (key) order.
// @param kind: string
// @param value: string
// @param limit: int
// @returns kind, value, userIds: list<string>
MATCH (i:Identifier {kind: $kind, value: $value})
CALL (i) {
  MATCH (a:Account)-[:USES]->(i)
  WITH a ORDER BY a.key
  LIMIT $limit
  RETURN collect(a.userId) AS userIds
}
RETURN i.kind AS kind, i.value AS value, userIds
