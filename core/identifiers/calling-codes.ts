/**
 * Country calling codes (ITU-T E.164) of common ISO 3166 alpha-2 countries. Used to turn a
 * national phone number into the international digits the account's country implies.
 */
// prettier-ignore
export const CALLING_CODES: Readonly<Record<string, string>> = {
  US: '1', CA: '1', PR: '1', GU: '1', VI: '1', JM: '1', BS: '1', TT: '1', DO: '1',
  GB: '44', UK: '44', IE: '353', FR: '33', DE: '49', ES: '34', IT: '39', PT: '351', NL: '31', BE: '32',
  LU: '352', CH: '41', AT: '43', SE: '46', NO: '47', DK: '45', FI: '358', IS: '354', PL: '48', CZ: '420',
  SK: '421', HU: '36', RO: '40', BG: '359', GR: '30', HR: '385', SI: '386', RS: '381', LT: '370',
  LV: '371', EE: '372', UA: '380', RU: '7', KZ: '7', BY: '375', TR: '90', CY: '357', MT: '356',
  IN: '91', PK: '92', BD: '880', LK: '94', NP: '977', CN: '86', JP: '81', KR: '82', TW: '886', HK: '852',
  SG: '65', MY: '60', TH: '66', VN: '84', PH: '63', ID: '62', AU: '61', NZ: '64',
  ZA: '27', NG: '234', KE: '254', GH: '233', EG: '20', MA: '212', TN: '216', DZ: '213', ET: '251',
  AE: '971', SA: '966', QA: '974', KW: '965', IL: '972', JO: '962', LB: '961', IR: '98', IQ: '964',
  MX: '52', BR: '55', AR: '54', CL: '56', CO: '57', PE: '51', VE: '58', EC: '593', UY: '598',
};

/**
 * Calling codes whose national significant number keeps its leading 0 after the country code
 * (Italy, Vatican, San Marino): for these the trunk 0 is not dropped.
 */
export const KEEPS_LEADING_ZERO: ReadonlySet<string> = new Set(['39', '378']);

/** Calling code for an ISO country (case-insensitive); +1 when the country is missing or unknown. */
export function callingCodeFor(country: string | null | undefined): string {
  if (!country) return '1';
  return CALLING_CODES[country.trim().toUpperCase()] ?? '1';
}
