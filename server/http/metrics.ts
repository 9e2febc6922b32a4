import type { NextFunction, Request, Response } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ViewCache } from '../views/view-cache';

export interface HttpMetrics {
  registry: Registry;
  middleware(req: Request, res: Response, next: NextFunction): void;
}

/**
 * Prometheus metrics of one app (its own registry, so several apps in one process do not clash):
 * process defaults plus request counts and latencies labelled by route pattern (never by raw path,
 * which would carry ids and explode the label set).
 */
export function createHttpMetrics(views?: ViewCache): HttpMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'fraud_rings_' });
  const requests = new Counter({
    name: 'fraud_rings_http_requests_total',
    help: 'HTTP requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'fraud_rings_http_request_duration_seconds',
    help: 'HTTP request latency by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  if (views) {
    // Per process (label `pid`): each server process of a cluster keeps its own views.
    const labels = { pid: String(process.pid) };
    new Gauge({
      name: 'fraud_rings_view_cache_lookups',
      help: 'Masked graph views looked up in this process since it started, by result (hit or miss)',
      labelNames: ['pid', 'result'] as const,
      registers: [registry],
      collect() {
        const s = views.stats();
        this.set({ ...labels, result: 'hit' }, s.hits);
        this.set({ ...labels, result: 'miss' }, s.misses);
      },
    });
    new Gauge({
      name: 'fraud_rings_view_cache_bytes',
      help: 'Bytes of serialised graph views this process holds',
      labelNames: ['pid'] as const,
      registers: [registry],
      collect() {
        this.set(labels, views.stats().bytes);
      },
    });
  }
  return {
    registry,
    middleware(req, res, next) {
      const end = duration.startTimer();
      res.on('finish', () => {
        const route =
          (res.locals.route as string | undefined) ??
          (req.originalUrl.startsWith('/api/') ? 'unmatched' : 'static');
        end({ method: req.method, route });
        requests.inc({ method: req.method, route, status: String(res.statusCode) });
      });
      next();
    },
  };
}
