import { createHash, randomBytes } from 'node:crypto';

/** Prefix of every API token, so a leaked one is easy to recognise in a secret scanner. */
const TOKEN_PREFIX = 'frt_';

/** The store keeps only this digest: a stolen database does not give working tokens. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A new API token (32 random bytes) and the hash to store. The token itself is shown once. */
export function newApiToken(): { token: string; hash: string } {
  const token = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}
