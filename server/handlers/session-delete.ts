import { recordAudit } from '../../core/audit/record-audit';
import type { HandlerContext, HandlerResult } from '../http/handler-types';
import { callerName } from '../views/pii-mode';

/** `DELETE /api/session`: ends a cookie session (revoked, and the cookie cleared). A no-op for token clients. */
export async function sessionDelete(ctx: HandlerContext): Promise<HandlerResult> {
  const c = ctx.caller;
  if (c?.sid && c.expiresAt !== null) {
    ctx.sessions.logout(c.sid, c.expiresAt);
    await recordAudit(ctx.store, {
      actor: callerName(ctx),
      action: 'session.logout',
      target: `user:${c.userId}`,
      at: ctx.now(),
    });
  }
  return { status: 204, session: { clear: true } };
}
