// save-rings: stores rings of a run, one node per (run, ring) version, linked from the run.
// @param runId: string
// @param rings: list<map> {versionId, ringId, runId, score, flagged, size, members, features, evidence, status, parents}
// @returns saved: int
MATCH (run:Run {runId: $runId})
UNWIND $rings AS ring
MERGE (r:Ring {versionId: ring.versionId})
SET r += ring
MERGE (run)-[:FOUND]->(r)
RETURN count(r) AS saved
