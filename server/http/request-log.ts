import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../../core/logger';

const INCOMING_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One structured log line per request: request id (also sent as `X-Request-Id`), method, route
 * pattern, path, status, duration and user id. Never the query string or a body: search terms,
 * reveal reasons and profile values stay out of logs.
 */
export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    const incoming = req.get('x-request-id');
    const reqId = incoming && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.locals.reqId = reqId;
    res.setHeader('X-Request-Id', reqId);
    const path = req.originalUrl.split('?')[0];
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      logger.info(
        {
          reqId,
          method: req.method,
          route: res.locals.route ?? null,
          path,
          status: res.statusCode,
          ms: Math.round(ms * 10) / 10,
          userId: res.locals.userId ?? null,
        },
        'request',
      );
    });
    next();
  };
}
