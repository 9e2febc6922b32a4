/**
 * The only source of query text that varies. Cypher cannot take a parameter for an ORDER BY key,
 * a label or a hop bound, so files in `cypher/` may contain `{{slot}}` placeholders; the loader
 * fills them with values from `SLOT_VALUES` only, never with text that came from input.
 * Everything a caller passes is first mapped onto this list (or rejected with a typed error).
 */
import { InvalidInputError } from '../../errors';
import { IDENTIFIER_KINDS, type IdentifierKind } from '../../types';

export const SLOT_VALUES = {
  /** Property a ring list is ordered by. */
  ringSort: ['score', 'size'],
} as const;

export type SlotName = keyof typeof SLOT_VALUES;
export type SlotValues = { [K in SlotName]?: (typeof SLOT_VALUES)[K][number] };

/** Account hops a neighbourhood may span (account -> identifier -> account is one hop). */
export const MAX_HOPS = 3;

/** Maps a ring sort option onto its allowed property; anything else is bad input. */
export function ringSortKey(sort: string | undefined): (typeof SLOT_VALUES.ringSort)[number] {
  const key = sort ?? 'score';
  const allowed = SLOT_VALUES.ringSort.find((v) => v === key);
  if (!allowed)
    throw new InvalidInputError(
      'BAD_SORT',
      `fraud-rings: sort must be one of ${SLOT_VALUES.ringSort.join(', ')}`,
    );
  return allowed;
}

/** Validates a neighbourhood depth: an integer from 1 to `MAX_HOPS` (else `INVALID_GRAPH_QUERY`, as the SQLite adapter). */
export function hopBound(depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_HOPS) {
    throw new InvalidInputError(
      'INVALID_GRAPH_QUERY',
      `fraud-rings: depth must be an integer from 1 to ${MAX_HOPS}`,
      {
        depth,
      },
    );
  }
  return depth;
}

/** Validates an identifier kind before it is used as a property value in a lookup. */
export function identifierKind(kind: string): IdentifierKind {
  const found = IDENTIFIER_KINDS.find((k) => k === kind);
  if (!found)
    throw new InvalidInputError(
      'BAD_IDENTIFIER_KIND',
      `fraud-rings: unknown identifier kind "${kind}"`,
    );
  return found;
}

/**
 * Fills the `{{slot}}` placeholders of a query with allow-listed values. Throws when a slot has
 * no value or a value is not on the list, so a query is never sent with a hole or with input text.
 */
export function renderSlots(text: string, slots: SlotValues): string {
  return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) => {
    if (!(name in SLOT_VALUES))
      throw new InvalidInputError('BAD_SLOT', `fraud-rings: unknown query slot "${name}"`);
    const allowed: readonly string[] = SLOT_VALUES[name as SlotName];
    const value = slots[name as SlotName];
    if (value === undefined || !allowed.includes(value)) {
      throw new InvalidInputError(
        'BAD_SLOT',
        `fraud-rings: slot "${name}" needs one of ${allowed.join(', ')}`,
      );
    }
    return value;
  });
}
