// upsert-accounts: creates or updates accounts from users rows; a stub account becomes a full one.
// Keys are assigned afterwards, in the same transaction, by assign-account-keys.
// @param rows: list<map> {userId, createdAt, name, email, phone, address, country, label}
// @returns upserted: int
UNWIND $rows AS row
MERGE (a:Account {userId: row.userId})
SET a.createdAt = row.createdAt,
    a.name = row.name,
    a.email = row.email,
    a.phone = row.phone,
    a.address = row.address,
    a.country = row.country,
    a.label = row.label,
    a.stub = false
RETURN count(a) AS upserted
