import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { renderCaseExport } from '../../core/export/render-case-export';
import type { idParams } from '../schemas/common';
import type { exportQuery } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';

/**
 * `GET /api/cases/:id/export?format=csv|json|html`: the case export as a file (masked unless
 * revealed with a reason). A decided case exports its frozen evidence pack. Audited as `case.export`.
 */
export async function caseExport(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof exportQuery>>,
): Promise<HandlerResult> {
  const caseId = input.params.id;
  if (!(await ctx.store.getCase(caseId))) {
    throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${caseId}`);
  }
  const { masked } = await piiMode(ctx, input.query, `case:${caseId}`);
  const file = await renderCaseExport(ctx.store, caseId, input.query.format, {
    actor: callerName(ctx),
    reveal: !masked,
    at: ctx.now(),
  });
  return {
    status: 200,
    download: { contentType: file.contentType, filename: file.filename, content: file.body },
  };
}
