// user-by-token-hash: the investigator holding a token, by the token's hash.
// @param tokenHash: string
// @returns user: map
MATCH (:ApiToken {tokenHash: $tokenHash})-[:OF]->(u:AppUser)
RETURN u {.*} AS user
