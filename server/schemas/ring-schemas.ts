import { z } from 'zod';
import { booleanFlag, cursor, entityId, limitOf, revealFields } from './common';

export const RING_STATUSES = ['new', 'ongoing', 'grown', 'shrunk', 'merged', 'split'] as const;

export const ringListQuery = z.strictObject({
  runId: entityId.optional(),
  status: z.enum(RING_STATUSES).optional(),
  minScore: z.coerce.number().min(0).max(100).optional(),
  newSince: entityId.optional().describe('a run id: only rings whose id did not exist in that run'),
  flagged: booleanFlag
    .optional()
    .describe('default true: flagged rings only; false: every candidate'),
  sort: z.enum(['score', 'size']).default('score'),
  cursor,
  limit: limitOf(200, 50),
});

export const ringQuery = z.strictObject({ runId: entityId.optional(), ...revealFields });

export const ringGraphQuery = z.strictObject({
  runId: entityId.optional(),
  limit: limitOf(2000, 500),
  hubCap: limitOf(1000, 50),
  ...revealFields,
});

export const runListQuery = z.strictObject({ limit: limitOf(200, 20) });
