import type { z } from 'zod';
import { recordAudit } from '../../core/audit/record-audit';
import { UnauthenticatedError } from '../../core/auth/auth-errors';
import type { SessionResponse } from '../api-types';
import type { loginBody } from '../schemas/admin-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';

/** `POST /api/session`: name and password in, a signed session cookie and its CSRF token out. */
export async function sessionCreate(
  ctx: HandlerContext,
  input: HandlerInput<unknown, unknown, z.infer<typeof loginBody>>,
): Promise<HandlerResult> {
  const now = ctx.now();
  try {
    const { user, claims, cookie } = await ctx.sessions.login(
      input.body.name,
      input.body.password,
      ctx.clientIp,
      now,
    );
    await recordAudit(ctx.store, {
      actor: user.name,
      action: 'session.login',
      target: `user:${user.userId}`,
      at: now,
    });
    const body: SessionResponse = {
      user: { userId: user.userId, name: user.name, role: user.role },
      via: 'cookie',
      csrfToken: ctx.sessions.csrfToken(claims.sid),
      expiresAt: claims.exp,
    };
    return { status: 201, body, session: { set: { value: cookie, expiresAt: claims.exp } } };
  } catch (err) {
    if (err instanceof UnauthenticatedError) {
      await recordAudit(ctx.store, {
        actor: 'anonymous',
        action: 'session.login_failed',
        target: 'session',
        at: now,
        detail: { ip: ctx.clientIp },
      });
    }
    throw err;
  }
}
