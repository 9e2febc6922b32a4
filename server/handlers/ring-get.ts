import type { z } from 'zod';
import { NotFoundError } from '../../core/errors';
import { recordAudit } from '../../core/audit/record-audit';
import type { RingDetailResponse } from '../api-types';
import type { idParams } from '../schemas/common';
import type { ringQuery } from '../schemas/ring-schemas';
import type { HandlerContext, HandlerInput, HandlerResult } from '../http/handler-types';
import { callerName, piiMode } from '../views/pii-mode';
import { toAccountSummary, toRingSummary, toRunSummary } from '../views/ring-views';

/** `GET /api/rings/:id`: the ring (members, features, evidence), member profiles, lineage and run. Audited. */
export async function ringGet(
  ctx: HandlerContext,
  input: HandlerInput<z.infer<typeof idParams>, z.infer<typeof ringQuery>>,
): Promise<HandlerResult> {
  const ring = await ctx.store.getRing(input.params.id, input.query.runId);
  if (!ring) throw new NotFoundError('RING_NOT_FOUND', `fraud-rings: no ring ${input.params.id}`);
  const target = `ring:${ring.ringId}`;
  const { masked } = await piiMode(ctx, input.query, target);
  const [accounts, lineage, run] = await Promise.all([
    ctx.store.getAccounts(ring.members),
    ctx.store.ringLineage(ring.ringId),
    ctx.store.getRun(ring.runId),
  ]);
  const byId = new Map(accounts.map((a) => [a.userId, a]));
  await recordAudit(ctx.store, {
    actor: callerName(ctx),
    action: 'ring.view',
    target,
    at: ctx.now(),
    detail: { runId: ring.runId },
  });
  const body: RingDetailResponse = {
    ring: {
      ...toRingSummary(ring, ctx.masker, masked),
      members: ring.members,
      features: ring.features,
    },
    members: ring.members.flatMap((id) =>
      byId.has(id) ? [toAccountSummary(byId.get(id)!, ctx.masker, masked)] : [],
    ),
    lineage,
    run: run ? toRunSummary(run) : null,
    masked,
  };
  return { status: 200, body };
}
