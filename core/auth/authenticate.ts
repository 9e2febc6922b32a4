import type { UserStore } from '../store/port';
import type { AppUser } from '../types';
import { decoyHash, verifyPassword } from './password-hash';
import { hashToken } from './api-token';

/** The user an API token belongs to, or null. */
export async function userFromToken(store: UserStore, token: string): Promise<AppUser | null> {
  if (token.length === 0 || token.length > 256) return null;
  return store.userByTokenHash(hashToken(token));
}

/**
 * The user when name and password match, else null. Unknown names and users without a password
 * still pay for one scrypt comparison, so response time does not reveal which names exist.
 */
export async function userFromPassword(
  store: UserStore,
  name: string,
  password: string,
): Promise<AppUser | null> {
  const user = await store.getUserByName(name);
  const stored = user?.passwordHash ?? (await decoyHash());
  const ok = await verifyPassword(password, stored);
  return ok && user?.passwordHash ? user : null;
}
