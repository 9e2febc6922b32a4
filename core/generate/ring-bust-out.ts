import { DAY, HOUR, timeBetween, type GenContext } from './context';
import { ordinarySightings, purchase, spending, transfer } from './activity';
import { makeAddress, renderAddress } from './identity';
import { writeUser } from './person';
import type { RingPlan } from './plan';
import {
  camouflage,
  ringLabels,
  ringMembers,
  shellMerchant,
  type RingGenerator,
} from './ring-common';

/**
 * A bust-out ring: accounts opened over a few months behave well for a long time (ordinary
 * spending, money cycled among them to look creditworthy), sharing a pool of cards and often a
 * mail-drop address; then, within days, all of them max out on electronics, gift cards and a
 * colluding shell merchant, and most of it comes back as chargebacks.
 */
export const bustOut: RingGenerator = {
  createdTimes(rng, size, window) {
    const t0 = window.start - 200 * DAY + rng.int(290 * DAY);
    return Array.from({ length: size }, () => t0 + rng.int(90 * DAY));
  },

  emit(ctx: GenContext, ring: RingPlan) {
    const { rng, ids, window, infra } = ctx;
    const labels = ringLabels(rng, ring.size);
    const members = ringMembers(ctx, ring);
    const pool = Array.from({ length: Math.ceil(ring.size / 3) }, () => ids.card());
    const mailDrop = makeAddress(rng, members[0].country, 0.6);
    const bustStart = window.end - (12 + rng.int(40)) * DAY;
    const bustEnd = bustStart + (3 + rng.int(8)) * DAY;
    const shell = shellMerchant(ctx, infra.merchantIn(rng, 'electronics'));

    for (let k = 0; k + 1 < members.length; k += 2) {
      if (rng.chance(0.3)) members[k + 1].devices.push(members[k].devices[0]);
    }
    members.forEach((m, k) => {
      m.cards = [m.cards[0], ...rng.sample(pool, rng.range(1, 2))];
      const atDrop = rng.chance(0.5);
      if (atDrop) m.country = members[0].country;
      writeUser(
        ctx,
        m,
        labels[k],
        atDrop ? { address: renderAddress(rng, mailDrop, rng.chance(0.1)) } : {},
      );
    });

    for (const m of members) {
      const from = Math.max(window.start, m.createdAt + HOUR);
      ordinarySightings(ctx, m, 2 + rng.poisson(3), from, window.end);
      spending(ctx, m, rng.poisson(8), from, bustStart);
      for (let i = rng.poisson(1.5); i > 0; i--) {
        const other = members[rng.int(members.length)];
        if (other !== m)
          transfer(
            ctx,
            m,
            other.id,
            rng.lognormal(5, 0.5),
            timeBetween(ctx, Math.max(from, other.createdAt + HOUR), bustStart),
          );
      }
      for (let i = 2 + rng.poisson(5); i > 0; i--) {
        const r = rng.float();
        const merchant =
          r < 0.35 ? shell : infra.merchantIn(rng, r < 0.7 ? 'electronics' : 'giftcards');
        const card = rng.chance(0.7) ? rng.pick(m.cards.slice(1)) : m.cards[0];
        purchase(
          ctx,
          m,
          timeBetween(ctx, bustStart, bustEnd),
          merchant,
          card,
          rng.chance(0.55) ? 'chargeback' : 'settled',
        );
      }
      camouflage(ctx, m, from, window.end, 0.4);
    }
  },
};
