// save-lineage: stores the lineage events of a run, numbered in the order given.
// @param runId: string
// @param runSeq: int the run's save order
// @param events: list<map> {seq, ringId, kind, related, jaccard}
// @returns saved: int
UNWIND $events AS event
MERGE (e:LineageEvent {runId: $runId, seq: event.seq})
SET e.ringId = event.ringId,
    e.kind = event.kind,
    e.related = event.related,
    e.jaccard = event.jaccard,
    e.runSeq = $runSeq
RETURN count(e) AS saved
