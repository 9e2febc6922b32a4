import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import type { RingListResponse } from '../api-types';
import type { ringListQuery } from '../schemas/ring-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { toRingSummary } from '../views/ring-views';
import { ringIdsOfRun } from '../views/ring-ids-of-run';
import { filteredRingPage } from '../views/filtered-ring-page';

/**
 * `GET /api/rings`: rings of a run (default the latest), flagged only unless `flagged=false`,
 * filtered by status, minimum score and `newSince` (ring ids absent from that run), sorted by
 * score or size, one cursor page at a time (with `newSince`, pages are filled from several store
 * pages; follow `nextCursor` until it is null). Evidence is always masked in lists.
 */
export async function ringsList(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof ringListQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const run = q.runId ? await ctx.store.getRun(q.runId) : await ctx.store.latestRun();
  if (!run) {
    if (q.runId) throw new NotFoundError('RUN_NOT_FOUND', `fraud-rings: no run ${q.runId}`);
    const empty: RingListResponse = { items: [], nextCursor: null, runId: null };
    return { status: 200, body: empty };
  }
  const before = q.newSince ? await ringIdsOfRun(ctx.store, q.newSince) : null;
  const query = {
    runId: run.runId,
    flaggedOnly: q.flagged ?? true,
    status: q.status,
    minScore: q.minScore,
    sort: q.sort,
    cursor: q.cursor ?? null,
    limit: q.limit,
  };
  const page = before
    ? await filteredRingPage(ctx.store, query, (r) => !before.has(r.ringId))
    : await ctx.store.listRings(query);
  const items = page.items.map((r) => toRingSummary(r, ctx.masker, true));
  const body: RingListResponse = { items, nextCursor: page.nextCursor, runId: run.runId };
  return { status: 200, body };
}
