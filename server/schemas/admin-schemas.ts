import { z } from 'zod';
import { cursor, limitOf } from './common';
import { JOB_STATES } from '../../jobs/job-runner';

export const detectJobBody = z.strictObject({
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  resolution: z.number().positive().max(10).optional(),
  key: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/)
    .optional(),
});

export const jobListQuery = z.strictObject({
  limit: limitOf(1000, 50),
  state: z.enum(JOB_STATES).optional(),
});

export const jobParams = z.strictObject({ id: z.string().min(1).max(256) });

export const auditQuery = z.strictObject({
  actor: z.string().min(1).max(128).optional(),
  action: z.string().min(1).max(64).optional(),
  target: z.string().min(1).max(300).optional(),
  cursor,
  limit: limitOf(1000, 100),
});

export const loginBody = z.strictObject({
  name: z.string().min(1).max(64),
  password: z.string().min(1).max(1024),
});
