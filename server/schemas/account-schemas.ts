import { z } from 'zod';
import { limitOf, revealFields } from './common';

export const accountQuery = z.strictObject({ ...revealFields });

export const neighbourhoodQuery = z.strictObject({
  depth: z.coerce.number().int().min(1).max(3).default(1),
  limit: limitOf(2000, 200),
  hubCap: limitOf(1000, 50),
  ...revealFields,
});

export const searchQuery = z.strictObject({
  q: z.string().trim().min(1).max(256),
  limit: limitOf(100, 20),
  ...revealFields,
});
