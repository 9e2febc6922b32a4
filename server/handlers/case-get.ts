import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { CaseDetailResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { caseQuery } from '../schemas/case-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { toAccountSummary } from '../views/ring-views';

/** `GET /api/cases/:id`: the case, its notes, its accounts' profiles and its frozen evidence pack (if decided). Audited. */
export async function caseGet(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof caseQuery>>,
): Promise<HandlerResult> {
  const record = await ctx.store.getCase(input.params.id);
  if (!record) throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${input.params.id}`);
  const target = `case:${record.caseId}`;
  const { masked } = await piiMode(ctx, input.query, target);
  const [notes, accounts, pack] = await Promise.all([
    ctx.store.listNotes(record.caseId),
    ctx.store.getAccounts(record.accounts),
    ctx.store.getEvidencePack(record.caseId),
  ]);
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'case.view',
    target,
    at: ctx.now(),
  });
  const body: CaseDetailResponse = {
    case: record,
    notes,
    accounts: accounts.map((a) => toAccountSummary(a, ctx.masker, masked)),
    evidencePack: pack ? { hash: pack.hash, createdAt: pack.createdAt } : null,
    masked,
  };
  return { status: 200, body };
}
