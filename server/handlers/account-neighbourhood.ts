import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { NeighbourhoodResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { neighbourhoodQuery } from '../schemas/account-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { accountNodeId, toCyElements } from '../views/graph-elements';

/**
 * `GET /api/accounts/:id/neighborhood?depth=1..3&limit=&hubCap=`: accounts within `depth` hops
 * through shared identifiers and payments, identifiers above `hubCap` accounts collapsed to hub
 * nodes, at most `limit` nodes. The account itself has `props.center = true`. Audited.
 */
export async function accountNeighbourhood(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof neighbourhoodQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const userId = input.params.id;
  const graph = await ctx.store.neighbourhood({
    userId,
    depth: q.depth,
    limit: q.limit,
    hubCap: q.hubCap,
  });
  const centerId = accountNodeId(userId);
  if (!graph.nodes.some((n) => n.id === centerId))
    throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${userId}`);
  const target = `account:${userId}`;
  const { masked } = await piiMode(ctx, q, target);
  const marked = {
    ...graph,
    nodes: graph.nodes.map((n) =>
      n.id === centerId ? { ...n, props: { ...n.props, center: true } } : n,
    ),
  };
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'account.view',
    target,
    at: ctx.now(),
    detail: { part: 'neighborhood', depth: q.depth },
  });
  const body: NeighbourhoodResponse = {
    elements: toCyElements(masked ? ctx.masker.subgraph(marked) : marked),
    capped: graph.capped,
    masked,
    userId,
    depth: q.depth,
    limit: q.limit,
    hubCap: q.hubCap,
  };
  return { status: 200, body };
}
