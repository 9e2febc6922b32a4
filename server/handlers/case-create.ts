import type { z } from 'zod';
import { createCase } from '../../core/cases/create-case';
import type { CaseResponse } from '../api-types';
import type { createCaseBody } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName } from '../views/pii-mode';

/** `POST /api/cases`: opens a case on a ring (`ringId`, optional `runId`) or on `accounts`. */
export async function caseCreate(
  ctx: HandlerContext,
  input: HandlerInput<unknown, unknown, z.infer<typeof createCaseBody>>,
): Promise<HandlerResult> {
  const created = await createCase(ctx.store, input.body, callerName(ctx), ctx.now());
  const body: CaseResponse = { case: created };
  return {
    status: 201,
    body,
    headers: { Location: `/api/cases/${encodeURIComponent(created.caseId)}` },
  };
}
