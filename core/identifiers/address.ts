import { ADDRESS_TOKENS, UNIT_TOKEN } from './address-abbreviations';

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Characters removed without splitting a word: `St.` → `st`, `O'Neil` → `oneil`, `4-B` → `4b`. */
function isJoiner(code: number): boolean {
  return (
    code === 46 ||
    code === 39 ||
    code === 45 ||
    code === 0x2019 ||
    code === 0x2010 ||
    code === 0x2013
  );
}

function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 48 && code <= 57) ||
    (code > 127 && code !== 160 && code !== 0x2019)
  );
}

/**
 * Canonical form of a postal address, or null when it has no letter or digit.
 *
 * Lower case; accents removed; `.`, `'` and `-` deleted inside words; any other punctuation
 * and runs of whitespace become one space; each word replaced by its canonical abbreviation
 * (`Street`/`St.`/`str` → `st`, `North` → `n`, `Apartment`/`Suite`/`#` → `unit`, `First` →
 * `1st`), and a repeated unit marker (`Apt #4`) kept once. Variants of one address that
 * people type (case, commas, abbreviations) therefore compare equal.
 */
export function normalizeAddress(raw: string): string | null {
  let s = raw.toLowerCase();
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 127) {
      s = s.normalize('NFD').replace(COMBINING_MARKS, '');
      break;
    }
  }
  let out = '';
  let last = '';
  const emit = (token: string): void => {
    const canonical = ADDRESS_TOKENS.get(token) ?? token;
    if (canonical === UNIT_TOKEN && last === UNIT_TOKEN) return;
    out = out.length === 0 ? canonical : `${out} ${canonical}`;
    last = canonical;
  };
  const n = s.length;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isWordChar(c)) {
      let joined = '';
      let from = i;
      let j = i + 1;
      for (; j < n; j++) {
        const d = s.charCodeAt(j);
        if (isWordChar(d)) continue;
        if (!isJoiner(d)) break;
        joined += s.slice(from, j);
        from = j + 1;
      }
      emit(joined + s.slice(from, j));
      i = j;
    } else {
      if (c === 35 /* # */) emit('#');
      i++;
    }
  }
  return out.length === 0 ? null : out;
}
