-- Cases, their notes, frozen evidence packs of decided cases, and small named markers.
CREATE TABLE cases (
  case_id       TEXT PRIMARY KEY,
  title         TEXT NOT NULL,
  ring_id       TEXT,
  run_id        TEXT,
  accounts      TEXT NOT NULL,                -- JSON array of user ids, in the order given
  status        TEXT NOT NULL CHECK (status IN ('open', 'in_progress', 'confirmed_fraud', 'dismissed')),
  assignee      TEXT,
  decision_note TEXT,
  decided_by    TEXT,
  decided_at    INTEGER,
  created_by    TEXT NOT NULL,
  created_at    INTEGER NOT NULL,
  updated_at    INTEGER NOT NULL
);
CREATE INDEX cases_by_created ON cases (created_at DESC, case_id DESC);
CREATE INDEX cases_by_status ON cases (status, created_at DESC, case_id DESC);
CREATE INDEX cases_by_assignee ON cases (assignee, created_at DESC, case_id DESC);
CREATE INDEX cases_by_decided ON cases (decided_at, case_id) WHERE decided_at IS NOT NULL;

CREATE TABLE case_notes (
  note_id    TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (case_id),
  author     TEXT NOT NULL,
  text       TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX case_notes_by_case ON case_notes (case_id, created_at, note_id);

-- Written once per decision and never updated; the newest pack of a case is its current one.
CREATE TABLE evidence_packs (
  case_id    TEXT NOT NULL REFERENCES cases (case_id),
  hash       TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  body       TEXT NOT NULL,
  PRIMARY KEY (case_id, hash)
);
CREATE INDEX evidence_packs_by_case ON evidence_packs (case_id, created_at DESC);
CREATE TRIGGER evidence_packs_frozen BEFORE UPDATE ON evidence_packs
BEGIN
  SELECT RAISE(ABORT, 'evidence packs are frozen');
END;
CREATE TRIGGER evidence_packs_kept BEFORE DELETE ON evidence_packs
BEGIN
  SELECT RAISE(ABORT, 'evidence packs are frozen');
END;

CREATE TABLE markers (
  name  TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
