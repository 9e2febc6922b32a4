import type { IdentifierKind } from '../types';

/** Identifier kinds shown masked unless a reveal is asked for with a reason. */
export const PII_KINDS: ReadonlySet<IdentifierKind> = new Set<IdentifierKind>([
  'email',
  'phone',
  'address',
  'card',
]);

/** `john.doe@gmail.com` -> `j***@gmail.com`: the domain stays, so a person can still tell providers apart. */
export function maskEmail(value: string): string {
  const at = value.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${value[0]}***${value.slice(at)}`;
}

/** `+1 (555) 010-1234` -> `***-***-1234`: the last four digits only. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, '');
  return digits.length >= 4 ? `***-***-${digits.slice(-4)}` : '***';
}

/** A card fingerprint keeps its last four characters: `****9f3a`. */
export function maskCard(value: string): string {
  const tail = value.replace(/[^A-Za-z0-9]/g, '').slice(-4);
  return value.length > 4 ? `****${tail}` : '****';
}

/** `12 Main St, Springfield` -> `***, Springfield`: the last comma-separated part (town) only. */
export function maskAddress(value: string): string {
  const comma = value.lastIndexOf(',');
  const town = comma >= 0 ? value.slice(comma + 1).trim() : '';
  return town && !/\d/.test(town) ? `***, ${town}` : '***';
}

/** Masks a value of a PII kind; other kinds (device, ip) are returned unchanged. */
export function maskIdentifier(kind: IdentifierKind, value: string): string {
  switch (kind) {
    case 'email':
      return maskEmail(value);
    case 'phone':
      return maskPhone(value);
    case 'card':
      return maskCard(value);
    case 'address':
      return maskAddress(value);
    default:
      return value;
  }
}

/** Profile and payment fields that hold PII, by property name, with the kind that masks them. */
export const PII_FIELDS: Readonly<Record<string, IdentifierKind>> = {
  email: 'email',
  phone: 'phone',
  address: 'address',
  card: 'card',
  cardId: 'card',
  card_id: 'card',
};
