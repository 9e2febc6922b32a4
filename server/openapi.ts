import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { codeVersion } from '../core/config';
import type { RouteDef } from './http/handler-types';

const errorSchema = z
  .object({
    error: z.object({ code: z.string().meta({ example: 'RING_NOT_FOUND' }), message: z.string() }),
  })
  .meta({ id: 'ApiError' });

const ACCESS_ERRORS: Record<RouteDef['access'], Record<number, string>> = {
  public: {},
  user: { 401: 'no valid credentials', 403: 'cookie request without its X-CSRF-Token' },
  admin: {
    401: 'no valid credentials',
    403: 'not an admin, or cookie request without its X-CSRF-Token',
  },
};

/**
 * The OpenAPI 3.1 document of the route table, generated from the same zod schemas that validate
 * requests, so the document cannot drift from what the server accepts. Success bodies are named
 * after their TypeScript types in `server/api-types.ts`.
 */
export function buildOpenApi(routes: RouteDef[]): object {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', { type: 'http', scheme: 'bearer' });
  registry.registerComponent('securitySchemes', 'cookieAuth', {
    type: 'apiKey',
    in: 'cookie',
    name: 'fr_session',
  });
  for (const r of routes) {
    const responses: Record<
      string,
      { description: string; content?: Record<string, { schema: z.ZodType }> }
    > = {};
    const errors: Record<number, string> = {
      400: 'invalid input',
      413: 'body above 1 MB',
      ...ACCESS_ERRORS[r.access],
    };
    for (const [status, description] of Object.entries({ ...errors, ...r.responses })) {
      responses[status] =
        Number(status) >= 400
          ? { description, content: { 'application/json': { schema: errorSchema } } }
          : { description };
    }
    registry.registerPath({
      method: r.method,
      path: `/api${r.path.replace(/:([A-Za-z]+)/g, '{$1}')}`,
      summary: r.summary,
      security: r.access === 'public' ? [] : [{ bearerAuth: [] }, { cookieAuth: [] }],
      request: {
        ...(r.params ? { params: r.params as z.ZodObject } : {}),
        ...(r.query ? { query: r.query as z.ZodObject } : {}),
        ...(r.body ? { body: { content: { 'application/json': { schema: r.body } } } } : {}),
      },
      responses,
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'fraud-rings investigation API', version: codeVersion() },
  });
}
