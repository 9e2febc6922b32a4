// schema-indexes: an index for every lookup that is not by a constrained id. Idempotent (IF NOT EXISTS).
// @returns (nothing)
CREATE INDEX run_seq IF NOT EXISTS FOR (r:Run) ON (r.seq);
CREATE INDEX ring_run IF NOT EXISTS FOR (r:Ring) ON (r.runId, r.score);
CREATE INDEX ring_id IF NOT EXISTS FOR (r:Ring) ON (r.ringId);
CREATE INDEX lineage_ring IF NOT EXISTS FOR (e:LineageEvent) ON (e.ringId);
CREATE INDEX case_created IF NOT EXISTS FOR (c:Case) ON (c.createdAt);
CREATE INDEX case_assignee IF NOT EXISTS FOR (c:Case) ON (c.assignee);
CREATE INDEX case_status IF NOT EXISTS FOR (c:Case) ON (c.status);
CREATE INDEX case_decided IF NOT EXISTS FOR (c:Case) ON (c.decidedAt);
CREATE INDEX case_note_case IF NOT EXISTS FOR (n:CaseNote) ON (n.caseId);
CREATE INDEX audit_actor IF NOT EXISTS FOR (e:AuditEntry) ON (e.actor);
CREATE INDEX audit_action IF NOT EXISTS FOR (e:AuditEntry) ON (e.action);
CREATE INDEX audit_target IF NOT EXISTS FOR (e:AuditEntry) ON (e.target);
