import { normalizeIdentifier } from '../identifiers/normalize';
import type { IdentifierRef, SightingInput } from '../types';
import { idProblem, optional, requiredTime } from './field-rules';

export { SIGHTING_COLUMNS } from '../input-columns';

/**
 * One devices row (values in `SIGHTING_COLUMNS` order) as a `SightingInput`, or the reason it is
 * rejected: a missing or over-long user_id or device_id, a seen_at that is not ISO 8601, or an
 * ip that is present but not an IPv4 or IPv6 address. The device and the IP become identifiers
 * of the account.
 */
export function validateSighting(v: Array<string | undefined>): SightingInput | string {
  const userId = optional(v[0]);
  const deviceId = optional(v[1]);
  const idError = idProblem(userId, 'user_id') ?? idProblem(deviceId, 'device_id');
  if (idError !== null) return idError;
  const seenAt = requiredTime(v[3], 'seen_at');
  if (typeof seenAt === 'string') return seenAt;
  const device = normalizeIdentifier('device', deviceId);
  if (device === null) return 'missing device_id';
  const identifiers: IdentifierRef[] = [device];
  const ipText = optional(v[2]);
  let ip: string | null = null;
  if (ipText !== null) {
    const ref = normalizeIdentifier('ip', ipText);
    if (ref === null) return 'ip is not an IPv4 or IPv6 address';
    identifiers.push(ref);
    ip = ipText;
  }
  return { userId: userId!, deviceId: deviceId!, ip, seenAt, identifiers };
}
