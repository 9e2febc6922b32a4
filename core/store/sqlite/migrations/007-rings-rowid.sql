-- `rings` becomes an ordinary rowid table. A ring row carries its members, features and evidence
-- as JSON (about 1 KiB on average, tens of KiB for a large ring). In a WITHOUT ROWID table such
-- rows sit in the primary-key b-tree itself, which SQLite fills poorly with large records: one
-- nightly run of 26,000 candidates at a million accounts took 83 MiB of pages for 28 MiB of data,
-- all written to the WAL and checkpointed at the end of the run. A rowid table appends the rows
-- in insertion order and packs them; (run_id, ring_id) stays unique through its own index, which
-- every lookup by ring uses.
CREATE TABLE rings_by_rowid (
  run_id TEXT NOT NULL REFERENCES detection_runs (run_id),
  ring_id TEXT NOT NULL,
  score REAL NOT NULL,
  flagged INTEGER NOT NULL CHECK (flagged IN (0, 1)),
  size INTEGER NOT NULL,
  status TEXT NOT NULL,
  members TEXT NOT NULL,
  features TEXT NOT NULL,
  evidence TEXT NOT NULL,
  parents TEXT NOT NULL,
  UNIQUE (run_id, ring_id)
);
INSERT INTO rings_by_rowid (run_id, ring_id, score, flagged, size, status, members, features, evidence, parents)
  SELECT run_id, ring_id, score, flagged, size, status, members, features, evidence, parents
  FROM rings ORDER BY run_id, score DESC, ring_id;
DROP TABLE rings;
ALTER TABLE rings_by_rowid RENAME TO rings;
CREATE INDEX rings_by_score ON rings (run_id, score DESC, ring_id);
CREATE INDEX rings_by_size ON rings (run_id, size DESC, ring_id);
CREATE INDEX rings_by_id ON rings (ring_id, run_id);
