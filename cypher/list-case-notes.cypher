// list-case-notes: the notes of a case, oldest first (ties by note id).
// @param caseId: string
// @returns note: map
MATCH (n:CaseNote {caseId: $caseId})
RETURN n {.*} AS note
ORDER BY n.createdAt, n.noteId
