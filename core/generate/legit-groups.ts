import { transferFrom } from './activity';
import { COUNTRIES } from './countries';
import { HOUR, randomLegitIndex, timeBetween, type GenContext } from './context';
import { residentialIp } from './ips';

type GroupKind = 'club' | 'landlord' | 'workplace';

interface Member {
  id: string;
  from: number;
  currency: string;
  fx: number;
}

/** Distinct legitimate people (already written) as group members, each active from its creation. */
function pickMembers(ctx: GenContext, size: number): Member[] {
  const { plan, ids, window } = ctx;
  const chosen = new Set<number>();
  while (chosen.size < size) chosen.add(randomLegitIndex(ctx));
  return [...chosen].map((i) => {
    const country = COUNTRIES[plan.countryOf[i]];
    return {
      id: ids.user(i),
      from: Math.max(window.start, plan.createdAt[i] + HOUR),
      currency: country.currency,
      fx: country.fx,
    };
  });
}

/** Monthly instants from `from` to the end of the window, on a given day of the month. */
function monthly(ctx: GenContext, from: number, dayOfMonth: number): number[] {
  const out: number[] = [];
  const d = new Date(from);
  let t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), dayOfMonth, 8);
  while (t <= ctx.window.end) {
    if (t >= from) out.push(t + ctx.rng.int(10 * HOUR));
    const m = new Date(t);
    t = Date.UTC(m.getUTCFullYear(), m.getUTCMonth() + 1, dayOfMonth, 8);
  }
  return out;
}

/** A sports club or association: members pay dues to the treasurer and check in on a shared kiosk. */
function club(ctx: GenContext, size: number): void {
  const { rng, ids, out, window } = ctx;
  const [treasurer, ...members] = pickMembers(ctx, size);
  const dues = rng.pick([15, 20, 25, 30, 40, 50, 60]);
  const kiosk = rng.chance(0.6) ? ids.device() : null;
  const wifi = residentialIp(rng);
  for (const m of members) {
    const from = Math.max(m.from, treasurer.from);
    for (const at of monthly(ctx, from, rng.range(1, 10))) {
      if (rng.chance(0.75)) transferFrom(ctx, m.id, treasurer.id, dues, m.currency, m.fx, at);
    }
    if (kiosk) {
      for (let k = rng.range(1, 5); k > 0; k--)
        out.sighting(m.id, kiosk, wifi, timeBetween(ctx, m.from, window.end));
    }
  }
}

/** A landlord: tenants pay the same rent around the first of every month. */
function landlord(ctx: GenContext, size: number): void {
  const { rng } = ctx;
  const [owner, ...tenants] = pickMembers(ctx, size);
  for (const t of tenants) {
    const rent = rng.range(6, 25) * 100;
    const from = Math.max(t.from, owner.from);
    for (const at of monthly(ctx, from, 1)) {
      transferFrom(
        ctx,
        t.id,
        owner.id,
        rent,
        t.currency,
        t.fx,
        at,
        rng.chance(0.02) ? 'failed' : 'settled',
      );
    }
  }
}

/** A small employer: staff share the shop's tablets and Wi-Fi, and the owner pays wages monthly. */
function workplace(ctx: GenContext, size: number): void {
  const { rng, ids, out, window } = ctx;
  const [owner, ...staff] = pickMembers(ctx, size);
  const tablets = Array.from({ length: rng.range(1, 3) }, () => ids.device());
  const ip = residentialIp(rng);
  for (const s of staff) {
    const wage = rng.range(15, 45) * 100;
    const from = Math.max(s.from, owner.from);
    for (const at of monthly(ctx, from, 28))
      transferFrom(ctx, owner.id, s.id, wage, owner.currency, owner.fx, at);
    for (let k = rng.range(2, 8); k > 0; k--) {
      out.sighting(s.id, rng.pick(tablets), ip, timeBetween(ctx, s.from, window.end));
    }
  }
  for (let k = rng.range(2, 6); k > 0; k--)
    out.sighting(owner.id, rng.pick(tablets), ip, timeBetween(ctx, owner.from, window.end));
}

const GROUPS: Record<GroupKind, (ctx: GenContext, size: number) => void> = {
  club,
  landlord,
  workplace,
};

/**
 * Legitimate groups that look like rings to a naive detector: clubs collecting dues on a shared
 * kiosk, landlords collecting rent, small employers whose staff share the shop's tablets and are
 * paid by one account. About one group per 350 people, 5–60 members each, drawn from
 * people already written (so their profile rows exist); written after all households.
 */
export function emitLegitGroups(ctx: GenContext): number {
  const { rng, plan } = ctx;
  const count = Math.round(plan.people / 350);
  for (let g = 0; g < count; g++) {
    const r = rng.float();
    const kind: GroupKind = r < 0.45 ? 'club' : r < 0.75 ? 'landlord' : 'workplace';
    const size = Math.min(60, Math.max(5, Math.round(rng.lognormal(2.5, 0.6))));
    GROUPS[kind](ctx, Math.min(size, Math.floor(plan.people / 4)));
  }
  return count;
}
