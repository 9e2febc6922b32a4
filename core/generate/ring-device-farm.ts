import { DAY, HOUR, timeBetween, type GenContext } from './context';
import { ordinarySightings, purchase, transfer } from './activity';
import { makeEmail } from './identity';
import { datacenterIp, residentialIp } from './ips';
import { writeUser } from './person';
import type { RingPlan } from './plan';
import {
  camouflage,
  ringLabels,
  ringMembers,
  shellMerchant,
  victimPayments,
  type RingGenerator,
} from './ring-common';

const DISPOSABLE = [
  'mail.com',
  'proton.me',
  'outlook.com',
  'gmx.com',
  'yandex.com',
  'tutanota.com',
];

/**
 * A device farm: accounts opened in a burst of a few days and operated from a handful of
 * emulators behind a few proxy IPs, in sessions where the operator cycles through them.
 * Money from victims is funnelled to one or two collector accounts and cashed out.
 */
export const deviceFarm: RingGenerator = {
  createdTimes(rng, size, window) {
    const t0 = window.start + rng.int(window.end - window.start - 45 * DAY);
    return Array.from({ length: size }, () => t0 + rng.int(3 * DAY));
  },

  emit(ctx: GenContext, ring: RingPlan) {
    const { rng, ids, window, infra } = ctx;
    const labels = ringLabels(rng, ring.size);
    const farm = Array.from(
      { length: 1 + Math.floor(ring.size / 8) + (rng.chance(0.3) ? 1 : 0) },
      () => ids.device(),
    );
    const proxies = Array.from({ length: rng.range(2, 5) }, () => datacenterIp(rng));
    const members = ringMembers(ctx, ring);
    const t0 = Math.min(...members.map((m) => m.createdAt));
    const until = Math.min(window.end, t0 + (60 + rng.int(90)) * DAY);
    for (const m of members) {
      const own = rng.chance(0.3) ? [m.devices[0]] : [];
      m.devices = [...rng.sample(farm, rng.range(1, 2)), ...own];
      m.homeIps = [rng.pick(proxies)];
    }
    members.forEach((m, k) => {
      const email = rng.chance(0.4)
        ? makeEmail(rng, m.first, m.last, rng.u32(), rng.pick(DISPOSABLE))
        : undefined;
      writeUser(ctx, m, labels[k], email ? { email } : {});
    });

    for (let s = rng.range(4, 14); s > 0; s--) {
      let at = timeBetween(ctx, t0 + HOUR, until);
      for (const m of members) {
        if (!rng.chance(0.6) || at < m.createdAt) continue;
        at += rng.int(300_000);
        const r = rng.float();
        const ip =
          r < 0.55
            ? rng.pick(proxies)
            : r < 0.85
              ? infra.carrierIp(rng, m.carrier)
              : residentialIp(rng);
        ctx.out.sighting(m.id, rng.pick(m.devices), ip, at);
      }
    }

    const collectors = members.slice(0, ring.size >= 8 ? 2 : 1);
    const cashout = [ids.external(), ...(rng.chance(0.5) ? [ids.external()] : [])];
    const giftcards = shellMerchant(ctx, infra.merchantIn(rng, 'giftcards'));
    for (const m of members) {
      const from = m.createdAt + HOUR;
      ordinarySightings(ctx, m, rng.poisson(1.5), from, until);
      victimPayments(ctx, m, rng.poisson(1.5), from, until, 0.12);
      if (collectors.includes(m)) {
        for (let i = rng.poisson(3 + ring.size / 4); i > 0; i--) {
          const at = timeBetween(ctx, from, until);
          if (rng.chance(0.6)) transfer(ctx, m, rng.pick(cashout), rng.lognormal(6, 0.5), at);
          else
            purchase(ctx, m, at, rng.chance(0.5) ? giftcards : infra.merchantIn(rng, 'giftcards'));
        }
      } else {
        for (let i = rng.poisson(3); i > 0; i--)
          transfer(
            ctx,
            m,
            rng.pick(collectors).id,
            rng.lognormal(4.3, 0.6),
            timeBetween(ctx, from, until),
          );
      }
      camouflage(ctx, m, from, window.end, 0.6);
    }
  },
};
