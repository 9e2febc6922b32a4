import { COUNTRIES } from '../../core/generate/countries';
import {
  emailVariant,
  makeAddress,
  makeEmail,
  makePhone,
  renderAddress,
  renderPhone,
} from '../../core/generate/identity';
import { ipVariant } from '../../core/generate/ips';
import { Rng } from '../../core/generate/rng';
import {
  normalizeAddress,
  normalizeEmail,
  normalizeIp,
  normalizePhone,
} from '../../core/identifiers/normalize';

describe('generated identity variants', () => {
  const rng = new Rng(99, 'identity-test');

  it('renders one address many ways that all normalise to one value', () => {
    for (const country of COUNTRIES) {
      for (let a = 0; a < 40; a++) {
        const address = makeAddress(rng, country, 0.6);
        const renderings = new Set<string>();
        const values = new Set<string | null>();
        for (let k = 0; k < 30; k++) {
          const text = renderAddress(rng, address, k % 5 === 0);
          renderings.add(text);
          values.add(normalizeAddress(text));
        }
        expect(renderings.size).toBeGreaterThan(5);
        expect(values.size).toBe(1);
        expect([...values][0]).not.toBeNull();
      }
    }
  });

  it('keeps different addresses apart after normalisation', () => {
    const seen = new Map<string, string>();
    let collisions = 0;
    for (let a = 0; a < 2000; a++) {
      const address = makeAddress(rng, COUNTRIES[0], 0.3);
      const key = JSON.stringify(address);
      const value = normalizeAddress(renderAddress(rng, address)) as string;
      if (seen.has(value) && seen.get(value) !== key) collisions++;
      seen.set(value, key);
    }
    expect(collisions).toBeLessThanOrEqual(2);
  });

  it('renders a phone in national and international formats that normalise to +<code><number>', () => {
    for (const country of COUNTRIES) {
      for (let p = 0; p < 20; p++) {
        const phone = makePhone(rng, country);
        const expected = normalizePhone(country.international[0](phone.nsn));
        expect(expected).toMatch(/^\+\d{8,15}$/);
        const formats = new Set<string>();
        for (let k = 0; k < 30; k++) {
          const text = renderPhone(rng, phone, true);
          formats.add(text);
          expect(normalizePhone(text, country.code)).toBe(expected);
          const intl = renderPhone(rng, phone, false);
          expect(normalizePhone(intl, null)).toBe(expected);
        }
        expect(formats.size).toBeGreaterThan(2);
      }
    }
  });

  it('writes one mailbox as variants that normalise back to it', () => {
    for (let e = 0; e < 200; e++) {
      const email = makeEmail(
        rng,
        'Mary-Ann',
        "O'Neil",
        e,
        e % 2 === 0 ? 'gmail.com' : 'yahoo.com',
      );
      const canonical = normalizeEmail(email);
      const variants = new Set<string>();
      for (let k = 0; k < 10; k++) {
        const v = emailVariant(rng, email);
        variants.add(v);
        expect(normalizeEmail(v)).toBe(canonical);
      }
      expect(variants.size).toBeGreaterThan(2);
    }
  });

  it('writes IPs in padded and IPv4-mapped forms that normalise back', () => {
    for (const ip of ['73.5.10.200', '8.8.4.4', '192.0.2.1']) {
      for (let k = 0; k < 10; k++) {
        const v = ipVariant(rng, ip);
        expect(v).not.toBe(ip);
        expect(normalizeIp(v)).toBe(ip);
      }
    }
  });
});
