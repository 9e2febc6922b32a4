import type { GenContext } from './context';
import type { CountryProfile } from './countries';
import type { Label } from './dataset-writer';
import { COUNTRIES } from './countries';
import { FIRST_NAMES, LAST_NAMES } from './names';
import {
  makeAddress,
  makeEmail,
  makePhone,
  renderAddress,
  renderPhone,
  typedEmail,
  type Address,
  type Phone,
} from './identity';
import { residentialIp } from './ips';
import { WeightedPicker } from './rng';

const countryPicker = new WeightedPicker(COUNTRIES.map((c) => c.weight));

/** A generated account holder: identity, devices, cards, and the places they go online from. */
export interface Person {
  index: number;
  id: string;
  createdAt: number;
  country: CountryProfile;
  /** False for the few accounts whose country column is empty. */
  countryKnown: boolean;
  first: string;
  last: string;
  email: string;
  phone: Phone;
  address: Address;
  /** Personal devices; the first is the phone. */
  devices: string[];
  cards: string[];
  carrier: number;
  office: number;
  hotspots: number[];
  vpn: boolean;
  homeIps: string[];
  /** Multiplier of how much this person does (log-normal around 1). */
  activity: number;
}

export interface PersonOverrides {
  country?: CountryProfile;
  last?: string;
  address?: Address;
  homeIps?: string[];
}

/** A country, weighted by the share of customers from it. */
export function randomCountry(ctx: GenContext): CountryProfile {
  return COUNTRIES[countryPicker.pick(ctx.rng)];
}

/** A person with an ordinary life online; populations and rings override what they share. */
export function makePerson(ctx: GenContext, index: number, o: PersonOverrides = {}): Person {
  const { rng, ids, infra } = ctx;
  const country = o.country ?? randomCountry(ctx);
  ctx.plan.countryOf[index] = COUNTRIES.indexOf(country);
  const first = rng.pick(FIRST_NAMES);
  const last = o.last ?? rng.pick(LAST_NAMES);
  const deviceCount = rng.chance(0.55) ? 2 : rng.chance(0.7) ? 1 : 3;
  const hotspots: number[] = [];
  if (rng.chance(0.35))
    for (let k = rng.range(1, 3); k > 0; k--) hotspots.push(infra.hotspotPicker.pick(rng));
  return {
    index,
    id: ids.user(index),
    createdAt: ctx.plan.createdAt[index],
    country,
    countryKnown: !rng.chance(0.03),
    first,
    last,
    email: makeEmail(rng, first, last, index ^ 0x5bd1e995),
    phone: makePhone(rng, country),
    address: o.address ?? makeAddress(rng, country, 0.3),
    devices: Array.from({ length: deviceCount }, () => ids.device()),
    cards: Array.from({ length: rng.chance(0.7) ? 1 : 2 }, () => ids.card()),
    carrier: rng.int(infra.carriers.length),
    office: rng.chance(0.45) ? infra.officePicker.pick(rng) : -1,
    hotspots,
    vpn: rng.chance(0.03),
    homeIps:
      o.homeIps ??
      (rng.chance(0.7) ? [residentialIp(rng)] : [residentialIp(rng), residentialIp(rng)]),
    activity: rng.lognormal(-0.2, 0.65),
  };
}

export interface WrittenProfile {
  email?: string;
  phone?: string;
  address?: string;
  name?: string;
}

/** Writes the users row of `p` as they typed it (or with the given written values). */
export function writeUser(
  ctx: GenContext,
  p: Person,
  label: Label,
  written: WrittenProfile = {},
): void {
  const { rng } = ctx;
  if (label === 'fraud' && p.index >= 0 && ctx.plan.ringOf[p.index] !== -1) ctx.ringFraudLabels++;
  ctx.out.user({
    id: p.id,
    createdAt: p.createdAt,
    name:
      written.name ??
      (rng.chance(0.03) ? `${p.first} ${p.last}`.toUpperCase() : `${p.first} ${p.last}`),
    email: written.email ?? (rng.chance(0.04) ? '' : typedEmail(rng, p.email)),
    phone: written.phone ?? (rng.chance(0.06) ? '' : renderPhone(rng, p.phone, p.countryKnown)),
    address:
      written.address ?? (rng.chance(0.05) ? '' : renderAddress(rng, p.address, rng.chance(0.02))),
    country: p.countryKnown ? p.country.code : '',
    label,
  });
}
