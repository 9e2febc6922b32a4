import type { Rng } from './rng';

type Digits = string;

/** What the generator needs to know about a country: money, phone numbering, places. */
export interface CountryProfile {
  code: string;
  weight: number;
  currency: string;
  /** Units of the local currency per US dollar, to scale amounts. */
  fx: number;
  /** National significant number of a mobile phone (no trunk prefix, no country code). */
  phone(rng: Rng): Digits;
  /** Ways people write the number at home (the account's country is needed to read them). */
  national: ReadonlyArray<(d: Digits) => string>;
  /** Ways people write it with the country code (unambiguous without the account's country). */
  international: ReadonlyArray<(d: Digits) => string>;
  cities: ReadonlyArray<readonly [city: string, region: string]>;
  postcode(rng: Rng): string;
}

const digits = (rng: Rng, n: number): string => {
  let s = '';
  for (let i = 0; i < n; i++) s += String(rng.int(10));
  return s;
};
const five = (rng: Rng): string => String(rng.range(10000, 99999));
const g = (d: string, ...cuts: number[]): string[] => {
  const out: string[] = [];
  let at = 0;
  for (const c of cuts) {
    out.push(d.slice(at, at + c));
    at += c;
  }
  return out;
};

const NANP_NATIONAL = [
  (d: string) => `(${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6)}`,
  (d: string) => d,
  (d: string) => `1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
];
const NANP_INTERNATIONAL = [
  (d: string) => `+1 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
  (d: string) => `+1-${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `+1${d}`,
  (d: string) => `+1 (${d.slice(0, 3)}) ${d.slice(3, 6)}-${d.slice(6)}`,
  (d: string) => `001 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
];
const nanpNumber = (rng: Rng): string =>
  `${rng.range(2, 9)}${digits(rng, 2)}${rng.range(2, 9)}${digits(rng, 6)}`;

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'US',
    weight: 0.72,
    currency: 'USD',
    fx: 1,
    phone: nanpNumber,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    cities: [
      ['Springfield', 'IL'],
      ['Austin', 'TX'],
      ['Columbus', 'OH'],
      ['Portland', 'OR'],
      ['Denver', 'CO'],
      ['Raleigh', 'NC'],
      ['Phoenix', 'AZ'],
      ['Madison', 'WI'],
      ['Tampa', 'FL'],
      ['Sacramento', 'CA'],
      ['Albany', 'NY'],
      ['Boise', 'ID'],
      ['Richmond', 'VA'],
      ['Omaha', 'NE'],
      ['Nashville', 'TN'],
      ['Fresno', 'CA'],
      ['Newark', 'NJ'],
      ['Tulsa', 'OK'],
      ['Reno', 'NV'],
      ['Savannah', 'GA'],
    ],
    postcode: five,
  },
  {
    code: 'GB',
    weight: 0.07,
    currency: 'GBP',
    fx: 0.79,
    phone: (rng) => `7${digits(rng, 9)}`,
    national: [
      (d) => `0${d.slice(0, 4)} ${d.slice(4)}`,
      (d) => `0${d}`,
      (d) => `0${g(d, 4, 3, 3).join('-')}`,
    ],
    international: [
      (d) => `+44 ${d.slice(0, 4)} ${d.slice(4)}`,
      (d) => `+44 (0)${d.slice(0, 4)} ${d.slice(4)}`,
      (d) => `+44${d}`,
      (d) => `0044 ${d.slice(0, 4)} ${d.slice(4)}`,
    ],
    cities: [
      ['London', ''],
      ['Manchester', ''],
      ['Leeds', ''],
      ['Bristol', ''],
      ['Glasgow', ''],
      ['Cardiff', ''],
    ],
    postcode: (rng) =>
      `${rng.pick(['SW', 'NW', 'EC', 'M', 'LS', 'BS', 'G', 'CF'])}${rng.range(1, 19)} ${rng.range(1, 9)}${rng.pick(['AB', 'DF', 'HJ', 'QX', 'ZT'])}`,
  },
  {
    code: 'CA',
    weight: 0.05,
    currency: 'CAD',
    fx: 1.36,
    phone: nanpNumber,
    national: NANP_NATIONAL,
    international: NANP_INTERNATIONAL,
    cities: [
      ['Toronto', 'ON'],
      ['Vancouver', 'BC'],
      ['Calgary', 'AB'],
      ['Ottawa', 'ON'],
      ['Halifax', 'NS'],
    ],
    postcode: (rng) =>
      `${rng.pick(['M', 'V', 'T', 'K', 'B'])}${rng.range(1, 9)}${rng.pick(['A', 'C', 'E', 'G'])} ${rng.range(1, 9)}${rng.pick(['H', 'J', 'L', 'N'])}${rng.range(1, 9)}`,
  },
  {
    code: 'DE',
    weight: 0.04,
    currency: 'EUR',
    fx: 0.92,
    phone: (rng) => `15${rng.range(1, 9)}${digits(rng, 8)}`,
    national: [
      (d) => `0${d.slice(0, 3)} ${d.slice(3)}`,
      (d) => `0${d.slice(0, 3)}-${d.slice(3)}`,
      (d) => `(0${d.slice(0, 3)}) ${d.slice(3)}`,
    ],
    international: [
      (d) => `+49 ${d.slice(0, 3)} ${d.slice(3)}`,
      (d) => `+49 (0)${d.slice(0, 3)} ${d.slice(3)}`,
      (d) => `0049 ${d.slice(0, 3)} ${d.slice(3)}`,
    ],
    cities: [
      ['Berlin', ''],
      ['Hamburg', ''],
      ['Munich', ''],
      ['Cologne', ''],
      ['Leipzig', ''],
    ],
    postcode: five,
  },
  {
    code: 'FR',
    weight: 0.03,
    currency: 'EUR',
    fx: 0.92,
    phone: (rng) => `${rng.range(6, 7)}${digits(rng, 8)}`,
    national: [
      (d) => `0${d.slice(0, 1)} ${g(d.slice(1), 2, 2, 2, 2).join(' ')}`,
      (d) => `0${d.slice(0, 1)}.${g(d.slice(1), 2, 2, 2, 2).join('.')}`,
      (d) => `0${d}`,
    ],
    international: [
      (d) => `+33 ${d.slice(0, 1)} ${g(d.slice(1), 2, 2, 2, 2).join(' ')}`,
      (d) => `+33 (0)${d.slice(0, 1)} ${g(d.slice(1), 2, 2, 2, 2).join(' ')}`,
      (d) => `+33${d}`,
    ],
    cities: [
      ['Paris', ''],
      ['Lyon', ''],
      ['Marseille', ''],
      ['Toulouse', ''],
      ['Lille', ''],
    ],
    postcode: five,
  },
  {
    code: 'IN',
    weight: 0.03,
    currency: 'INR',
    fx: 83,
    phone: (rng) => `${rng.range(6, 9)}${digits(rng, 9)}`,
    national: [
      (d) => `${d.slice(0, 5)} ${d.slice(5)}`,
      (d) => `0${d.slice(0, 5)} ${d.slice(5)}`,
      (d) => d,
    ],
    international: [
      (d) => `+91 ${d.slice(0, 5)} ${d.slice(5)}`,
      (d) => `+91-${d}`,
      (d) => `0091 ${d}`,
    ],
    cities: [
      ['Mumbai', 'MH'],
      ['Bengaluru', 'KA'],
      ['Delhi', 'DL'],
      ['Chennai', 'TN'],
      ['Pune', 'MH'],
    ],
    postcode: (rng) => String(rng.range(110001, 799999)),
  },
  {
    code: 'MX',
    weight: 0.02,
    currency: 'MXN',
    fx: 17,
    phone: (rng) => `${rng.pick(['55', '33', '81', '22'])}${digits(rng, 8)}`,
    national: [
      (d) => `${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}`,
      (d) => `(${d.slice(0, 2)}) ${d.slice(2, 6)}-${d.slice(6)}`,
      (d) => d,
    ],
    international: [(d) => `+52 ${d.slice(0, 2)} ${d.slice(2, 6)} ${d.slice(6)}`, (d) => `+52${d}`],
    cities: [
      ['Ciudad de Mexico', 'CDMX'],
      ['Guadalajara', 'JAL'],
      ['Monterrey', 'NL'],
      ['Puebla', 'PUE'],
    ],
    postcode: five,
  },
  {
    code: 'AU',
    weight: 0.02,
    currency: 'AUD',
    fx: 1.52,
    phone: (rng) => `4${digits(rng, 8)}`,
    national: [(d) => `0${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, (d) => `0${d}`],
    international: [
      (d) => `+61 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      (d) => `+61 ${d.slice(0, 1)} ${d.slice(1, 5)} ${d.slice(5)}`,
      (d) => `0061 ${d}`,
    ],
    cities: [
      ['Sydney', 'NSW'],
      ['Melbourne', 'VIC'],
      ['Brisbane', 'QLD'],
      ['Perth', 'WA'],
    ],
    postcode: (rng) => String(rng.range(2000, 6999)),
  },
  {
    code: 'ES',
    weight: 0.02,
    currency: 'EUR',
    fx: 0.92,
    phone: (rng) => `6${digits(rng, 8)}`,
    national: [(d) => `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`, (d) => d],
    international: [
      (d) => `+34 ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`,
      (d) => `0034 ${d}`,
    ],
    cities: [
      ['Madrid', ''],
      ['Barcelona', ''],
      ['Valencia', ''],
      ['Sevilla', ''],
    ],
    postcode: five,
  },
];

export const US = COUNTRIES[0];
