import { normalizeAddress } from '../../core/identifiers/normalize';

describe('normalizeAddress', () => {
  it.each([
    ['123 Main Street, Apt. 4B', '123 main st unit 4b'],
    ['123 main st apt #4b', '123 main st unit 4b'],
    ['123 MAIN ST. #4-B', '123 main st unit 4b'],
    ['  123   Main\tStr ,  Apartment 4B ', '123 main st unit 4b'],
    ['12 North First Avenue Suite 200', '12 n 1st ave unit 200'],
    ['12 N. 1st Ave., Ste 200', '12 n 1st ave unit 200'],
    ['9 Sunset Boulevard', '9 sunset blvd'],
    ['9 sunset blvd.', '9 sunset blvd'],
    ['77 Oak Road', '77 oak rd'],
    ['77 OAK RD', '77 oak rd'],
    ['5 Elm Lane, Unit 7', '5 elm ln unit 7'],
    ['5 elm ln #7', '5 elm ln unit 7'],
    ['400 Southwest Parkway Drive', '400 sw pkwy dr'],
    ["14 O'Connell Rd.", '14 oconnell rd'],
    ['14 O’Connell Road', '14 oconnell rd'],
    ['Rue de l’Église 5', 'rue de leglise 5'],
    ['Flat 3, 10 Downing Street, London SW1A 2AA', 'unit 3 10 downing st london sw1a 2aa'],
  ])('%j -> %j', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });

  it('keeps different doors apart', () => {
    expect(normalizeAddress('123 Main St Apt 4')).not.toBe(normalizeAddress('123 Main St Apt 5'));
    expect(normalizeAddress('123 Main St')).not.toBe(normalizeAddress('123 Main Ave'));
  });

  it.each(['', ',,,', ' - . '])('%j is unusable', (raw) => {
    expect(normalizeAddress(raw)).toBeNull();
  });
});
