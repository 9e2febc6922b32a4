// get-evidence-pack: the current (newest) evidence pack of a case.
// @param caseId: string
// @returns hash, createdAt, body
MATCH (p:EvidencePack {caseId: $caseId})
RETURN p.hash AS hash, p.createdAt AS createdAt, p.body AS body
ORDER BY p.createdAt DESC
LIMIT 1
