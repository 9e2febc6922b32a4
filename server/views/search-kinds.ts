import { normalizeIdentifier } from '../../core/identifiers/normalize';
import type { IdentifierKind } from '../../core/types';

export interface SearchKey {
  kind: IdentifierKind | 'account';
  value: string;
}

const PHONE_LIKE = /^[+(]?[\d\s().\-/]+$/;
const HAS_LETTER_AND_DIGIT = /(?=.*[A-Za-z])(?=.*\d)/;

/**
 * What a search box value may be, each as the exact key to look up (normalised as ingest
 * normalised it): an email (has `@`), an IP, a phone (digits and phone punctuation, 7+ digits),
 * an address (letters, digits and a space), and always an account id, device or card id as typed.
 * Every key is an indexed lookup, so trying several costs a few index probes, never a scan.
 */
export function searchKeys(q: string): SearchKey[] {
  const text = q.trim();
  const keys: SearchKey[] = [];
  const add = (kind: IdentifierKind) => {
    const ref = normalizeIdentifier(kind, text);
    if (ref && !keys.some((k) => k.kind === kind && k.value === ref.value))
      keys.push({ kind, value: ref.value });
  };
  if (text.includes('@')) {
    add('email');
    return keys;
  }
  add('ip');
  if (keys.length) return keys;
  if (PHONE_LIKE.test(text) && text.replace(/\D/g, '').length >= 7) add('phone');
  if (text.includes(' ') && HAS_LETTER_AND_DIGIT.test(text)) add('address');
  keys.push({ kind: 'account', value: text });
  add('device');
  add('card');
  return keys;
}
