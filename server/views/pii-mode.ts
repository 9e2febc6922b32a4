import { InvalidInputError } from '../../core/errors';
import { recordReveal } from '../../core/audit/record-audit';
import type { HandlerContext } from '../http/handler-types';

/**
 * Decides whether a reply shows personal data in full. Masked unless `reveal=true`; a reveal
 * needs a reason (`REVEAL_REASON_REQUIRED`, 400) and is written to the audit log, with the
 * target and the reason, before the data is returned.
 */
export async function piiMode(
  ctx: HandlerContext,
  query: { reveal?: 'true' | 'false'; reason?: string },
  target: string,
): Promise<{ masked: boolean }> {
  if (query.reveal !== 'true') return { masked: true };
  if (!query.reason) {
    throw new InvalidInputError(
      'REVEAL_REASON_REQUIRED',
      'fraud-rings: reveal=true needs a reason (reason=…), which is audited',
    );
  }
  await recordReveal(ctx.store, {
    actor: callerName(ctx),
    target,
    reason: query.reason,
    at: ctx.now(),
  });
  return { masked: false };
}

/** The caller's name on an authenticated route (the route table guarantees there is one). */
export function callerName(ctx: HandlerContext): string {
  if (!ctx.caller)
    throw new Error('fraud-rings: handler of an authenticated route called without a caller');
  return ctx.caller.name;
}
