import { DAY, HOUR, timeBetween, randomLegitIndex, type GenContext } from './context';
import { ordinarySightings, spending, transfer, transferFrom } from './activity';
import { datacenterIp } from './ips';
import { writeUser, type Person } from './person';
import type { RingPlan } from './plan';
import { camouflage, ringLabels, ringMembers, type RingGenerator } from './ring-common';

/**
 * A money-mule network: ordinary people (real identities, their own devices and homes) recruited
 * to pass stolen funds along. Each run enters from victims or outside accounts, moves layer by
 * layer (or round a cycle) within hours, each mule keeping a small cut, and leaves to an
 * exchange or outside account. Sometimes the herder logs into several mules from one device.
 */
export const muleNetwork: RingGenerator = {
  createdTimes(rng, size, window) {
    return Array.from(
      { length: size },
      () => window.end - (60 + rng.int(700)) * DAY - rng.int(DAY),
    );
  },

  emit(ctx: GenContext, ring: RingPlan) {
    const { rng, ids, window, infra } = ctx;
    const labels = ringLabels(rng, ring.size);
    const members = ringMembers(ctx, ring);
    if (rng.chance(0.5)) {
      const herder = ids.device();
      const herderIp = datacenterIp(rng);
      for (const m of rng.sample(members, rng.range(2, Math.min(4, ring.size)))) {
        m.devices.push(herder);
        for (let k = rng.range(1, 3); k > 0; k--)
          ctx.out.sighting(
            m.id,
            herder,
            herderIp,
            timeBetween(ctx, Math.max(window.start, m.createdAt), window.end),
          );
      }
    }
    members.forEach((m, k) => writeUser(ctx, m, labels[k]));
    for (const m of members) {
      const from = Math.max(window.start, m.createdAt + HOUR);
      ordinarySightings(ctx, m, 1 + rng.poisson(3), from, window.end);
      spending(ctx, m, rng.poisson(4), from, window.end);
      camouflage(ctx, m, from, window.end, 0.5);
    }

    const order = rng.shuffle(members.slice());
    const cycle = rng.chance(0.35);
    const layers: Person[][] = [];
    if (!cycle) {
      const depth = Math.max(2, Math.min(5, Math.round(ring.size / 3)));
      for (let l = 0; l < depth; l++) layers.push([]);
      order.forEach((m, k) => layers[k < depth ? k : rng.int(depth)].push(m));
    }
    const sources = Array.from({ length: rng.range(1, 3) }, () => ids.external());
    const exits = Array.from({ length: rng.range(1, 2) }, () => ids.external());
    const exchange = infra.merchantIn(rng, 'crypto');
    const open = Math.max(window.start, ...members.map((m) => m.createdAt + 7 * DAY));
    const exit = (m: Person, amount: number, at: number): void => {
      if (rng.chance(0.6)) transfer(ctx, m, rng.pick(exits), amount, at);
      else transfer(ctx, m, exchange.id, amount, at);
    };

    for (let run = rng.range(3, 12); run > 0; run--) {
      let at = timeBetween(ctx, open, window.end - 2 * DAY);
      let amount = rng.lognormal(7.3, 0.5);
      const entry = cycle ? order[rng.int(order.length)] : rng.pick(layers[0]);
      if (rng.chance(0.5)) {
        transferFrom(
          ctx,
          rng.pick(sources),
          entry.id,
          amount,
          entry.country.currency,
          entry.country.fx,
          at,
        );
      } else {
        const victim = ids.user(randomLegitIndex(ctx));
        transferFrom(
          ctx,
          victim,
          entry.id,
          amount,
          entry.country.currency,
          entry.country.fx,
          at,
          rng.chance(0.2) ? 'chargeback' : 'settled',
        );
      }
      if (cycle) {
        const start = order.indexOf(entry);
        for (let s = 0; s < order.length; s++) {
          const payer = order[(start + s) % order.length];
          const payee = order[(start + s + 1) % order.length];
          at += HOUR + rng.int(5 * HOUR);
          amount *= rng.between(0.93, 0.99);
          if (s === order.length - 1 && rng.chance(0.5)) exit(payer, amount, at);
          else transfer(ctx, payer, payee.id, amount, at);
        }
      } else {
        let holders: Person[] = [entry];
        for (let l = 1; l <= layers.length; l++) {
          const next: Person[] = [];
          for (const h of holders) {
            const share = amount / holders.length;
            const fan = l < layers.length && rng.chance(0.3) ? 2 : 1;
            for (let f = 0; f < fan; f++) {
              const t = at + HOUR + rng.int(8 * HOUR);
              const cut = (share / fan) * rng.between(0.9, 0.97);
              if (l === layers.length) exit(h, cut, t);
              else {
                const to = rng.pick(layers[l]);
                transfer(ctx, h, to.id, cut, t);
                if (!next.includes(to)) next.push(to);
              }
            }
          }
          at += 9 * HOUR;
          amount *= 0.93;
          holders = next;
        }
      }
    }
  },
};
