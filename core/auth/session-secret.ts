import { randomBytes } from 'node:crypto';
import type { CaseStore } from '../store/port';

const MARKER = 'session-secret';

/**
 * The key that signs session cookies and masks graph ids: created once (32 random bytes) and kept
 * in the store, so sessions survive a restart and every server process on one store agrees.
 */
export async function loadSessionSecret(store: CaseStore): Promise<string> {
  const existing = await store.getMarker(MARKER);
  if (existing) return existing;
  await store.setMarker(MARKER, randomBytes(32).toString('base64url'));
  return (await store.getMarker(MARKER)) as string;
}
