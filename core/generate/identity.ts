import type { Rng } from './rng';
import type { CountryProfile } from './countries';
import { DIRECTIONS, FREE_MAIL, STREET_NAMES, STREET_TYPES } from './names';
import { hash32 } from './rng';

/** A postal address as parts, so it can be written the many ways people write it. */
export interface Address {
  number: number;
  direction: readonly [string, string] | null;
  street: string;
  type: readonly [string, string];
  unit: string | null;
  city: string;
  region: string;
  postcode: string;
}

export interface Phone {
  country: CountryProfile;
  /** National significant number (digits, no trunk prefix or country code). */
  nsn: string;
}

/** A random address in `country`; `unitChance` is the share of apartments (with a unit). */
export function makeAddress(rng: Rng, country: CountryProfile, unitChance: number): Address {
  const [city, region] = rng.pick(country.cities);
  return {
    number: rng.chance(0.7) ? rng.range(1, 9999) : rng.range(10, 999),
    direction: rng.chance(0.2) ? rng.pick(DIRECTIONS) : null,
    street: rng.pick(STREET_NAMES),
    type: rng.pick(STREET_TYPES),
    unit: rng.chance(unitChance)
      ? `${rng.range(1, 40)}${rng.chance(0.3) ? rng.pick(['A', 'B', 'C', 'D']) : ''}`
      : null,
    city,
    region,
    postcode: country.postcode(rng),
  };
}

const UNIT_WORDS = ['Apt', 'Apt.', 'Apartment', '#', 'Unit', 'Apt #', 'Flat'];

/**
 * One way of writing `a`: full or abbreviated street type and direction, with or without
 * dots, any unit designator, commas or not, Title/UPPER/lower case, stray spaces when `dirty`.
 * Every rendering of one address normalises to the same value.
 */
export function renderAddress(rng: Rng, a: Address, dirty = false): string {
  const abbr = rng.chance(0.55);
  const dot = abbr && rng.chance(0.35) ? '.' : '';
  const type = abbr ? `${a.type[1]}${dot}` : a.type[0];
  let street = `${a.number} `;
  if (a.direction) street += rng.chance(0.5) ? `${a.direction[1]}${dot} ` : `${a.direction[0]} `;
  street += `${a.street} ${type}`;
  const comma = rng.chance(0.8) ? ', ' : ' ';
  let text = street;
  if (a.unit) {
    const word = rng.pick(UNIT_WORDS);
    const unit = word.endsWith('#') ? `${word}${a.unit}` : `${word} ${a.unit}`;
    text += rng.chance(0.6) ? ` ${unit}` : `${comma}${unit}`;
  }
  text += `${comma}${a.city}`;
  text += a.region ? `${comma}${a.region} ${a.postcode}` : ` ${a.postcode}`;
  const style = rng.float();
  if (style < 0.15) text = text.toUpperCase();
  else if (style < 0.25) text = text.toLowerCase();
  if (dirty) text = rng.chance(0.5) ? `  ${text} ` : text.replace(', ', ',  ');
  return text;
}

/** A random mobile number of `country`. */
export function makePhone(rng: Rng, country: CountryProfile): Phone {
  return { country, nsn: country.phone(rng) };
}

/**
 * One way of writing a phone number. National formats need the account's country to be read,
 * so `countryKnown = false` (no country on the account) restricts to international formats.
 */
export function renderPhone(rng: Rng, p: Phone, countryKnown: boolean): string {
  const national = countryKnown && rng.chance(0.65);
  const format = national ? rng.pick(p.country.national) : rng.pick(p.country.international);
  return format(p.nsn);
}

function emailWord(s: string): string {
  return s.toLowerCase().replace(/[^a-z]/g, '');
}

/** A plausible, practically unique mailbox for a person (lower case, as the provider stores it). */
export function makeEmail(
  rng: Rng,
  first: string,
  last: string,
  uniq: number,
  domain?: string,
): string {
  const f = emailWord(first);
  const l = emailWord(last);
  const n = hash32(uniq) % 9973;
  const local = rng.pick([
    `${f}.${l}${n}`,
    `${f}${l}${n}`,
    `${f[0]}${l}${n}`,
    `${f}_${l}${n}`,
    `${l}.${f}${n}`,
    `${f}${n}`,
  ]);
  return `${local}@${domain ?? rng.pick(FREE_MAIL)}`;
}

/**
 * The same mailbox written differently: capitals, a `+tag`, Gmail dots moved or googlemail.
 * All of these deliver to one inbox and normalise to one value.
 */
export function emailVariant(rng: Rng, email: string): string {
  const at = email.lastIndexOf('@');
  let local = email.slice(0, at);
  let domain = email.slice(at + 1);
  const gmail = domain === 'gmail.com';
  if (gmail) {
    const plain = local.replace(/\./g, '');
    let dotted = '';
    for (let i = 0; i < plain.length; i++) {
      dotted += plain[i];
      if (i > 0 && i < plain.length - 1 && rng.chance(0.08)) dotted += '.';
    }
    local = dotted;
    if (rng.chance(0.3)) domain = 'googlemail.com';
  }
  if (rng.chance(0.5))
    local += `+${rng.pick(['shop', 'pay', 'promo', 'a', '1', '2024', 'x', 'news'])}`;
  const style = rng.float();
  if (style < 0.3) local = local[0].toUpperCase() + local.slice(1);
  else if (style < 0.45) return `${local}@${domain}`.toUpperCase();
  return `${local}@${domain}`;
}

/** An email as a careless customer typed it: occasional capitals or surrounding spaces. */
export function typedEmail(rng: Rng, email: string): string {
  const r = rng.float();
  if (r < 0.04) return email[0].toUpperCase() + email.slice(1);
  if (r < 0.05) return ` ${email} `;
  return email;
}
