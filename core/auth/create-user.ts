import { randomUUID } from 'node:crypto';
import type { UserStore } from '../store/port';
import type { AppUser, Role } from '../types';
import { InvalidInputError } from '../errors';
import { hashPassword } from './password-hash';
import { newApiToken } from './api-token';

export const USER_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const MIN_PASSWORD_LENGTH = 8;

/**
 * Creates an investigator or admin and issues a first API token, which is returned once (only its
 * hash is stored). Without a password the user can use the API with the token but cannot log in
 * to the UI. Throws `USER_EXISTS` (ConflictError) for a taken name.
 */
export async function createUser(
  store: UserStore,
  input: { name: string; role: Role; password?: string | null },
  now: number = Date.now(),
): Promise<{ user: AppUser; token: string }> {
  if (!USER_NAME_PATTERN.test(input.name)) {
    throw new InvalidInputError(
      'INVALID_USER_NAME',
      'fraud-rings: a user name is 1-64 letters, digits, dots, dashes or underscores',
    );
  }
  if (input.role !== 'analyst' && input.role !== 'admin') {
    throw new InvalidInputError('INVALID_ROLE', 'fraud-rings: role must be analyst or admin');
  }
  if (input.password != null && input.password.length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInputError(
      'WEAK_PASSWORD',
      `fraud-rings: a password has at least ${MIN_PASSWORD_LENGTH} characters`,
    );
  }
  const user: AppUser = {
    userId: randomUUID(),
    name: input.name,
    role: input.role,
    passwordHash: input.password == null ? null : await hashPassword(input.password),
    createdAt: now,
  };
  await store.createUser(user);
  const { token, hash } = newApiToken();
  await store.addToken(user.userId, hash, now);
  return { user, token };
}
