// count-entities: entity counts of the whole store (count-store lookups, no scans except the
// stub and device filters).
// @returns accounts: int, stubAccounts: int, devices: int, sightings: int, identifiers: int, identifierLinks: int, payments: int
RETURN COUNT { (:Account) } AS accounts,
       COUNT { (a:Account WHERE a.stub = true) } AS stubAccounts,
       COUNT { (i:Identifier WHERE i.kind = 'device') } AS devices,
       COUNT { (:Sighting) } AS sightings,
       COUNT { (:Identifier) } AS identifiers,
       COUNT { (:Account)-[:USES]->(:Identifier) } AS identifierLinks,
       COUNT { (:Payment) } AS payments
