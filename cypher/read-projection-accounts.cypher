// read-projection-accounts: accounts with keys in ($fromKey, $toKey], in key order (a range seek
// on the account_key constraint index).
// @param fromKey: int exclusive
// @param toKey: int inclusive
// @returns key, userId, createdAt, label, stub
MATCH (a:Account)
WHERE a.key > $fromKey AND a.key <= $toKey
RETURN a.key AS key, a.userId AS userId, a.createdAt AS createdAt, a.label AS label, coalesce(a.stub, false) AS stub
ORDER BY key
