import { normalizePhone, callingCodeFor } from '../../core/identifiers/normalize';

describe('normalizePhone', () => {
  it.each([
    '(555) 010-1234',
    '+1 555 010 1234',
    '5550101234',
    '001 555 010 1234',
    '1-555-010-1234',
    '555.010.1234',
    ' +1 (555) 010-1234 ',
    '011 1 555 010 1234',
    '555-010-1234 x12',
    '555 010 1234 ext. 99',
    'tel:+1-555-010-1234;ext=5',
    'Phone: 555/010/1234',
  ])('%j is +15550101234 in the US', (raw) => {
    expect(normalizePhone(raw)).toBe('+15550101234');
    expect(normalizePhone(raw, 'US')).toBe('+15550101234');
  });

  it.each([
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 20 7946 0958', 'US', '+442079460958'],
    ['+44 (0)20 7946 0958', null, '+442079460958'],
    ['0044 20 7946 0958', 'FR', '+442079460958'],
    ['44 20 7946 0958', 'gb', '+442079460958'],
    ['011 44 20 7946 0958', 'US', '+442079460958'],
    ['06 12 34 56 78', 'FR', '+33612345678'],
    ['030 1234567', 'DE', '+49301234567'],
    ['02 1234 5678', 'IT', '+390212345678'],
    ['5550101234', 'ZZ', '+15550101234'],
    ['5550101234', '', '+15550101234'],
    ['98765 43210', 'IN', '+919876543210'],
  ])('%j in %j is %j', (raw, country, expected) => {
    expect(normalizePhone(raw, country)).toBe(expected);
  });

  it.each(['', '123', 'n/a', '+', '(  )'])('%j is unusable', (raw) => {
    expect(normalizePhone(raw)).toBeNull();
  });

  it('maps countries to calling codes, +1 by default', () => {
    expect(callingCodeFor('gb')).toBe('44');
    expect(callingCodeFor(' DE ')).toBe('49');
    expect(callingCodeFor(null)).toBe('1');
    expect(callingCodeFor('XX')).toBe('1');
  });
});
