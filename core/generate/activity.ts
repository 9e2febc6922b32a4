import type { PaymentStatus } from '../types';
import { HOUR, timeBetween, type GenContext } from './context';
import type { Merchant } from './infrastructure';
import { ipVariant } from './ips';
import type { Person } from './person';

/** What paying needs to know about the payer. */
export type Payer = Pick<Person, 'id' | 'devices' | 'cards' | 'country'>;

/** The first instant a person can act: account creation, but not before the window opens. */
export function activeFrom(ctx: GenContext, p: Person): number {
  return Math.max(ctx.window.start, p.createdAt + HOUR);
}

/** Where a legitimate person is seen online: home, mobile network, office, public Wi-Fi or a VPN. */
export function ordinarySighting(
  ctx: GenContext,
  p: Person,
  at: number,
  familyDevice: string | null,
): void {
  const { rng, infra, out } = ctx;
  const r = rng.float();
  let device = p.devices[0];
  let ip: string;
  if (r < 0.5) {
    device = familyDevice && rng.chance(0.35) ? familyDevice : rng.pick(p.devices);
    ip = rng.pick(p.homeIps);
    if (rng.chance(0.01)) ip = ipVariant(rng, ip);
  } else if (r < 0.75) {
    ip = infra.carrierIp(rng, p.carrier);
  } else if (r < 0.88 && p.office !== -1) {
    device = p.devices[p.devices.length - 1];
    ip = rng.pick(infra.offices[p.office].ips);
  } else if (r < 0.95 && p.hotspots.length > 0) {
    const site = infra.hotspots[rng.pick(p.hotspots)];
    if (site.publicDevices.length > 0 && rng.chance(0.3)) device = rng.pick(site.publicDevices);
    ip = site.ips[0];
  } else if (p.vpn) {
    ip = rng.pick(infra.vpnExits);
  } else {
    ip = rng.pick(p.homeIps);
  }
  out.sighting(p.id, rng.chance(0.01) ? device.toUpperCase() : device, ip, at);
}

/** `count` ordinary sightings of `p` spread over [from, to]. */
export function ordinarySightings(
  ctx: GenContext,
  p: Person,
  count: number,
  from: number,
  to: number,
  familyDevice: string | null = null,
): void {
  for (let i = 0; i < count; i++)
    ordinarySighting(ctx, p, timeBetween(ctx, from, to), familyDevice);
}

function purchaseStatus(ctx: GenContext, m: Merchant): PaymentStatus {
  const r = ctx.rng.float();
  if (r < m.chargebackRate) return 'chargeback';
  if (r < m.chargebackRate + 0.01) return 'refunded';
  if (r < m.chargebackRate + 0.017) return 'failed';
  return 'settled';
}

/** One card payment of `p` to a merchant (a popular one unless given), at a price typical of its trade. */
export function purchase(
  ctx: GenContext,
  p: Payer,
  at: number,
  merchant?: Merchant,
  card?: string,
  status?: PaymentStatus,
): void {
  const { rng, infra, out } = ctx;
  const m = merchant ?? infra.merchant(rng);
  const usd = rng.lognormal(m.category.mu, m.category.sigma);
  const device =
    m.terminals.length > 0 && rng.chance(0.3)
      ? rng.pick(m.terminals)
      : rng.chance(0.9)
        ? rng.pick(p.devices)
        : '';
  out.payment({
    payer: p.id,
    payee: m.id,
    amount: usd * p.country.fx,
    currency: p.country.currency,
    at,
    card: card ?? rng.pick(p.cards),
    device,
    status: status ?? purchaseStatus(ctx, m),
  });
}

/** `count` purchases of `p` spread over [from, to]. */
export function spending(
  ctx: GenContext,
  p: Payer,
  count: number,
  from: number,
  to: number,
  sharedCard: string | null = null,
): void {
  for (let i = 0; i < count; i++) {
    const card = sharedCard && ctx.rng.chance(0.3) ? sharedCard : undefined;
    purchase(ctx, p, timeBetween(ctx, from, to), undefined, card);
  }
}

/** A person-to-person payment from `p` (funded by card or balance) in `p`'s currency. */
export function transfer(
  ctx: GenContext,
  p: Payer,
  payee: string,
  usd: number,
  at: number,
  status: PaymentStatus = 'settled',
  device?: string,
): void {
  const { rng, out } = ctx;
  out.payment({
    payer: p.id,
    payee,
    amount: usd * p.country.fx,
    currency: p.country.currency,
    at,
    card: rng.chance(0.5) ? rng.pick(p.cards) : '',
    device: device ?? rng.pick(p.devices),
    status: status === 'settled' && rng.chance(0.01) ? 'failed' : status,
  });
}

/** A payment into the data set from someone we only know by id (an account with no profile row). */
export function transferFrom(
  ctx: GenContext,
  payer: string,
  payee: string,
  usd: number,
  currency: string,
  fx: number,
  at: number,
  status: PaymentStatus = 'settled',
): void {
  ctx.out.payment({ payer, payee, amount: usd * fx, currency, at, card: '', device: '', status });
}
