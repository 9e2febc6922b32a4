import {
  normalizeIdentifier,
  normalizeCard,
  normalizeDevice,
} from '../../core/identifiers/normalize';

describe('normalizeIdentifier', () => {
  it('returns the canonical value and the trimmed raw value', () => {
    expect(normalizeIdentifier('email', '  John.Doe+x@GMail.com ')).toEqual({
      kind: 'email',
      value: 'johndoe@gmail.com',
      raw: 'John.Doe+x@GMail.com',
    });
    expect(normalizeIdentifier('address', '1 Main Street ')).toEqual({
      kind: 'address',
      value: '1 main st',
      raw: '1 Main Street',
    });
    expect(normalizeIdentifier('ip', ' ::ffff:10.0.0.1')).toEqual({
      kind: 'ip',
      value: '10.0.0.1',
      raw: '::ffff:10.0.0.1',
    });
    expect(normalizeIdentifier('card', ' CARD-AB12 ')).toEqual({
      kind: 'card',
      value: 'card-ab12',
      raw: 'CARD-AB12',
    });
    expect(normalizeIdentifier('device', 'Dev-9F')).toEqual({
      kind: 'device',
      value: 'dev-9f',
      raw: 'Dev-9F',
    });
  });

  it('uses the account country for national phone numbers', () => {
    expect(normalizeIdentifier('phone', '020 7946 0958', { country: 'GB' })?.value).toBe(
      '+442079460958',
    );
    expect(normalizeIdentifier('phone', '(555) 010-1234', { country: null })?.value).toBe(
      '+15550101234',
    );
    expect(normalizeIdentifier('phone', '(555) 010-1234')?.value).toBe('+15550101234');
  });

  it.each([
    ['email', null],
    ['phone', undefined],
    ['address', '   '],
    ['card', ''],
    ['device', '\t'],
    ['email', 'not-an-email'],
    ['ip', '999.1.1.1'],
    ['phone', '12'],
  ] as const)('%s %j is null', (kind, raw) => {
    expect(normalizeIdentifier(kind, raw)).toBeNull();
  });

  it('folds card and device ids', () => {
    expect(normalizeCard('  Ab Cd ')).toBe('ab cd');
    expect(normalizeDevice('DEVICE')).toBe('device');
    expect(normalizeCard('  ')).toBeNull();
  });
});
