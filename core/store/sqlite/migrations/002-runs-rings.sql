-- Detection runs, the rings (candidate communities) of each run, their members, and lineage.
--
-- A run is immutable once saved. `seq` orders runs (1, 2, ...); `params`, `counts`, `timings`
-- are JSON objects. A ring row belongs to one run: the same ring_id appears once per run in which
-- the ring exists. `members`, `features`, `evidence`, `parents` are JSON; members are also in
-- ring_members so "rings of this account" is an index lookup.

CREATE TABLE detection_runs (
  run_id TEXT PRIMARY KEY,
  seq INTEGER NOT NULL UNIQUE,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('completed', 'failed')),
  engine TEXT NOT NULL,
  seed INTEGER NOT NULL,
  resolution REAL NOT NULL,
  code_version TEXT NOT NULL,
  params TEXT NOT NULL,
  modularity REAL,
  counts TEXT NOT NULL,
  timings TEXT NOT NULL
);

CREATE TABLE rings (
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
  PRIMARY KEY (run_id, ring_id)
) WITHOUT ROWID;
CREATE INDEX rings_by_score ON rings (run_id, score DESC, ring_id);
CREATE INDEX rings_by_size ON rings (run_id, size DESC, ring_id);
CREATE INDEX rings_by_id ON rings (ring_id, run_id);

CREATE TABLE ring_members (
  user_id TEXT NOT NULL,
  run_id TEXT NOT NULL,
  ring_id TEXT NOT NULL,
  PRIMARY KEY (user_id, run_id, ring_id)
) WITHOUT ROWID;

CREATE TABLE lineage_events (
  run_id TEXT NOT NULL REFERENCES detection_runs (run_id),
  ring_id TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('new', 'ongoing', 'grown', 'shrunk', 'merged', 'split', 'dissolved')),
  related TEXT NOT NULL,
  jaccard REAL,
  PRIMARY KEY (ring_id, run_id)
) WITHOUT ROWID;
