import { NotFoundError } from '../../core/errors';
import type { GraphStore } from '../../core/store/port';

/** Every ring id of a run (flagged or not), read page by page; `RUN_NOT_FOUND` for an unknown run. */
export async function ringIdsOfRun(store: GraphStore, runId: string): Promise<Set<string>> {
  if (!(await store.getRun(runId)))
    throw new NotFoundError('RUN_NOT_FOUND', `fraud-rings: no run ${runId}`);
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await store.listRings({ runId, flaggedOnly: false, cursor, limit: 1000 });
    for (const r of page.items) ids.add(r.ringId);
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
}
