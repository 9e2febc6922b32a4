import { callingCodeFor, KEEPS_LEADING_ZERO } from './calling-codes';

const MIN_DIGITS = 4;

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * E.164-like canonical form of a phone number (`+` then digits), or null when it has fewer than
 * four digits.
 *
 * Punctuation and spaces are ignored; text before the number (`tel:`, `Phone:`) is skipped and
 * an extension after it (`x12`, `ext. 12`, `#12`, `;ext=12`) is dropped. The country prefix is
 * resolved so that `(555) 010-1234`, `+1 555 010 1234`, `5550101234`, `1-555-010-1234` and
 * `001 555 010 1234` are equal: `+` or an international prefix (`00`, or `011` in +1 countries)
 * means the digits already start with a calling code; otherwise the number is national and
 * the calling code of `defaultCountry` (ISO alpha-2; US when missing or unknown) is prefixed,
 * after dropping the trunk `0` where the country uses one (`020 7946 0958` in GB is
 * `+442079460958`). A `(0)` after the country code (`+44 (0)20 …`) is dropped too.
 */
export function normalizePhone(raw: string, defaultCountry?: string | null): string | null {
  let digits = '';
  let plus = false;
  const n = raw.length;
  for (let i = 0; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      digits += raw[i];
    } else if (c === 43 /* + */) {
      if (digits.length === 0) plus = true;
    } else if (
      c === 40 /* ( */ &&
      digits.length > 0 &&
      raw.charCodeAt(i + 1) === 48 &&
      raw.charCodeAt(i + 2) === 41
    ) {
      i += 2;
    } else if (
      digits.length > 0 &&
      (isLetter(c) || c === 35 /* # */ || c === 59 /* ; */ || c === 44) /* , */
    ) {
      break;
    }
  }
  if (digits.length < MIN_DIGITS) return null;
  let intl: string;
  if (plus) {
    intl = digits;
  } else if (digits.charCodeAt(0) === 48 && digits.charCodeAt(1) === 48) {
    intl = digits.slice(2);
  } else {
    const cc = callingCodeFor(defaultCountry);
    if (cc === '1') {
      if (digits.startsWith('011')) intl = digits.slice(3);
      else if (digits.length === 11 && digits.charCodeAt(0) === 49) intl = digits;
      else intl = `1${digits}`;
    } else if (digits.charCodeAt(0) === 48 && !KEEPS_LEADING_ZERO.has(cc)) {
      intl = cc + digits.slice(1);
    } else if (digits.length >= 11 && digits.startsWith(cc)) {
      intl = digits;
    } else {
      intl = cc + digits;
    }
  }
  if (intl.length < MIN_DIGITS) return null;
  return `+${intl}`;
}
