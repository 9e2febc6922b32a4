/**
 * The nightly schedule: one BullMQ job scheduler (`nightly`, on the ingest queue) that, at
 * `config.nightlyCron` in `config.nightlyTimeZone`, produces a `nightly` trigger job; a worker
 * processes it by hashing the files then in the given paths (usually an inbox directory) and
 * adding that night's flow. Upserting replaces the previous schedule, so re-running is safe.
 */
import path from 'node:path';
import type { Config } from '../core/config';
import { InvalidInputError } from '../core/errors';
import { expandInputPaths } from './input-files';
import type { NightlyTriggerData } from './job-data';
import { JOB_DEFAULTS, type QueueSet } from './queue-set';

export const NIGHTLY_SCHEDULER_ID = 'nightly';

export interface NightlySchedule {
  id: string;
  pattern: string;
  timeZone: string;
  paths: string[];
  /** Next run, epoch ms, or null if none is planned. */
  next: number | null;
}

/** Installs or replaces the nightly schedule. The paths must exist now (they are re-read each night). */
export async function scheduleNightly(
  queues: QueueSet,
  config: Config,
  paths: string[],
): Promise<NightlySchedule> {
  expandInputPaths(paths);
  const absolute = paths.map((p) => path.resolve(p));
  const data: NightlyTriggerData = { paths: absolute };
  try {
    await queues
      .queue('ingest')
      .upsertJobScheduler(
        NIGHTLY_SCHEDULER_ID,
        { pattern: config.nightlyCron, tz: config.nightlyTimeZone },
        { name: 'nightly', data, opts: JOB_DEFAULTS },
      );
  } catch (err) {
    throw new InvalidInputError(
      'BAD_SCHEDULE',
      `fraud-rings: cannot schedule '${config.nightlyCron}' in ${config.nightlyTimeZone}: ${(err as Error).message}`,
    );
  }
  const schedule = await readNightlySchedule(queues);
  if (schedule === null) throw new Error('fraud-rings: the nightly schedule was not stored');
  return schedule;
}

export async function readNightlySchedule(queues: QueueSet): Promise<NightlySchedule | null> {
  const s = await queues.queue('ingest').getJobScheduler(NIGHTLY_SCHEDULER_ID);
  if (s === undefined) return null;
  const data = (s.template?.data ?? { paths: [] }) as NightlyTriggerData;
  return {
    id: NIGHTLY_SCHEDULER_ID,
    pattern: s.pattern ?? '',
    timeZone: s.tz ?? 'UTC',
    paths: data.paths,
    next: s.next ?? null,
  };
}

export async function unscheduleNightly(queues: QueueSet): Promise<boolean> {
  return queues.queue('ingest').removeJobScheduler(NIGHTLY_SCHEDULER_ID);
}
