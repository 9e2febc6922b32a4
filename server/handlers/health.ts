import { codeVersion } from '../../core/config';
import type { HealthResponse } from '../api-types';
import type { HandlerContext, HandlerResult } from '../http/handler-types';

/** `GET /api/health`: liveness, without authentication; says nothing but the store kind and version. */
export async function health(ctx: HandlerContext): Promise<HandlerResult> {
  const body: HealthResponse = { status: 'ok', store: ctx.store.kind, version: codeVersion() };
  return { status: 200, body };
}
