import { z } from 'zod';
import { cursor, entityId, limitOf, revealFields } from './common';

export const CASE_STATUSES = ['open', 'in_progress', 'confirmed_fraud', 'dismissed'] as const;

const title = z.string().trim().min(1).max(200);

/** A case is opened on a ring (optionally as of a run) or on a list of accounts, not both. */
export const createCaseBody = z.union([
  z.strictObject({ ringId: entityId, runId: entityId.optional(), title: title.optional() }),
  z.strictObject({ accounts: z.array(entityId).min(1).max(1000), title: title.optional() }),
]);

export const caseListQuery = z.strictObject({
  assignee: z.string().min(1).max(64).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  cursor,
  limit: limitOf(200, 50),
});

export const caseQuery = z.strictObject({ ...revealFields });

export const updateCaseBody = z
  .strictObject({
    status: z.enum(CASE_STATUSES).optional(),
    assignee: z.string().min(1).max(64).nullable().optional(),
    decisionNote: z.string().max(10000).nullable().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change' });

export const noteBody = z.strictObject({ text: z.string().trim().min(1).max(10000) });

export const exportQuery = z.strictObject({
  format: z.enum(['csv', 'json', 'html']),
  ...revealFields,
});
