// account-neighbourhood: one hop of a neighbourhood expansion. For each frontier account, every
// identifier it uses (with the link's first/last seen) and that identifier's degree; an
// identifier used by at most $hubCap accounts also lists its other accounts (at most $hubCap of
// them, so a hub is never followed), a busier one is returned with no neighbours and collapsed
// into a hub node by the caller. The caller loops hops (bounded by the allow-list's MAX_HOPS)
// and stops at its node limit.
// @param frontier: list<string> user ids reached by the previous hop
// @param hubCap: int
// @returns fromId, kind, value, raw, degree, firstSeen, lastSeen, neighbours: list<{userId, key, firstSeen, lastSeen}>
UNWIND $frontier AS fromId
MATCH (a:Account {userId: fromId})-[u:USES]->(i:Identifier)
WITH a, fromId, u, i, COUNT { (i)<-[:USES]-(:Account) } AS degree
RETURN fromId, i.kind AS kind, i.value AS value, i.raw AS raw, degree,
       u.firstSeen AS firstSeen, u.lastSeen AS lastSeen,
       CASE WHEN degree > $hubCap THEN []
            ELSE [(i)<-[v:USES]-(b:Account) WHERE b <> a | {userId: b.userId, key: b.key, firstSeen: v.firstSeen, lastSeen: v.lastSeen}][..$hubCap]
       END AS neighbours
ORDER BY fromId, kind, value
