import type { NextFunction, Request, Response, Router } from 'express';
import type { Caller, HandlerContext, HandlerResult, RouteDef } from './handler-types';
import { parseInput } from './validate';
import { authorize } from './authorize';
import { SESSION_COOKIE } from './session-service';

export interface MountOptions {
  /** Builds the handler context of one request once its caller is known. */
  context(req: Request, caller: Caller | null): HandlerContext;
  cookieSecure: boolean;
}

function send(res: Response, result: HandlerResult, cookieSecure: boolean): void {
  if ('download' in result) {
    const d = result.download;
    res.status(result.status).type(d.contentType).attachment(d.filename).send(d.content);
    return;
  }
  for (const [k, v] of Object.entries(result.headers ?? {})) res.setHeader(k, v);
  const cookie = { httpOnly: true, sameSite: 'strict' as const, secure: cookieSecure, path: '/' };
  if (result.session?.set)
    res.cookie(SESSION_COOKIE, result.session.set.value, {
      ...cookie,
      expires: new Date(result.session.set.expiresAt),
    });
  if (result.session?.clear) res.clearCookie(SESSION_COOKIE, cookie);
  if (result.encoded) {
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.setHeader('ETag', result.encoded.etag);
    res.status(result.status).send(result.encoded.bytes);
  } else if (result.body === undefined) res.status(result.status).end();
  else res.status(result.status).json(result.body);
}

/**
 * Mounts the route table on an Express router: authorise, validate params/query/body with the
 * route's schemas, call the handler, send its `{status, body}`. Errors go to `next`, so the one
 * error middleware maps them.
 */
export function mountRoutes(router: Router, routes: RouteDef[], opts: MountOptions): void {
  for (const route of routes) {
    router[route.method](route.path, async (req: Request, res: Response, next: NextFunction) => {
      res.locals.route = `/api${route.path}`;
      try {
        const ctx0 = opts.context(req, null);
        const caller = await authorize(req, route.access, ctx0.sessions, ctx0.now());
        res.locals.userId = caller?.userId;
        const input = {
          params: parseInput(route.params, req.params, 'params'),
          query: parseInput(route.query, req.query, 'query'),
          body: parseInput(route.body, req.body, 'body'),
        };
        send(
          res,
          await route.handler(caller ? { ...ctx0, caller } : ctx0, input),
          opts.cookieSecure,
        );
      } catch (err) {
        next(err);
      }
    });
  }
}
