import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { call, startTestApi, type TestApi } from '../helpers/api-server';

describe('one port for the API and the built UI', () => {
  let dir: string;
  let api: TestApi;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-api-static-'));
    const web = path.join(dir, 'web');
    fs.mkdirSync(path.join(web, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(web, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app-1.js"></script>',
    );
    fs.writeFileSync(path.join(web, 'assets', 'app-1.js'), 'console.log("ui");');
    api = await startTestApi(path.join(dir, 'store.db'), { webDir: web });
  });
  afterAll(async () => {
    await api.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes, under the strict CSP', async () => {
    for (const p of ['/', '/rings/r-1', '/cases/c-9?tab=notes']) {
      const r = await call(api.server.url, 'GET', p);
      expect([p, r.status]).toEqual([p, 200]);
      expect(r.headers.get('content-type')).toMatch(/^text\/html/);
      expect(r.body).toContain('/assets/app-1.js');
      expect(r.headers.get('content-security-policy')).toContain("script-src 'self'");
    }
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const r = await call(api.server.url, 'GET', '/assets/app-1.js');
    expect(r.status).toBe(200);
    expect(r.body).toBe('console.log("ui");');
    expect(r.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('never answers an unknown API route with the UI', async () => {
    for (const [method, p] of [
      ['GET', '/api/rings-typo'],
      ['POST', '/api/nothing-here'],
    ]) {
      const r = await call(api.server.url, method, p, { body: method === 'POST' ? {} : undefined });
      expect([p, r.status, r.body.error.code]).toEqual([p, 404, 'ROUTE_NOT_FOUND']);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
    }
  });
});
