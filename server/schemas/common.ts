import { z } from 'zod';

/** An entity id in a path: what the input files allow (1 to 128 characters). */
export const entityId = z.string().min(1).max(128);

export const idParams = z.strictObject({ id: entityId });

export const cursor = z.string().min(1).max(512).optional();

export const limitOf = (max: number, fallback: number) =>
  z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * `?reveal=true&reason=…`: shows personal data in full for this reply; the reason is written to
 * the audit log. `reveal` without a reason is refused (`REVEAL_REASON_REQUIRED`).
 */
export const revealFields = {
  reveal: z.enum(['true', 'false']).optional(),
  reason: z.string().trim().min(3).max(500).optional(),
};

export const booleanFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
