/**
 * The signed-in investigator. The session itself is an httpOnly cookie the page cannot read;
 * this module keeps who it belongs to and hands the CSRF token to the API client.
 */
import type { SessionResponse, SessionUser } from '../../server/api-types';
import { ApiRequestError, api, setCsrfToken } from './api/client';

let current: SessionUser | null = null;

/** The signed-in user, or null. */
export function currentUser(): SessionUser | null {
  return current;
}

export function isAdmin(): boolean {
  return current?.role === 'admin';
}

function adopt(reply: SessionResponse): SessionUser {
  current = reply.user;
  setCsrfToken(reply.csrfToken);
  return reply.user;
}

/** Restores an existing session (cookie still valid); null when there is none. */
export async function restoreSession(): Promise<SessionUser | null> {
  try {
    return adopt(await api.get<SessionResponse>('session'));
  } catch (err) {
    if (err instanceof ApiRequestError && err.status === 401) return null;
    throw err;
  }
}

/** Logs in with name and password; the server sets the session cookie. */
export async function logIn(name: string, password: string): Promise<SessionUser> {
  return adopt(await api.post<SessionResponse>('session', { name, password }));
}

/** Ends the session on the server and forgets it here. */
export async function logOut(): Promise<void> {
  try {
    await api.del<void>('session');
  } finally {
    forgetSession();
  }
}

/** Forgets the session locally (after a 401). */
export function forgetSession(): void {
  current = null;
  setCsrfToken(null);
}
