import type { z } from 'zod';
import { recordAudit } from '../../core/audit/record-audit';
import type { JobResponse } from '../api-types';
import type { detectJobBody } from '../schemas/admin-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName } from '../views/pii-mode';
import { requireJobs } from '../views/require-jobs';

/** `POST /api/jobs/detect` (admin): enqueues a detection run; 202 with the job (an identical pending one is reused). */
export async function jobsDetect(
  ctx: HandlerContext,
  input: HandlerInput<unknown, unknown, z.infer<typeof detectJobBody>>,
): Promise<HandlerResult> {
  const job = await requireJobs(ctx).enqueueDetect(input.body);
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'job.enqueue',
    target: `job:${job.id}`,
    at: ctx.now(),
    detail: { name: job.name },
  });
  const body: JobResponse = { job: job as JobResponse['job'] };
  return { status: 202, body, headers: { Location: `/api/jobs/${encodeURIComponent(job.id)}` } };
}
