import type { z } from 'zod';
import { recordAudit } from '../../core/audit/record-audit';
import type { SearchResponse } from '../api-types';
import type { searchQuery } from '../schemas/account-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { searchKeys } from '../views/search-kinds';

/**
 * `GET /api/search?q=`: finds accounts by account id, email, phone, device, card or IP, after
 * normalising `q` the way ingest did (so `JOHN.Doe+promo@Gmail.com` finds `johndoe@gmail.com`).
 * Exact indexed lookups only. Audited with the kinds tried and the hit count, never `q` itself.
 */
export async function search(
  ctx: HandlerContext,
  input: HandlerInput<unknown, z.infer<typeof searchQuery>>,
): Promise<HandlerResult> {
  const keys = searchKeys(input.query.q);
  const { masked } = await piiMode(ctx, input.query, 'search');
  const found = await Promise.all(keys.map((k) => ctx.store.search(k, input.query.limit)));
  const hits = found.flat().filter((h) => h.userIds.length > 0);
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'search',
    target: 'search',
    at: ctx.now(),
    detail: { kinds: keys.map((k) => k.kind), hits: hits.length },
  });
  const body: SearchResponse = {
    kinds: keys.map((k) => k.kind),
    hits: masked ? hits.map((h) => ctx.masker.hit(h)) : hits,
    masked,
  };
  return { status: 200, body };
}
