import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { RingGraphResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { ringGraphQuery } from '../schemas/ring-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { toCyElements } from '../views/graph-elements';

/** `GET /api/rings/:id/graph`: members, the identifiers they share and payments among them, as Cytoscape elements. */
export async function ringGraph(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof ringGraphQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const ring = await ctx.store.getRing(input.params.id, q.runId);
  if (!ring) throw new NotFoundError('RING_NOT_FOUND', `fraud-rings: no ring ${input.params.id}`);
  const target = `ring:${ring.ringId}`;
  const { masked } = await piiMode(ctx, q, target);
  const graph = await ctx.store.subgraphOf(ring.members, { limit: q.limit, hubCap: q.hubCap });
  const shown = masked ? ctx.masker.subgraph(graph) : graph;
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'ring.view',
    target,
    at: ctx.now(),
    detail: { runId: ring.runId, part: 'graph' },
  });
  const body: RingGraphResponse = {
    elements: toCyElements(shown),
    capped: graph.capped,
    masked,
    ringId: ring.ringId,
    runId: ring.runId,
  };
  return { status: 200, body };
}
