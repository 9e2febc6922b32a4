// user-by-id: an investigator by id.
// @param userId: string
// @returns user: map
MATCH (u:AppUser {userId: $userId})
RETURN u {.*} AS user
