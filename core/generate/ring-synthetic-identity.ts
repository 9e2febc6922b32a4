import { DAY, HOUR, timeBetween, type GenContext } from './context';
import { ordinarySightings, purchase, spending, transfer } from './activity';
import {
  emailVariant,
  makeAddress,
  makeEmail,
  makePhone,
  renderAddress,
  renderPhone,
  type Address,
  type Phone,
} from './identity';
import { residentialIp } from './ips';
import { FIRST_NAMES, LAST_NAMES } from './names';
import { randomCountry, writeUser, type WrittenProfile } from './person';
import type { RingPlan } from './plan';
import {
  camouflage,
  ringLabels,
  ringMembers,
  shellMerchant,
  type RingGenerator,
} from './ring-common';
import { US } from './countries';

/**
 * Synthetic identities: one fraudster invents many customers from a few real-looking
 * mailboxes, phone numbers and mail-drop addresses, each written a little differently
 * (capitals, `+tags`, Gmail dots, phone formats, street abbreviations), so only normalisation
 * links them. Devices rotate and IPs come from residential proxies. Small purchases build
 * trust, then credit is cashed out, with chargebacks.
 */
export const syntheticIdentity: RingGenerator = {
  createdTimes(rng, size, window) {
    const t0 = window.start - 60 * DAY + rng.int(window.end - window.start - 30 * DAY);
    return Array.from({ length: size }, () => t0 + rng.int(40 * DAY));
  },

  emit(ctx: GenContext, ring: RingPlan) {
    const { rng, ids, window, infra } = ctx;
    const labels = ringLabels(rng, ring.size);
    const country = rng.chance(0.8) ? US : randomCountry(ctx);
    const emails = Array.from({ length: 1 + Math.floor(ring.size / 6) }, () =>
      makeEmail(
        rng,
        rng.pick(FIRST_NAMES),
        rng.pick(LAST_NAMES),
        rng.u32(),
        rng.chance(0.75) ? 'gmail.com' : undefined,
      ),
    );
    const phones: Phone[] = Array.from({ length: 1 + Math.floor(ring.size / 8) }, () =>
      makePhone(rng, country),
    );
    const addresses: Address[] = Array.from({ length: 1 + Math.floor(ring.size / 10) }, () =>
      makeAddress(rng, country, 0.5),
    );
    const shared = Array.from({ length: rng.range(1, 2) }, () => ids.device());
    const members = ringMembers(ctx, ring, () => ({ country }));

    members.forEach((m, k) => {
      m.countryKnown = true;
      m.devices = rng.chance(0.3) ? [m.devices[0], rng.pick(shared)] : [m.devices[0]];
      m.homeIps = [residentialIp(rng)];
      const written: WrittenProfile = {};
      const forced = k % 3;
      if (forced === 0 || rng.chance(0.6))
        written.email = emailVariant(rng, emails[k % emails.length]);
      if (forced === 1 || rng.chance(0.5))
        written.phone = renderPhone(rng, phones[k % phones.length], true);
      if (forced === 2 || rng.chance(0.6))
        written.address = renderAddress(rng, addresses[k % addresses.length], rng.chance(0.2));
      writeUser(ctx, m, labels[k], written);
    });

    const cashout = shellMerchant(ctx, infra.merchantIn(rng, 'electronics'));
    for (const m of members) {
      const from = m.createdAt + HOUR;
      if (from >= window.end) continue;
      const bust = timeBetween(ctx, from + 20 * DAY, window.end);
      ordinarySightings(ctx, m, 2 + rng.poisson(2), from, window.end);
      spending(ctx, m, rng.poisson(4), from, bust);
      for (let i = rng.poisson(2); i > 0; i--) {
        const m2 = rng.chance(0.5)
          ? cashout
          : infra.merchantIn(rng, rng.chance(0.5) ? 'giftcards' : 'electronics');
        purchase(
          ctx,
          m,
          timeBetween(ctx, bust, bust + 5 * DAY),
          m2,
          undefined,
          rng.chance(0.3) ? 'chargeback' : 'settled',
        );
      }
      for (let i = rng.poisson(1); i > 0; i--) {
        const other = members[rng.int(members.length)];
        if (other !== m)
          transfer(
            ctx,
            m,
            other.id,
            rng.lognormal(4.5, 0.6),
            timeBetween(ctx, Math.max(from, other.createdAt + HOUR), window.end),
          );
      }
      camouflage(ctx, m, from, window.end, 0.5);
    }
  },
};
