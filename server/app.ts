import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { Config } from '../core/config';
import type { Logger } from '../core/logger';
import type { GraphStore } from '../core/store/port';
import { Masker } from '../core/masking/masker';
import { loadSessionSecret } from '../core/auth/session-secret';
import type { JobRunner } from '../jobs/job-runner';
import { ROUTES } from './routes';
import { buildOpenApi } from './openapi';
import type { HandlerContext } from './http/handler-types';
import { mapError } from './http/error-map';
import { mountRoutes } from './http/mount-routes';
import { requestLog } from './http/request-log';
import { createHttpMetrics } from './http/metrics';
import { staticWeb } from './http/static-web';
import { authorize } from './http/authorize';
import { SessionService } from './http/session-service';
import { DEFAULT_LOGIN_LIMITS, LoginLimiter, type LoginLimits } from './http/login-limiter';
import { NotFoundError } from '../core/errors';
import { ViewCache } from './views/view-cache';

export interface AppDeps {
  store: GraphStore;
  config: Config;
  logger: Logger;
  /** Runs `/api/jobs`; without one those routes answer 503 `JOBS_UNAVAILABLE`. */
  jobs?: JobRunner | null;
  /** Built web UI to serve from `/` (SPA fallback to its index.html); null for the API alone. */
  webDir?: string | null;
  loginLimits?: LoginLimits;
  now?: () => number;
  /** Bytes of serialised masked graph views kept for reuse (default: `VIEW_CACHE_MB` of the config; 0 turns it off). */
  viewCacheBytes?: number;
}

/** `default-src 'self'` and nothing inline: the UI loads its scripts and styles as files. */
const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * The investigation API (and, given `webDir`, the UI) as an Express app. Every `/api` route but
 * `/api/health` needs a bearer token or a session cookie; `/metrics` (Prometheus) needs an admin.
 * Bodies above 1 MB are refused (413). Logs carry request ids, routes, statuses and timings,
 * never query strings or bodies.
 */
export async function createApp(deps: AppDeps): Promise<express.Express> {
  const now = deps.now ?? Date.now;
  const secret = await loadSessionSecret(deps.store);
  const masker = new Masker(secret);
  const sessions = new SessionService(
    deps.store,
    secret,
    new LoginLimiter(deps.loginLimits ?? DEFAULT_LOGIN_LIMITS),
  );
  const views = new ViewCache(deps.store, deps.viewCacheBytes ?? deps.config.viewCacheMb * 2 ** 20);
  const metrics = createHttpMetrics(views);
  const openApi = buildOpenApi(ROUTES);
  const context = (req: Request): HandlerContext => ({
    store: deps.store,
    config: deps.config,
    jobs: deps.jobs ?? null,
    masker,
    sessions,
    caller: null,
    clientIp: req.ip ?? 'unknown',
    now,
    views,
  });

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLog(deps.logger));
  app.use(metrics.middleware);
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES } }));
  app.use('/api', express.json({ limit: '1mb' }));

  const api = express.Router();
  mountRoutes(api, ROUTES, { context, cookieSecure: deps.config.cookieSecure });
  api.get('/openapi.json', async (req: Request, res: Response, next: NextFunction) => {
    res.locals.route = '/api/openapi.json';
    try {
      await authorize(req, 'user', sessions, now());
      res.json(openApi);
    } catch (err) {
      next(err);
    }
  });
  api.use((req: Request, _res: Response, next: NextFunction) =>
    next(
      new NotFoundError('ROUTE_NOT_FOUND', `fraud-rings: no route ${req.method} /api${req.path}`),
    ),
  );
  app.use('/api', api);

  app.get('/metrics', async (req: Request, res: Response, next: NextFunction) => {
    res.locals.route = '/metrics';
    try {
      await authorize(req, 'admin', sessions, now());
      res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
    } catch (err) {
      next(err);
    }
  });
  if (deps.webDir) app.use(staticWeb(deps.webDir));

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const mapped = mapError(err);
    if (mapped.unexpected) {
      deps.logger.error(
        { reqId: res.locals.reqId, code: mapped.body.error.code, err },
        'request failed',
      );
    }
    for (const [k, v] of Object.entries(mapped.headers)) res.setHeader(k, v);
    res.status(mapped.status).json(mapped.body);
  });
  return app;
}
