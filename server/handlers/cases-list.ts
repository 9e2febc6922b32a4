import type { z } from 'zod';
import type { CaseListResponse } from '../api-types';
import type { caseListQuery } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';

/** `GET /api/cases?assignee=&status=`: cases, newest first, one cursor page at a time. */
export async function casesList(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof caseListQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const page = await ctx.store.listCases({
    assignee: q.assignee,
    status: q.status,
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  const body: CaseListResponse = page;
  return { status: 200, body };
}
