import type { Request } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../../core/auth/auth-errors';
import type { Access, Caller } from './handler-types';
import { SESSION_COOKIE, type SessionService } from './session-service';
import { readCookie } from './cookies';

/**
 * The caller of a request allowed on a route of the given access: null on public routes,
 * `UnauthenticatedError` (401) without valid credentials, `ForbiddenError` (403) for an analyst
 * on an admin route or a cookie request that changes state without its CSRF token.
 */
export async function authorize(
  req: Request,
  access: Access,
  sessions: SessionService,
  now: number,
): Promise<Caller | null> {
  if (access === 'public') return null;
  const caller = await sessions.authenticate(
    {
      method: req.method,
      authorization: req.get('authorization'),
      cookie: readCookie(req.get('cookie'), SESSION_COOKIE),
      csrfHeader: req.get('x-csrf-token'),
    },
    now,
  );
  if (!caller) throw new UnauthenticatedError();
  if (access === 'admin' && caller.role !== 'admin')
    throw new ForbiddenError('FORBIDDEN', 'fraud-rings: this route is for admins');
  return caller;
}
