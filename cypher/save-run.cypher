// save-run: stores a detection run (maps already encoded as JSON strings) with the next number
// of the 'run' counter, which orders runs by when they were saved. The run_id constraint rejects
// a duplicate id; the adapter checks first to raise RUN_EXISTS.
// @param run: map {runId, startedAt, finishedAt, status, engine, seed, resolution, codeVersion, params, modularity, counts, timingsMs}
// @returns runId, seq: int
MATCH (counter:Sequence {name: 'run'})
SET counter.next = counter.next + 1
WITH counter.next AS runSeq
CREATE (r:Run)
SET r = $run, r.seq = runSeq
RETURN r.runId AS runId, r.seq AS seq
