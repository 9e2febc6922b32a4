import { FraudRingsError } from '../../core/errors';
import type { JobRunner } from '../../jobs/job-runner';
import type { HandlerContext } from '../http/handler-types';

/** The job runner of the app; a server started without one answers job routes with `JOBS_UNAVAILABLE` (503). */
export function requireJobs(ctx: HandlerContext): JobRunner {
  if (!ctx.jobs)
    throw new FraudRingsError('JOBS_UNAVAILABLE', 'fraud-rings: this server runs no job runner');
  return ctx.jobs;
}
