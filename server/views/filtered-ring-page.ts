import type { GraphStore, RingQuery } from '../../core/store/port';
import type { Page, RingRecord } from '../../core/types';

/** Store pages read at most per request while filling a filtered page. */
const MAX_ROUNDS = 20;

/**
 * One page of rings that pass `keep`, filled from as many store pages as needed (each read
 * whole, so the store's cursor stays valid), up to `MAX_ROUNDS` reads; a page may then be short,
 * and `nextCursor` still continues where it stopped.
 */
export async function filteredRingPage(
  store: GraphStore,
  query: RingQuery & { limit: number },
  keep: (ring: RingRecord) => boolean,
): Promise<Page<RingRecord>> {
  const items: RingRecord[] = [];
  let cursor = query.cursor ?? null;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const page = await store.listRings({ ...query, cursor, limit: query.limit - items.length });
    items.push(...page.items.filter(keep));
    cursor = page.nextCursor;
    if (cursor === null || items.length >= query.limit) break;
  }
  return { items, nextCursor: cursor };
}
