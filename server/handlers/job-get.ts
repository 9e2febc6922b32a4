import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import type { JobResponse } from '../api-types';
import type { jobParams } from '../schemas/admin-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { requireJobs } from '../views/require-jobs';

/** `GET /api/jobs/:id` (admin): one job with its state, progress and result. */
export async function jobGet(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof jobParams>>,
): Promise<HandlerResult> {
  const job = await requireJobs(ctx).getJob(input.params.id);
  if (!job) throw new NotFoundError('JOB_NOT_FOUND', `fraud-rings: no job ${input.params.id}`);
  const body: JobResponse = { job: job as JobResponse['job'] };
  return { status: 200, body };
}
