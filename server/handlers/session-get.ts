import type { SessionResponse } from '../api-types';
import type { HandlerContext, HandlerResult } from '../http/handler-types';
import { UnauthenticatedError } from '../../core/auth/auth-errors';

/** `GET /api/session`: who is calling, how, and (cookie sessions) the CSRF token to send back. */
export async function sessionGet(ctx: HandlerContext): Promise<HandlerResult> {
  const c = ctx.caller;
  if (!c) throw new UnauthenticatedError();
  const body: SessionResponse = {
    user: { userId: c.userId, name: c.name, role: c.role },
    via: c.via,
    csrfToken: c.sid ? ctx.sessions.csrfToken(c.sid) : null,
    expiresAt: c.expiresAt,
  };
  return { status: 200, body };
}
