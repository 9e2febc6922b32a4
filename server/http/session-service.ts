import type { AppUser } from '../../core/types';
import type { UserStore } from '../../core/store/port';
import { userFromPassword, userFromToken } from '../../core/auth/authenticate';
import {
  checkCsrfToken,
  csrfTokenFor,
  newSession,
  signSession,
  verifySession,
  type SessionClaims,
} from '../../core/auth/session-token';
import { ForbiddenError, UnauthenticatedError } from '../../core/auth/auth-errors';
import type { LoginLimiter } from './login-limiter';
import type { Caller } from './handler-types';

export const SESSION_COOKIE = 'fr_session';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How long a resolved token or session user is reused before it is read from the store again. */
export const USER_CACHE_MS = 2_000;
const USER_CACHE_MAX = 10_000;

/**
 * Users resolved from API tokens or session user ids, kept for `USER_CACHE_MS`: a client
 * sending many requests pays for one token hash and store read per interval instead of one per
 * request. A user removed or changed (from the CLI, another process) is seen within that time.
 * Unknown tokens are not kept.
 */
class RecentUsers {
  private readonly byKey = new Map<string, { user: AppUser; until: number }>();

  get(key: string, now: number): AppUser | null {
    const hit = this.byKey.get(key);
    if (!hit) return null;
    if (hit.until > now) return hit.user;
    this.byKey.delete(key);
    return null;
  }

  set(key: string, user: AppUser, now: number): void {
    if (this.byKey.size >= USER_CACHE_MAX) this.byKey.clear();
    this.byKey.set(key, { user, until: now + USER_CACHE_MS });
  }

  clear(): void {
    this.byKey.clear();
  }
}

/**
 * Logins, logouts and request authentication. Sessions are signed cookies (see
 * `core/auth/session-token.ts`); a logout revokes its session id in this process until the
 * session would have expired anyway.
 */
export class SessionService {
  private readonly revoked = new Map<string, number>();
  private readonly tokenUsers = new RecentUsers();
  private readonly sessionUsers = new RecentUsers();

  constructor(
    private readonly store: UserStore,
    private readonly secret: string,
    private readonly limiter: LoginLimiter,
  ) {}

  /** Checks name and password (rate-limited); returns the user and a new signed session. */
  async login(
    name: string,
    password: string,
    ip: string,
    now: number,
  ): Promise<{ user: AppUser; claims: SessionClaims; cookie: string }> {
    this.limiter.attempt(name, ip, now);
    const user = await userFromPassword(this.store, name, password);
    if (!user) {
      this.limiter.failed(name, now);
      throw new UnauthenticatedError('fraud-rings: wrong user name or password');
    }
    const claims = newSession(user.userId, now);
    return { user, claims, cookie: signSession(claims, this.secret) };
  }

  logout(sid: string, exp: number): void {
    this.revoked.set(sid, exp);
    this.sessionUsers.clear();
  }

  csrfToken(sid: string): string {
    return csrfTokenFor(sid, this.secret);
  }

  /**
   * The caller of a request: a bearer token wins; else the session cookie, which on a
   * state-changing method also needs its CSRF token in `X-CSRF-Token`. Null when the request
   * carries neither; `UnauthenticatedError` when what it carries is invalid.
   */
  async authenticate(
    req: { method: string; authorization?: string; cookie?: string; csrfHeader?: string },
    now: number,
  ): Promise<Caller | null> {
    if (req.authorization !== undefined) {
      const match = /^Bearer ([A-Za-z0-9_\-.~+/=]{1,256})$/.exec(req.authorization);
      const token = match?.[1];
      let user = token === undefined ? null : this.tokenUsers.get(token, now);
      if (!user && token !== undefined) {
        user = await userFromToken(this.store, token);
        if (user) this.tokenUsers.set(token, user, now);
      }
      if (!user) throw new UnauthenticatedError('fraud-rings: invalid API token');
      return {
        userId: user.userId,
        name: user.name,
        role: user.role,
        via: 'token',
        sid: null,
        expiresAt: null,
      };
    }
    if (req.cookie === undefined) return null;
    this.pruneRevoked(now);
    const claims = verifySession(req.cookie, this.secret, now);
    if (!claims || this.revoked.has(claims.sid))
      throw new UnauthenticatedError('fraud-rings: session expired; log in again');
    let user = this.sessionUsers.get(claims.userId, now);
    if (!user) {
      user = await this.store.getUserById(claims.userId);
      if (user) this.sessionUsers.set(claims.userId, user, now);
    }
    if (!user) throw new UnauthenticatedError('fraud-rings: session expired; log in again');
    if (
      STATE_CHANGING.has(req.method) &&
      !checkCsrfToken(claims.sid, req.csrfHeader ?? '', this.secret)
    ) {
      throw new ForbiddenError(
        'CSRF_TOKEN_INVALID',
        'fraud-rings: missing or wrong X-CSRF-Token header',
      );
    }
    return {
      userId: user.userId,
      name: user.name,
      role: user.role,
      via: 'cookie',
      sid: claims.sid,
      expiresAt: claims.exp,
    };
  }

  private pruneRevoked(now: number): void {
    for (const [sid, exp] of this.revoked) if (exp <= now) this.revoked.delete(sid);
  }
}
