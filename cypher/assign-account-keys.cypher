// assign-account-keys: gives each given account that has no integer key yet the next keys of the
// 'account' counter, in user id order, in the caller's transaction (the counter node's write
// lock serialises concurrent loads). Keys start at 1 and never change once assigned.
// @param userIds: list<string>
// @returns assigned: int
UNWIND $userIds AS userId
MATCH (a:Account {userId: userId})
WHERE a.key IS NULL
WITH DISTINCT a
ORDER BY a.userId
WITH collect(a) AS fresh
MATCH (seq:Sequence {name: 'account'})
SET seq.next = seq.next + size(fresh)
WITH fresh, seq.next - size(fresh) AS base
UNWIND range(0, size(fresh) - 1) AS i
WITH fresh[i] AS a, base + i + 1 AS key
SET a.key = key
RETURN count(a) AS assigned
