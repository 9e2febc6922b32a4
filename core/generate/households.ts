import {
  DAY,
  HOUR,
  ordinaryCreatedAt,
  timeBetween,
  randomLegitIndex,
  type GenContext,
  type TimeWindow,
} from './context';
import { activeFrom, ordinarySightings, purchase, spending, transfer } from './activity';
import { makeAddress, makePhone, renderPhone } from './identity';
import { homeIpv6, residentialIp } from './ips';
import { LAST_NAMES } from './names';
import { makePerson, randomCountry, writeUser, type Person } from './person';
import type { Label } from './dataset-writer';
import type { Rng } from './rng';

/**
 * Household members open accounts at unrelated times, except families that sign up together;
 * a few percent of everyone sign up on a campaign day, in a burst with strangers.
 */
export function householdCreatedTimes(
  rng: Rng,
  size: number,
  window: TimeWindow,
  promoDays: readonly number[],
): number[] {
  const one = (): number =>
    rng.chance(0.04) ? rng.pick(promoDays) + rng.int(12 * HOUR) : ordinaryCreatedAt(rng, window);
  if (size >= 2 && rng.chance(0.2)) {
    const t = one();
    return Array.from({ length: size }, () => t + rng.int(6 * HOUR));
  }
  return Array.from({ length: size }, one);
}

function legitLabel(ctx: GenContext, index: number): Label {
  if (ctx.plan.wrongFraud.has(index)) return 'fraud';
  if (ctx.plan.loneFraud.has(index)) return ctx.rng.chance(0.5) ? 'fraud' : '';
  return ctx.rng.chance(0.02) ? 'legit' : '';
}

/** A lone fraudster's own cash-out: high-value purchases that mostly come back as chargebacks. */
function loneFraud(ctx: GenContext, p: Person, from: number): void {
  const { rng, infra, window } = ctx;
  const start = timeBetween(ctx, from, window.end);
  for (let i = rng.range(2, 6); i > 0; i--) {
    const merchant = infra.merchantIn(rng, rng.pick(['electronics', 'giftcards', 'travel']));
    const at = timeBetween(ctx, start, Math.min(window.end, start + 10 * DAY));
    purchase(ctx, p, at, merchant, undefined, rng.chance(0.6) ? 'chargeback' : 'settled');
  }
}

/** Payments of `p` to a few friends, never before the friend's account existed. */
function paymentsToFriends(ctx: GenContext, p: Person, from: number): void {
  const { rng, plan, ids, window } = ctx;
  const count = rng.poisson(1.2 * p.activity);
  if (count === 0) return;
  const friends = Array.from({ length: rng.range(1, 4) }, () => randomLegitIndex(ctx));
  for (let i = 0; i < count; i++) {
    const f = rng.pick(friends);
    if (f === p.index) continue;
    const at = timeBetween(ctx, Math.max(from, plan.createdAt[f] + HOUR), window.end);
    transfer(ctx, p, ids.user(f), rng.lognormal(3.2, 0.8), at);
  }
}

/**
 * A legitimate household of 1–6 people: one address (each member writes it their own way),
 * home IPs, often a family tablet, sometimes a shared landline or a card lent between
 * partners, money moving among them; plus each member's own spending, friends, office,
 * mobile network and public Wi-Fi. Small, dense and shared: what detection must not flag.
 */
export function emitHousehold(ctx: GenContext, start: number, size: number): void {
  const { rng, ids, window } = ctx;
  const country = randomCountry(ctx);
  const last = size > 1 && rng.chance(0.7) ? rng.pick(LAST_NAMES) : undefined;
  const address = makeAddress(rng, country, size === 1 ? 0.3 : 0.4);
  const homeIps = rng.chance(0.7) ? [residentialIp(rng)] : [residentialIp(rng), residentialIp(rng)];
  if (rng.chance(0.08)) homeIps.push(homeIpv6(rng));
  const members: Person[] = [];
  for (let k = 0; k < size; k++)
    members.push(makePerson(ctx, start + k, { country, last, address, homeIps }));
  const familyDevice = size > 1 && rng.chance(0.6) ? ids.device() : null;
  const landline = size > 1 && rng.chance(0.12) ? makePhone(rng, country) : null;
  const sharedCard = size > 1 && rng.chance(0.15) ? members[0].cards[0] : null;

  for (const m of members) {
    const phone =
      landline && rng.chance(0.6) ? renderPhone(rng, landline, m.countryKnown) : undefined;
    writeUser(ctx, m, legitLabel(ctx, m.index), { phone });
  }
  for (const m of members) {
    const from = activeFrom(ctx, m);
    if (from >= window.end) continue;
    ordinarySightings(ctx, m, 1 + rng.poisson(3 * m.activity), from, window.end, familyDevice);
    spending(
      ctx,
      m,
      rng.poisson(8 * m.activity),
      from,
      window.end,
      m === members[0] ? null : sharedCard,
    );
    paymentsToFriends(ctx, m, from);
    if (ctx.plan.loneFraud.has(m.index)) loneFraud(ctx, m, from);
    if (size > 1) {
      for (let i = rng.poisson(1.5); i > 0; i--) {
        const other = members[rng.int(size)];
        if (other === m) continue;
        const at = timeBetween(ctx, Math.max(from, activeFrom(ctx, other)), window.end);
        transfer(ctx, m, other.id, rng.lognormal(4, 0.9), at);
      }
    }
  }
}
