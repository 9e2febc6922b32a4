// schema-constraints: a uniqueness constraint for every id (each also backs the index its lookups use).
// Idempotent: every statement is IF NOT EXISTS. Run by migrate(), one statement per transaction.
// @returns (nothing)
CREATE CONSTRAINT account_user_id IF NOT EXISTS FOR (a:Account) REQUIRE a.userId IS UNIQUE;
CREATE CONSTRAINT account_key IF NOT EXISTS FOR (a:Account) REQUIRE a.key IS UNIQUE;
CREATE CONSTRAINT identifier_kind_value IF NOT EXISTS FOR (i:Identifier) REQUIRE (i.kind, i.value) IS UNIQUE;
CREATE CONSTRAINT identifier_key IF NOT EXISTS FOR (i:Identifier) REQUIRE i.key IS UNIQUE;
CREATE CONSTRAINT sighting_id IF NOT EXISTS FOR (s:Sighting) REQUIRE s.sightingId IS UNIQUE;
CREATE CONSTRAINT payment_id IF NOT EXISTS FOR (p:Payment) REQUIRE p.paymentId IS UNIQUE;
CREATE CONSTRAINT sequence_name IF NOT EXISTS FOR (s:Sequence) REQUIRE s.name IS UNIQUE;
CREATE CONSTRAINT run_id IF NOT EXISTS FOR (r:Run) REQUIRE r.runId IS UNIQUE;
CREATE CONSTRAINT ring_version_id IF NOT EXISTS FOR (r:Ring) REQUIRE r.versionId IS UNIQUE;
CREATE CONSTRAINT lineage_event_id IF NOT EXISTS FOR (e:LineageEvent) REQUIRE (e.runId, e.seq) IS UNIQUE;
CREATE CONSTRAINT case_id IF NOT EXISTS FOR (c:Case) REQUIRE c.caseId IS UNIQUE;
CREATE CONSTRAINT case_note_id IF NOT EXISTS FOR (n:CaseNote) REQUIRE n.noteId IS UNIQUE;
CREATE CONSTRAINT evidence_pack_case_hash IF NOT EXISTS FOR (p:EvidencePack) REQUIRE (p.caseId, p.hash) IS UNIQUE;
CREATE CONSTRAINT marker_name IF NOT EXISTS FOR (m:Marker) REQUIRE m.name IS UNIQUE;
CREATE CONSTRAINT app_user_id IF NOT EXISTS FOR (u:AppUser) REQUIRE u.userId IS UNIQUE;
CREATE CONSTRAINT app_user_name IF NOT EXISTS FOR (u:AppUser) REQUIRE u.nameKey IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.tokenHash IS UNIQUE;
CREATE CONSTRAINT audit_entry_id IF NOT EXISTS FOR (e:AuditEntry) REQUIRE e.id IS UNIQUE;
