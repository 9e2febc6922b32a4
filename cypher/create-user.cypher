// create-user: creates an investigator; the constraints reject a duplicate id or a name that
// differs from an existing one only by case (nameKey is the lower-cased name).
// @param user: map {userId, name, role, passwordHash, createdAt}
// @returns user: map
CREATE (u:AppUser)
SET u = $user, u.nameKey = toLower($user.name)
RETURN u {.*} AS user
