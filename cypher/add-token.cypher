// add-token: stores the hash of an API token for an investigator. No row when the user does not exist.
// @param userId: string
// @param tokenHash: string
// @param createdAt: int
// @returns tokenHash
MATCH (u:AppUser {userId: $userId})
CREATE (t:ApiToken {tokenHash: $tokenHash, userId: $userId, createdAt: $createdAt})-[:OF]->(u)
RETURN t.tokenHash AS tokenHash
