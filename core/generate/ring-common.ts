import type { TimeWindow } from './context';
import { HOUR, timeBetween, randomLegitIndex, type GenContext } from './context';
import { purchase, transfer, transferFrom } from './activity';
import type { Label } from './dataset-writer';
import type { Merchant } from './infrastructure';
import { makePerson, type Person, type PersonOverrides } from './person';
import type { RingPlan } from './plan';
import type { Rng } from './rng';

/** One kind of planted ring: when its accounts were opened, and everything it then writes. */
export interface RingGenerator {
  createdTimes(rng: Rng, size: number, window: TimeWindow): number[];
  emit(ctx: GenContext, ring: RingPlan): void;
}

/**
 * Known outcomes inside a ring: only a minority (10–35 %, drawn per ring) is labelled `fraud`;
 * a few members were reviewed and wrongly cleared as `legit`; the rest are unknown.
 */
export function ringLabels(rng: Rng, size: number): Label[] {
  const fraud = Math.round(size * rng.between(0.1, 0.35));
  const labels: Label[] = Array.from({ length: size }, (_, k) =>
    k < fraud ? 'fraud' : rng.chance(0.04) ? 'legit' : '',
  );
  return rng.shuffle(labels);
}

/** The ring's members as people; `overrides(k)` supplies what member k shares with others. */
export function ringMembers(
  ctx: GenContext,
  ring: RingPlan,
  overrides: (k: number) => PersonOverrides = () => ({}),
): Person[] {
  return Array.from({ length: ring.size }, (_, k) => makePerson(ctx, ring.start + k, overrides(k)));
}

/**
 * Ordinary-looking activity of a ring member, so the ring is not an island: purchases at
 * popular merchants, payments to and from legitimate accounts. `intensity` scales it.
 */
export function camouflage(
  ctx: GenContext,
  p: Person,
  from: number,
  to: number,
  intensity: number,
): void {
  const { rng, ids, plan } = ctx;
  if (to <= from) return;
  for (let i = rng.poisson(4 * intensity); i > 0; i--) purchase(ctx, p, timeBetween(ctx, from, to));
  for (let i = rng.poisson(0.8 * intensity); i > 0; i--) {
    const f = randomLegitIndex(ctx);
    transfer(
      ctx,
      p,
      ids.user(f),
      rng.lognormal(3.3, 0.8),
      timeBetween(ctx, Math.max(from, plan.createdAt[f] + HOUR), to),
    );
  }
  for (let i = rng.poisson(0.6 * intensity); i > 0; i--) {
    const f = randomLegitIndex(ctx);
    const at = timeBetween(ctx, Math.max(from, plan.createdAt[f] + HOUR), to);
    transferFrom(
      ctx,
      ids.user(f),
      p.id,
      rng.lognormal(3.3, 0.8),
      p.country.currency,
      p.country.fx,
      at,
    );
  }
}

/** Payments into `p` from legitimate accounts (scam victims); some are later charged back. */
export function victimPayments(
  ctx: GenContext,
  p: Person,
  count: number,
  from: number,
  to: number,
  chargebackRate: number,
): void {
  const { rng, ids, plan } = ctx;
  for (let i = 0; i < count; i++) {
    const v = randomLegitIndex(ctx);
    const at = timeBetween(ctx, Math.max(from, plan.createdAt[v] + HOUR), to);
    const status = rng.chance(chargebackRate) ? 'chargeback' : 'settled';
    transferFrom(
      ctx,
      ids.user(v),
      p.id,
      rng.lognormal(4.3, 0.7),
      p.country.currency,
      p.country.fx,
      at,
      status,
    );
  }
}

/** A payee that only this ring pays: a shell merchant with no users row. */
export function shellMerchant(ctx: GenContext, like: Merchant): Merchant {
  return {
    index: -1,
    id: ctx.ids.external(),
    name: like.name,
    category: like.category,
    terminals: [],
    hasAccount: false,
    chargebackRate: like.chargebackRate,
  };
}
