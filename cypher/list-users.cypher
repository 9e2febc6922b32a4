// list-users: every investigator, by name.
// @returns user: map
MATCH (u:AppUser)
RETURN u {.*} AS user
ORDER BY u.name
