// user-by-name: an investigator by name, regardless of case (names are unique regardless of case).
// @param name: string
// @returns user: map
MATCH (u:AppUser {nameKey: toLower($name)})
RETURN u {.*} AS user
