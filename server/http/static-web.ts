import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';

/**
 * Serves the built web UI (`web/dist`): hashed assets cached for a year, anything else that is a
 * GET for a page answered with `index.html` (the UI routes in the browser). `/api` and `/metrics`
 * are never shadowed.
 */
export function staticWeb(webDir: string): Router {
  const router = express.Router();
  const index = path.join(webDir, 'index.html');
  router.use(
    express.static(webDir, {
      index: false,
      setHeaders(res, file) {
        res.setHeader(
          'Cache-Control',
          file.includes(`${path.sep}assets${path.sep}`)
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    }),
  );
  router.use((req: Request, res: Response, next: NextFunction) => {
    if (
      (req.method !== 'GET' && req.method !== 'HEAD') ||
      req.path.startsWith('/api/') ||
      req.path === '/metrics'
    )
      return next();
    if (!fs.existsSync(index)) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
