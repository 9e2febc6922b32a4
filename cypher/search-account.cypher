// search-account: exact lookup of an account id (constraint index, never a scan).
// @param value: string
// @returns userId
MATCH (a:Account {userId: $value})
RETURN a.userId AS userId
