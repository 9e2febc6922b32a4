import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { AccountResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { accountQuery } from '../schemas/account-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { toRingSummary } from '../views/ring-views';

/** `GET /api/accounts/:id`: profile, identifiers, payment totals and rings of the latest run. Audited. */
export async function accountGet(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof accountQuery>>,
): Promise<HandlerResult> {
  const account = await ctx.store.getAccount(input.params.id);
  if (!account)
    throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${input.params.id}`);
  const target = `account:${account.userId}`;
  const { masked } = await piiMode(ctx, input.query, target);
  const rings = await ctx.store.ringsOfAccount(account.userId);
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'account.view',
    target,
    at: ctx.now(),
  });
  const body: AccountResponse = {
    account: masked ? ctx.masker.account(account) : account,
    rings: rings.map((r) => toRingSummary(r, ctx.masker, masked)),
    masked,
  };
  return { status: 200, body };
}
