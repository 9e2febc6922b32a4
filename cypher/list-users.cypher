// list-users: every investigator, by name regardless of case.
// @returns user: map
MATCH (u:AppUser)
RETURN u {.*} AS user
ORDER BY u.nameKey, u.name
