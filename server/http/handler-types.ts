import type { z } from 'zod';
import type { Config } from '../../core/config';
import type { GraphStore } from '../../core/store/port';
import type { Masker } from '../../core/masking/masker';
import type { Role } from '../../core/types';
import type { JobRunner } from '../../jobs/job-runner';
import type { SessionService } from './session-service';
import type { EncodedBody, ViewCache } from '../views/view-cache';

/** The authenticated caller, as handlers see it. `name` is what the audit log and cases record. */
export interface Caller {
  userId: string;
  name: string;
  role: Role;
  via: 'cookie' | 'token';
  /** Session id of a cookie login (null for token clients). */
  sid: string | null;
  /** When a cookie session ends (null for token clients). */
  expiresAt: number | null;
}

/** Everything a handler may use: plain objects, no Express. Tests build one directly. */
export interface HandlerContext {
  store: GraphStore;
  config: Config;
  jobs: JobRunner | null;
  masker: Masker;
  sessions: SessionService;
  /** Null only on public routes. */
  caller: Caller | null;
  clientIp: string;
  now(): number;
  /** Built masked graph views of this app (absent in handler tests: nothing is cached). */
  views?: ViewCache | null;
}

export interface SessionCookieChange {
  set?: { value: string; expiresAt: number };
  clear?: true;
}

/**
 * A JSON reply (`body` omitted for 204), optionally setting or clearing the session cookie.
 * `encoded` is the body already serialised (a cached view): sent as is, `body` then omitted.
 */
export interface JsonResult {
  status: number;
  body?: unknown;
  encoded?: EncodedBody;
  headers?: Record<string, string>;
  session?: SessionCookieChange;
}

/** A file download (exports). */
export interface DownloadResult {
  status: number;
  download: { contentType: string; filename: string; content: string | Buffer };
}

export type HandlerResult = JsonResult | DownloadResult;

/** Validated input of a route: path params, query string and JSON body, each parsed by its zod schema. */
export interface HandlerInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
}

export type Handler<P = unknown, Q = unknown, B = unknown> = (
  ctx: HandlerContext,
  input: HandlerInput<P, Q, B>,
) => Promise<HandlerResult>;

export type Access = 'public' | 'user' | 'admin';

/** One row of the route table: HTTP method and path, who may call it, its schemas and its handler. */
export interface RouteDef<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Express path under `/api`, e.g. `/rings/:id`. */
  path: string;
  access: Access;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  /** Documented replies besides the error ones every route has (400/401/403 from access and validation). */
  responses: Record<number, string>;
  handler: Handler<z.infer<P>, z.infer<Q>, z.infer<B>>;
}

/** Keeps a route's handler typed by its own schemas while the table holds routes of every shape. */
export function defineRoute<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType>(
  route: RouteDef<P, Q, B>,
): RouteDef {
  return route as unknown as RouteDef;
}
