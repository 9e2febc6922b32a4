import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { NeighbourhoodResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { neighbourhoodQuery } from '../schemas/account-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { accountNodeId, toCyElements } from '../views/graph-elements';
import { encodeBody, viewSlot } from '../views/view-cache';

/**
 * `GET /api/accounts/:id/neighborhood?depth=1..3&limit=&hubCap=`: accounts within `depth` hops
 * through shared identifiers and payments, identifiers above `hubCap` accounts collapsed to hub
 * nodes, at most `limit` nodes. The account itself has `props.center = true`. Audited, also when
 * the masked view is served again from the cache (kept while the store's data is unchanged).
 */
export async function accountNeighbourhood(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof neighbourhoodQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const userId = input.params.id;
  const slot = viewSlot(ctx.views, q.reveal, ['neighbourhood', userId, q.depth, q.limit, q.hubCap]);
  const hit = slot?.cache.get<null>(slot.key, slot.gen);
  if (hit) {
    await auditView(ctx, userId, q.depth);
    return { status: 200, encoded: hit.encoded };
  }
  const graph = await ctx.store.neighbourhood({
    userId,
    depth: q.depth,
    limit: q.limit,
    hubCap: q.hubCap,
  });
  const centerId = accountNodeId(userId);
  if (!graph.nodes.some((n) => n.id === centerId))
    throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${userId}`);
  const { masked } = await piiMode(ctx, q, `account:${userId}`);
  const marked = {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === centerId ? { ...n, props: { ...n.props, center: true } } : n,
    ),
  };
  await auditView(ctx, userId, q.depth);
  const body: NeighbourhoodResponse = {
    elements: toCyElements(masked ? ctx.masker.subgraph(marked) : marked),
    capped: graph.capped,
    masked,
    userId,
    depth: q.depth,
    limit: q.limit,
    hubCap: q.hubCap,
  };
  if (!slot || !masked) return { status: 200, body };
  const encoded = encodeBody(body);
  slot.cache.set(slot.key, slot.gen, { encoded, meta: null });
  return { status: 200, encoded };
}

function auditView(ctx: HandlerContext, userId: string, depth: number) {
  return recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'account.view',
    target: `account:${userId}`,
    at: ctx.now(),
    detail: { part: 'neighborhood', depth },
  });
}
