import type { z } from 'zod';
import { updateCase } from '../../core/cases/update-case';
import type { CaseResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { updateCaseBody } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName } from '../views/pii-mode';

/**
 * `PATCH /api/cases/:id`: status, assignee, decision note. Deciding (`confirmed_fraud`,
 * `dismissed`) records who and when and freezes the evidence pack; a decided case's status is
 * final (409 `CASE_ALREADY_DECIDED`).
 */
export async function caseUpdate(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, unknown, z.infer<typeof updateCaseBody>>,
): Promise<HandlerResult> {
  const updated = await updateCase(
    ctx.store,
    input.params.id,
    input.body,
    callerName(ctx),
    ctx.now(),
  );
  const body: CaseResponse = { case: updated };
  return { status: 200, body };
}
