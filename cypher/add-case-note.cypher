// add-case-note: adds a note to a case. No row when the case does not exist.
// @param note: map {noteId, caseId, author, text, createdAt}
// @returns note: map
MATCH (c:Case {caseId: $note.caseId})
CREATE (n:CaseNote)-[:ON]->(c)
SET n = $note
RETURN n {.*} AS note
