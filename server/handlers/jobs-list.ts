import type { z } from 'zod';
import type { JobListResponse } from '../api-types';
import type { jobListQuery } from '../schemas/admin-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { requireJobs } from '../views/require-jobs';

/** `GET /api/jobs?state=&limit=` (admin): recent jobs of the pipeline, newest first. */
export async function jobsList(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof jobListQuery>>,
): Promise<HandlerResult> {
  const jobs = await requireJobs(ctx).listJobs({
    limit: input.query.limit,
    state: input.query.state,
  });
  const body: JobListResponse = { items: jobs as JobListResponse['items'] };
  return { status: 200, body };
}
