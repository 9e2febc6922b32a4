// save-evidence-pack: stores a frozen evidence pack of a case (body as a JSON string). A case
// keeps every pack (one per decision; the constraint on (caseId, hash) rejects a repeat). No row
// when the case does not exist.
// @param caseId: string
// @param hash: string
// @param createdAt: int
// @param body: string
// @returns caseId
MATCH (c:Case {caseId: $caseId})
CREATE (p:EvidencePack {caseId: $caseId, hash: $hash, createdAt: $createdAt, body: $body})
RETURN p.caseId AS caseId
