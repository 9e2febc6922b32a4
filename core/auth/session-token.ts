import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** What a session cookie says: its own id, whose it is, and until when it is valid. */
export interface SessionClaims {
  sid: string;
  userId: string;
  exp: number;
}

export const SESSION_TTL_MS = 8 * 60 * 60 * 1000;

function mac(secret: string, purpose: string, data: string): Buffer {
  return createHmac('sha256', secret).update(`${purpose}\n${data}`).digest();
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A new session for `userId`, valid `SESSION_TTL_MS` from `now`. */
export function newSession(userId: string, now: number): SessionClaims {
  return { sid: randomBytes(16).toString('base64url'), userId, exp: now + SESSION_TTL_MS };
}

/**
 * The cookie value of a session: its claims and an HMAC-SHA256 of them under the server's secret
 * (`payload.signature`, base64url). Sessions are signed rather than stored, so any server
 * process holding the secret accepts them and the store needs no session table.
 */
export function signSession(claims: SessionClaims, secret: string): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(secret, 'session', payload).toString('base64url')}`;
}

/** The claims of a cookie value if its signature is right and it has not expired, else null. */
export function verifySession(value: string, secret: string, now: number): SessionClaims | null {
  const dot = value.indexOf('.');
  if (dot <= 0 || value.length > 1024) return null;
  const payload = value.slice(0, dot);
  if (!sameBytes(Buffer.from(value.slice(dot + 1), 'base64url'), mac(secret, 'session', payload)))
    return null;
  try {
    const c = JSON.parse(
      Buffer.from(payload, 'base64url').toString('utf8'),
    ) as Partial<SessionClaims>;
    if (typeof c.sid !== 'string' || typeof c.userId !== 'string' || typeof c.exp !== 'number')
      return null;
    return c.exp > now ? { sid: c.sid, userId: c.userId, exp: c.exp } : null;
  } catch {
    return null;
  }
}

/**
 * The CSRF token of a session: derived from its id, so it needs no storage, and unknown to a
 * cross-site page (which can make the browser send the cookie but cannot read this reply).
 */
export function csrfTokenFor(sid: string, secret: string): string {
  return mac(secret, 'csrf', sid).toString('base64url');
}

/** True when `token` is the CSRF token of session `sid`; constant-time. */
export function checkCsrfToken(sid: string, token: string, secret: string): boolean {
  return sameBytes(Buffer.from(token, 'utf8'), Buffer.from(csrfTokenFor(sid, secret), 'utf8'));
}
