import { DAY, HOUR, timeBetween, type GenContext } from './context';
import { purchase, transfer } from './activity';
import { datacenterIp, residentialIp } from './ips';
import { writeUser } from './person';
import type { RingPlan } from './plan';
import { camouflage, ringLabels, ringMembers, type RingGenerator } from './ring-common';

/**
 * Sleeper accounts: opened years ago (some in one batch, some over months), dormant since, and
 * woken together within a few days by one operator: the same few devices and IPs, money
 * passed among them and cashed out quickly, with hardly any history to hide behind.
 */
export const sleeper: RingGenerator = {
  createdTimes(rng, size, window) {
    const base = window.end - (730 + rng.int(1100)) * DAY;
    const spread = rng.chance(0.5) ? 10 * DAY : 180 * DAY;
    return Array.from({ length: size }, () => base + rng.int(spread));
  },

  emit(ctx: GenContext, ring: RingPlan) {
    const { rng, ids, window, infra, out } = ctx;
    const labels = ringLabels(rng, ring.size);
    const members = ringMembers(ctx, ring);
    const wake = window.end - (8 + rng.int(52)) * DAY;
    const wakeEnd = wake + (1 + rng.int(4)) * DAY;
    const devices = Array.from({ length: rng.range(2, 4) }, () => ids.device());
    const ips = Array.from({ length: rng.range(2, 3) }, () =>
      rng.chance(0.5) ? datacenterIp(rng) : residentialIp(rng),
    );
    const exits = Array.from({ length: rng.range(1, 2) }, () => ids.external());

    members.forEach((m, k) => {
      m.devices = rng.chance(0.4) ? [rng.pick(devices), m.devices[0]] : [rng.pick(devices)];
      m.homeIps = [rng.pick(ips)];
      writeUser(ctx, m, labels[k]);
    });
    for (const m of members) {
      for (let i = 2 + rng.poisson(3); i > 0; i--) {
        const ip = rng.chance(0.8) ? rng.pick(ips) : infra.carrierIp(rng, m.carrier);
        out.sighting(
          m.id,
          rng.chance(0.7) ? rng.pick(devices) : rng.pick(m.devices),
          ip,
          timeBetween(ctx, wake, wakeEnd),
        );
      }
      for (let i = rng.poisson(2); i > 0; i--) {
        const other = members[rng.int(members.length)];
        if (other !== m)
          transfer(ctx, m, other.id, rng.lognormal(5.5, 0.6), timeBetween(ctx, wake, wakeEnd));
      }
      for (let i = rng.poisson(2); i > 0; i--) {
        transfer(
          ctx,
          m,
          rng.pick(exits),
          rng.lognormal(6.5, 0.5),
          timeBetween(ctx, wake + HOUR, wakeEnd + 2 * DAY),
        );
      }
      for (let i = rng.poisson(1.5); i > 0; i--) {
        const merchant = infra.merchantIn(rng, rng.chance(0.5) ? 'giftcards' : 'electronics');
        purchase(
          ctx,
          m,
          timeBetween(ctx, wake, wakeEnd),
          merchant,
          undefined,
          rng.chance(0.25) ? 'chargeback' : 'settled',
        );
      }
      camouflage(ctx, m, wake, window.end, 0.3);
    }
  },
};
