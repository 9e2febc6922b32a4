import { hashPassword, verifyPassword } from '../../core/auth/password-hash';
import { hashToken, newApiToken } from '../../core/auth/api-token';
import {
  checkCsrfToken,
  csrfTokenFor,
  newSession,
  signSession,
  verifySession,
} from '../../core/auth/session-token';
import { LoginLimiter } from '../../server/http/login-limiter';
import { RateLimitedError } from '../../core/auth/auth-errors';

describe('passwords, tokens and sessions', () => {
  it('hashes passwords with scrypt and a per-user salt, and verifies them', async () => {
    const a = await hashPassword('correct horse');
    const b = await hashPassword('correct horse');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse', a)).toBe(true);
    expect(await verifyPassword('correct horsE', a)).toBe(false);
    expect(await verifyPassword('correct horse', 'plain')).toBe(false);
  });

  it('issues 32-byte random API tokens and stores only their sha256', () => {
    const { token, hash } = newApiToken();
    expect(token).toMatch(/^frt_[A-Za-z0-9_-]{43}$/);
    expect(hash).toBe(hashToken(token));
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(newApiToken().token).not.toBe(token);
  });

  it('accepts only untampered, unexpired session cookies', () => {
    const claims = newSession('user-1', 1000);
    const cookie = signSession(claims, 'secret');
    expect(verifySession(cookie, 'secret', 2000)).toEqual(claims);
    expect(verifySession(cookie, 'other', 2000)).toBeNull();
    expect(verifySession(cookie, 'secret', claims.exp)).toBeNull();
    const [payload, sig] = cookie.split('.');
    const forged = Buffer.from(JSON.stringify({ ...claims, userId: 'admin' })).toString(
      'base64url',
    );
    expect(verifySession(`${forged}.${sig}`, 'secret', 2000)).toBeNull();
    expect(verifySession(payload, 'secret', 2000)).toBeNull();
    expect(checkCsrfToken(claims.sid, csrfTokenFor(claims.sid, 'secret'), 'secret')).toBe(true);
    expect(checkCsrfToken(claims.sid, csrfTokenFor('other-sid', 'secret'), 'secret')).toBe(false);
  });

  it('limits failed logins per name and attempts per IP within a window', () => {
    const limiter = new LoginLimiter({ failuresPerName: 2, attemptsPerIp: 4, windowMs: 1000 });
    limiter.attempt('Ann', '1.1.1.1', 0);
    limiter.failed('Ann', 0);
    limiter.attempt('ann', '1.1.1.2', 1);
    limiter.failed('ann', 1);
    expect(() => limiter.attempt('ANN', '1.1.1.3', 2)).toThrow(RateLimitedError);
    expect(() => limiter.attempt('ann', '1.1.1.3', 1001)).not.toThrow();
    for (let i = 0; i < 4; i++) limiter.attempt(`user${i}`, '9.9.9.9', 10);
    expect(() => limiter.attempt('user9', '9.9.9.9', 11)).toThrow(RateLimitedError);
  });
});
