import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { RingGraphResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { ringGraphQuery } from '../schemas/ring-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { toCyElements } from '../views/graph-elements';
import { encodeBody, viewSlot } from '../views/view-cache';

interface RingGraphMeta {
  ringId: string;
  runId: string;
}

/**
 * `GET /api/rings/:id/graph`: members, the identifiers they share and payments among them, as
 * Cytoscape elements. A masked graph is kept while the store's data is unchanged and served
 * again from the cache; every view, cached or not, is audited before it is returned.
 */
export async function ringGraph(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof ringGraphQuery>>,
): Promise<HandlerResult> {
  const q = input.query;
  const slot = viewSlot(ctx.views, q.reveal, [
    'ring-graph',
    input.params.id,
    q.runId,
    q.limit,
    q.hubCap,
  ]);
  const hit = slot?.cache.get<RingGraphMeta>(slot.key, slot.gen);
  if (hit) {
    await auditView(ctx, hit.meta);
    return { status: 200, encoded: hit.encoded };
  }
  const ring = await ctx.store.getRing(input.params.id, q.runId);
  if (!ring) throw new NotFoundError('RING_NOT_FOUND', `fraud-rings: no ring ${input.params.id}`);
  const { masked } = await piiMode(ctx, q, `ring:${ring.ringId}`);
  const graph = await ctx.store.subgraphOf(ring.members, { limit: q.limit, hubCap: q.hubCap });
  const shown = masked ? ctx.masker.subgraph(graph) : graph;
  const meta = { ringId: ring.ringId, runId: ring.runId };
  await auditView(ctx, meta);
  const body: RingGraphResponse = {
    elements: toCyElements(shown),
    capped: graph.capped,
    masked,
    ringId: ring.ringId,
    runId: ring.runId,
  };
  if (!slot || !masked) return { status: 200, body };
  const encoded = encodeBody(body);
  slot.cache.set(slot.key, slot.gen, { encoded, meta });
  return { status: 200, encoded };
}

function auditView(ctx: HandlerContext, meta: RingGraphMeta) {
  return recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'ring.view',
    target: `ring:${meta.ringId}`,
    at: ctx.now(),
    detail: { runId: meta.runId, part: 'graph' },
  });
}
