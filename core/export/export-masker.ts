import type { IdentifierKind } from '../types';
import { PII_KINDS, maskIdentifier } from '../masking/mask-value';

/**
 * How an export shows personal data, by the API's rule (`core/masking`): emails, phones,
 * addresses and card ids keep their shape but are hidden (`j***@gmail.com`, `***-***-1234`,
 * `****1234`, `***, Springfield`); devices and IPs are shown. A revealed export shows raw values.
 */
export interface ExportMasker {
  readonly masked: boolean;
  /** True when values of this kind are hidden in this export. */
  hides(kind: IdentifierKind): boolean;
  /** The value as this export shows it. */
  identifier(kind: IdentifierKind, raw: string): string;
}

const MASKED: ExportMasker = {
  masked: true,
  hides: (kind) => PII_KINDS.has(kind),
  identifier: (kind, raw) => maskIdentifier(kind, raw),
};

const REVEALED: ExportMasker = {
  masked: false,
  hides: () => false,
  identifier: (_kind, raw) => raw,
};

/** The masker of an export: masked unless `reveal` (a reveal is the caller's to authorise and audit). */
export function exportMasker(reveal: boolean): ExportMasker {
  return reveal ? REVEALED : MASKED;
}
