import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROUTES } from '../../server/routes';
import { createUser } from '../../core/auth/create-user';
import { call, startTestApi, type TestApi } from '../helpers/api-server';

const concretePath = (p: string) => `/api${p.replace(/:id/g, 'some-id')}`;

describe('API authentication, roles, CSRF, limits and hardening (real HTTP)', () => {
  let dir: string;
  let api: TestApi;
  let base: string;
  let admin: string;
  let analyst: string;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-api-auth-'));
    api = await startTestApi(path.join(dir, 'store.db'), {
      loginLimits: { failuresPerName: 3, attemptsPerIp: 1000, windowMs: 60_000 },
    });
    base = api.server.url;
    admin = (await createUser(api.store, { name: 'ada', role: 'admin', password: 'ada-password' }))
      .token;
    analyst = (
      await createUser(api.store, { name: 'ann', role: 'analyst', password: 'ann-password' })
    ).token;
  });

  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('answers /api/health without credentials', async () => {
    const r = await call(base, 'GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toEqual({ status: 'ok', store: 'sqlite', version: expect.any(String) });
  });

  it('refuses every other route without credentials (401) and with a wrong token (401)', async () => {
    const routes = ROUTES.filter((r) => r.access !== 'public').map((r) => [
      r.method.toUpperCase(),
      concretePath(r.path),
    ]);
    routes.push(['GET', '/api/openapi.json']);
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const [method, p] of routes) {
      const none = await call(base, method, p, method === 'GET' ? {} : { body: {} });
      expect([p, none.status, none.body.error.code]).toEqual([p, 401, 'UNAUTHENTICATED']);
      const wrong = await call(base, method, p, { token: 'frt_not-a-real-token' });
      expect([p, wrong.status]).toEqual([p, 401]);
    }
    const metrics = await call(base, 'GET', '/metrics');
    expect(metrics.status).toBe(401);
  });

  it('refuses admin routes to analysts (403) and allows them to admins', async () => {
    const adminRoutes = ROUTES.filter((r) => r.access === 'admin');
    expect(adminRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'get /audit',
      'get /jobs',
      'get /jobs/:id',
      'post /jobs/detect',
    ]);
    for (const r of adminRoutes) {
      const res = await call(base, r.method.toUpperCase(), concretePath(r.path), {
        token: analyst,
        body: r.method === 'post' ? {} : undefined,
      });
      expect([r.path, res.status, res.body.error.code]).toEqual([r.path, 403, 'FORBIDDEN']);
    }
    const audit = await call(base, 'GET', '/api/audit', { token: admin });
    expect(audit.status).toBe(200);
    expect((await call(base, 'GET', '/metrics', { token: analyst })).status).toBe(403);
  });

  it('logs in with a password: httpOnly SameSite=Strict cookie, CSRF token required to change state, logout revokes', async () => {
    const bad = await call(base, 'POST', '/api/session', {
      body: { name: 'ann', password: 'wrong-password' },
    });
    expect(bad.status).toBe(401);
    const login = await call(base, 'POST', '/api/session', {
      body: { name: 'ANN', password: 'ann-password' },
    });
    expect(login.status).toBe(201);
    expect(login.body.user).toEqual({ userId: expect.any(String), name: 'ann', role: 'analyst' });
    const setCookie = login.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^fr_session=[^;]+;/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    const cookie = setCookie.split(';')[0];
    const csrf = login.body.csrfToken as string;

    const me = await call(base, 'GET', '/api/session', { cookie });
    expect(me.body).toMatchObject({ via: 'cookie', csrfToken: csrf, user: { name: 'ann' } });
    const noCsrf = await call(base, 'POST', '/api/cases', { cookie, body: { accounts: ['a'] } });
    expect([noCsrf.status, noCsrf.body.error.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    const wrongCsrf = await call(base, 'POST', '/api/cases', {
      cookie,
      csrf: 'x'.repeat(43),
      body: { accounts: ['a'] },
    });
    expect(wrongCsrf.status).toBe(403);
    const withCsrf = await call(base, 'POST', '/api/cases/no-such-case/notes', {
      cookie,
      csrf,
      body: { text: 'hello' },
    });
    expect([withCsrf.status, withCsrf.body.error.code]).toEqual([404, 'CASE_NOT_FOUND']);
    expect((await call(base, 'GET', '/api/jobs', { cookie })).status).toBe(403);

    const out = await call(base, 'DELETE', '/api/session', { cookie, csrf });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/fr_session=;/);
    expect((await call(base, 'GET', '/api/session', { cookie })).status).toBe(401);
  });

  it('token clients need no CSRF token', async () => {
    const me = await call(base, 'GET', '/api/session', { token: admin });
    expect(me.body).toMatchObject({
      via: 'token',
      csrfToken: null,
      user: { name: 'ada', role: 'admin' },
    });
  });

  it('rate-limits failed logins per name (429 with Retry-After), even with the right password', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await call(base, 'POST', '/api/session', {
            body: { name: 'ada', password: `guess-${i}` },
          })
        ).status,
      ).toBe(401);
    }
    const limited = await call(base, 'POST', '/api/session', {
      body: { name: 'ada', password: 'ada-password' },
    });
    expect([limited.status, limited.body.error.code]).toEqual([429, 'TOO_MANY_ATTEMPTS']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const audit = await call(base, 'GET', '/api/audit?action=session.login_failed', {
      token: admin,
    });
    expect(audit.body.items.length).toBeGreaterThanOrEqual(4);
  });

  it('refuses bodies above 1 MB (413), malformed JSON (400) and unknown fields (400)', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    const r413 = await call(base, 'POST', '/api/cases/c/notes', { token: analyst, rawBody: big });
    expect([r413.status, r413.body.error.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
    const bad = await call(base, 'POST', '/api/cases', {
      token: analyst,
      rawBody: '{"accounts": [',
    });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'MALFORMED_JSON']);
    const extra = await call(base, 'POST', '/api/cases', {
      token: analyst,
      body: { accounts: ['a'], role: 'admin' },
    });
    expect([extra.status, extra.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    const extraQuery = await call(base, 'GET', '/api/cases?sort=evil', { token: analyst });
    expect(extraQuery.status).toBe(400);
    expect(extraQuery.body.error.message).toMatch(/unknown field/);
    const depth = await call(base, 'GET', '/api/accounts/a/neighborhood?depth=4', {
      token: analyst,
    });
    expect([depth.status, depth.body.error.code]).toEqual([400, 'INVALID_INPUT']);
    const unknownRoute = await call(base, 'GET', '/api/nope', { token: analyst });
    expect([unknownRoute.status, unknownRoute.body.error.code]).toEqual([404, 'ROUTE_NOT_FOUND']);
  });

  it('answers bad input on every route that takes input with 400 INVALID_INPUT', async () => {
    const long = 'x'.repeat(300);
    const bad: Record<string, { path: string; body?: unknown; admin?: boolean }> = {
      'post /session': { path: '/api/session', body: { name: 'ann' } },
      'get /rings': { path: '/api/rings?limit=0' },
      'get /rings/:id': { path: '/api/rings/r1?runId=' },
      'get /rings/:id/graph': { path: '/api/rings/r1/graph?limit=99999' },
      'get /runs': { path: '/api/runs?limit=abc' },
      'get /accounts/:id': { path: '/api/accounts/a1?reveal=maybe' },
      'get /accounts/:id/neighborhood': { path: '/api/accounts/a1/neighborhood?depth=4' },
      'get /search': { path: '/api/search' },
      'post /cases': { path: '/api/cases', body: {} },
      'get /cases': { path: '/api/cases?status=closed' },
      'get /cases/:id': { path: `/api/cases/${long}` },
      'patch /cases/:id': { path: '/api/cases/c1', body: { status: 'closed' } },
      'post /cases/:id/notes': { path: '/api/cases/c1/notes', body: { text: '' } },
      'get /cases/:id/export': { path: '/api/cases/c1/export' },
      'post /jobs/detect': { path: '/api/jobs/detect', body: { seed: -1 }, admin: true },
      'get /jobs': { path: '/api/jobs?state=zombie', admin: true },
      'get /jobs/:id': { path: `/api/jobs/${long}`, admin: true },
      'get /audit': { path: '/api/audit?limit=5000', admin: true },
    };
    const withInput = ROUTES.filter((r) => r.params || r.query || r.body).map(
      (r) => `${r.method} ${r.path}`,
    );
    expect(Object.keys(bad).sort()).toEqual(withInput.sort());
    for (const [route, req] of Object.entries(bad)) {
      const method = route.split(' ')[0].toUpperCase();
      const r = await call(base, method, req.path, {
        token: req.admin ? admin : analyst,
        body: req.body,
      });
      expect([route, r.status, r.body.error.code]).toEqual([route, 400, 'INVALID_INPUT']);
    }
  });

  it('refuses a 2 MB body on every route that takes a body (413)', async () => {
    const big = JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024) });
    const routes = ROUTES.filter((r) => r.method !== 'get');
    expect(routes.length).toBeGreaterThanOrEqual(6);
    for (const r of routes) {
      const res = await call(base, r.method.toUpperCase(), concretePath(r.path), {
        token: admin,
        rawBody: big,
      });
      expect([r.path, res.status, res.body.error.code]).toEqual([r.path, 413, 'PAYLOAD_TOO_LARGE']);
    }
  });

  it('sends a strict CSP and other helmet headers', async () => {
    const r = await call(base, 'GET', '/api/health');
    const csp = r.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const r = await call(base, 'GET', '/api/openapi.json', { token: analyst });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    expect(Object.keys(r.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/rings/{id}/graph',
        '/api/accounts/{id}/neighborhood',
        '/api/search',
        '/api/cases/{id}',
      ]),
    );
    const depth = r.body.paths['/api/accounts/{id}/neighborhood'].get.parameters.find(
      (p: { name: string }) => p.name === 'depth',
    );
    expect(depth.schema).toMatchObject({ minimum: 1, maximum: 3 });
    expect(
      r.body.paths['/api/cases'].post.requestBody.content['application/json'].schema,
    ).toBeDefined();
  });

  it('exposes Prometheus metrics to admins', async () => {
    const r = await call(base, 'GET', '/metrics', { token: admin });
    expect(r.status).toBe(200);
    expect(r.body).toMatch(
      /fraud_rings_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/,
    );
    expect(r.body).toMatch(/fraud_rings_http_request_duration_seconds_bucket/);
  });

  it('logs each request with id, route and status, and never a password or token', async () => {
    const lines = api.logs.filter((l) => l.msg === 'request');
    expect(lines.length).toBeGreaterThan(50);
    expect(lines[0]).toEqual(
      expect.objectContaining({
        reqId: expect.any(String),
        method: expect.any(String),
        status: expect.any(Number),
        ms: expect.any(Number),
      }),
    );
    const text = api.logText();
    for (const secret of ['ada-password', 'ann-password', admin, analyst])
      expect(text).not.toContain(secret);
  });
});
