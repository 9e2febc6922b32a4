/**
 * Canonical token for each spelling of a common address word (USPS Publication 28 style
 * abbreviations, plus the usual British ones). Every spelling, long or short, maps to one form,
 * so `Street`, `St.` and `Str` compare equal. Unit designators (apartment, suite, flat, `#`, …)
 * all map to `unit`: `Apt 4`, `Suite 4` and `#4` name the same door in practice.
 */
const GROUPS: ReadonlyArray<readonly [canonical: string, ...spellings: string[]]> = [
  ['st', 'street', 'str', 'strt', 'saint'],
  ['ave', 'avenue', 'av', 'aven', 'avenu', 'avn', 'avnue'],
  ['rd', 'road'],
  ['blvd', 'boulevard', 'boul', 'boulv'],
  ['dr', 'drive', 'drv', 'driv'],
  ['ln', 'lane'],
  ['ct', 'court', 'crt'],
  ['pl', 'place'],
  ['ter', 'terrace', 'terr'],
  ['cir', 'circle', 'circ', 'crcl'],
  ['hwy', 'highway', 'hiway', 'hway'],
  ['pkwy', 'parkway', 'parkwy', 'pkway', 'pky'],
  ['sq', 'square', 'sqr'],
  ['trl', 'trail'],
  ['cres', 'crescent', 'cresent', 'crsnt'],
  ['cl', 'close'],
  ['expy', 'expressway', 'expw', 'expwy'],
  ['fwy', 'freeway', 'frwy'],
  ['aly', 'alley', 'ally'],
  ['ctr', 'center', 'centre', 'cntr'],
  ['hts', 'heights', 'ht'],
  ['mt', 'mount', 'mnt'],
  ['ft', 'fort', 'frt'],
  ['plz', 'plaza', 'plza'],
  ['pt', 'point'],
  ['sta', 'station', 'stn'],
  ['bldg', 'building', 'bld'],
  ['fl', 'floor', 'flr'],
  ['po', 'post'],
  ['n', 'north'],
  ['s', 'south'],
  ['e', 'east'],
  ['w', 'west'],
  ['ne', 'northeast'],
  ['nw', 'northwest'],
  ['se', 'southeast'],
  ['sw', 'southwest'],
  ['unit', 'apt', 'apartment', 'appt', 'apmt', 'ste', 'suite', 'flat', 'rm', 'room', '#'],
  ['1st', 'first'],
  ['2nd', 'second'],
  ['3rd', 'third'],
  ['4th', 'fourth'],
  ['5th', 'fifth'],
  ['6th', 'sixth'],
  ['7th', 'seventh'],
  ['8th', 'eighth'],
  ['9th', 'ninth'],
  ['10th', 'tenth'],
];

export const ADDRESS_TOKENS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [canonical, ...spellings] of GROUPS) {
    map.set(canonical, canonical);
    for (const s of spellings) map.set(s, canonical);
  }
  return map;
})();

export const UNIT_TOKEN = 'unit';
