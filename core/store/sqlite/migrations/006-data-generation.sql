-- A counter that changes whenever data a graph view shows changes: bumped in the same
-- transaction as every entity load (sqlite-store.ts) and every saved detection run (rings.ts).
-- API processes read it, one primary-key lookup per request, to tell whether a view they built
-- earlier is still current (server/views/view-cache.ts); SQLite graph reads check their kept
-- account nodes against it (entities/graph-elements.ts). Audit rows, users and cases do not
-- bump it: no graph view shows them.
CREATE TABLE data_generation (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  gen INTEGER NOT NULL
);
INSERT INTO data_generation (id, gen) VALUES (1, 0);
