import { DAY, type GenContext } from './context';
import { purchase } from './activity';
import { makeAddress, makePhone, renderAddress, renderPhone } from './identity';
import { residentialIp } from './ips';
import { US } from './countries';

/**
 * The users rows of merchants that are also customers (small businesses): a profile, the shop's
 * devices seen at the shop, and a few supplier purchases. Their payees side (thousands of
 * payers) comes from everyone else's spending. Returns how many rows were written.
 */
export function emitBusinessAccounts(ctx: GenContext): number {
  const { rng, infra, out, window, ids } = ctx;
  let written = 0;
  for (const m of infra.merchants) {
    if (!m.hasAccount) continue;
    const createdAt = window.end - (400 + rng.int(2500)) * DAY - rng.int(DAY);
    const slug = m.name.toLowerCase().replace(/[^a-z]/g, '');
    const address = makeAddress(rng, US, 0.5);
    out.user({
      id: m.id,
      createdAt,
      name: m.name,
      email: rng.chance(0.6) ? `contact@${slug}.com` : `${slug}${rng.int(100)}@gmail.com`,
      phone: renderPhone(rng, makePhone(rng, US), true),
      address: renderAddress(rng, address),
      country: 'US',
      label: '',
    });
    const device = m.terminals.length > 0 ? m.terminals[0] : ids.device();
    const ip = residentialIp(rng);
    for (let k = rng.range(1, 4); k > 0; k--)
      out.sighting(m.id, device, ip, window.start + rng.int(window.end - window.start));
    const owner = { id: m.id, devices: [device], cards: [ids.card()], country: US };
    for (let k = rng.poisson(3); k > 0; k--) {
      const supplier = infra.merchantIn(rng, 'marketplace');
      if (supplier !== m)
        purchase(ctx, owner, window.start + rng.int(window.end - window.start), supplier);
    }
    written++;
  }
  return written;
}
