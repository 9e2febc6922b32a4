import type { z } from 'zod';
import type { AuditListResponse } from '../api-types';
import type { auditQuery } from '../schemas/admin-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';

/** `GET /api/audit?actor=&action=&target=` (admin): the audit log, newest first, one cursor page at a time. */
export async function auditList(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof auditQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const page = await ctx.store.listAudit({
    actor: q.actor,
    action: q.action,
    target: q.target,
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  const body: AuditListResponse = page;
  return { status: 200, body };
}
