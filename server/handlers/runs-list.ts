import type { z } from 'zod';
import type { RunListResponse } from '../api-types';
import type { runListQuery } from '../schemas/ring-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { toRunSummary } from '../views/ring-views';

/** `GET /api/runs`: detection runs, newest first, with their parameters, counts and timings. */
export async function runsList(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof runListQuery>>,
): Promise<HandlerResult> {
  const runs = await ctx.store.listRuns(input.query.limit);
  const body: RunListResponse = { items: runs.map(toRunSummary) };
  return { status: 200, body };
}
