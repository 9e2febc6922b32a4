import type { DatasetWriter } from './dataset-writer';
import type { IdFactory } from './ids';
import type { Infrastructure } from './infrastructure';
import type { Plan } from './plan';
import type { Rng } from './rng';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;

/** The time span of activity: the year before `end`, a fixed instant derived from the seed. */
export interface TimeWindow {
  start: number;
  end: number;
}

/** What every population and ring generator works with while the data set is written. */
export interface GenContext {
  rng: Rng;
  ids: IdFactory;
  window: TimeWindow;
  plan: Plan;
  infra: Infrastructure;
  out: DatasetWriter;
  /** Ring members written with the `fraud` label (reported in the result's truth counts). */
  ringFraudLabels: number;
}

/** A random instant in [from, to] (to is clamped to be at least from). */
export function timeBetween(ctx: GenContext, from: number, to: number): number {
  return to <= from ? from : from + Math.floor(ctx.rng.float() * (to - from));
}

/** A random person who is not in a planted ring (for friends, victims and camouflage). */
export function randomLegitIndex(ctx: GenContext): number {
  const { plan, rng } = ctx;
  for (;;) {
    const i = rng.int(plan.people);
    if (plan.ringOf[i] === -1) return i;
  }
}

/** Creation time of an ordinary account: up to six years back, most of them recent. */
export function ordinaryCreatedAt(rng: Rng, window: TimeWindow): number {
  const ageDays = 2 + 2200 * Math.pow(rng.float(), 1.7);
  return Math.floor(window.end - ageDays * DAY - rng.int(DAY));
}
