import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { buildFixtureStore, type FixtureStore } from '../helpers/fixture-store';
import { call, startTestApi, type TestApi } from '../helpers/api-server';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import { runDetection } from '../../core/detect/run-detection';

/** Cached graph views: served again while the data is unchanged, rebuilt after a load or a run. */
describe('graph views kept between requests (real HTTP, real SQLite)', () => {
  let fx: FixtureStore;
  let api: TestApi;
  let base: string;
  let analyst: string;
  let admin: string;
  const get = (p: string, token = analyst) => call(base, 'GET', p, { token });

  /** This process's view cache lookups, read from `/metrics` (admins). */
  async function lookups(): Promise<{ hit: number; miss: number }> {
    const text = (await get('/metrics', admin)).body as string;
    const value = (result: string) => {
      const m = new RegExp(
        `^fraud_rings_view_cache_lookups\\{pid="${process.pid}",result="${result}"\\} (\\d+)$`,
        'm',
      ).exec(text);
      if (!m) throw new Error(`no ${result} lookups in /metrics`);
      return Number(m[1]);
    };
    return { hit: value('hit'), miss: value('miss') };
  }

  async function auditCount(action: string, target: string): Promise<number> {
    const r = await get(
      `/api/audit?action=${action}&target=${encodeURIComponent(target)}&limit=1000`,
      admin,
    );
    return r.body.items.length;
  }

  beforeAll(async () => {
    fx = await buildFixtureStore({ users: 600, rings: 8, seed: 5 });
    api = await startTestApi(fx.dbPath);
    base = api.server.url;
    analyst = fx.users.analyst.token;
    admin = fx.users.admin.token;
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    fx?.close();
  });

  it('serves a masked ring graph again byte for byte, and audits every view', async () => {
    const graph = `/api/rings/${encodeURIComponent(fx.ring.ringId)}/graph`;
    const before = await lookups();
    const first = await get(graph);
    const second = await get(graph);
    const after = await lookups();
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(first.body.masked).toBe(true);
    expect(first.body.ringId).toBe(fx.ring.ringId);
    expect(first.body.elements.nodes.length).toBeGreaterThanOrEqual(fx.ring.members.length);
    expect(second.body).toEqual(first.body);
    expect(second.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(after).toEqual({ hit: before.hit + 1, miss: before.miss + 1 });
    expect(await auditCount('ring.view', `ring:${fx.ring.ringId}`)).toBe(2);

    // Other inputs are other views.
    const small = await get(`${graph}?limit=2`);
    expect(small.body.elements.nodes).toHaveLength(2);
    expect(small.body.capped).toBe(true);
    expect(await lookups()).toEqual({ hit: before.hit + 1, miss: before.miss + 2 });

    // A conditional request for the cached view is answered 304, as for any JSON reply (raw
    // HTTP: fetch would add Cache-Control: no-cache to a conditional request).
    const status = await new Promise<number | undefined>((resolve, reject) => {
      http
        .get(
          `${base}${graph}`,
          {
            headers: {
              authorization: `Bearer ${analyst}`,
              'if-none-match': first.headers.get('etag')!,
            },
          },
          (res) => {
            res.resume();
            res.on('end', () => resolve(res.statusCode));
          },
        )
        .on('error', reject);
    });
    expect(status).toBe(304);
  });

  it('never keeps a revealed view', async () => {
    const url = `/api/accounts/${fx.planted.userId}/neighborhood?depth=1&reveal=true&reason=case%20review`;
    const before = await lookups();
    const revealed = await get(url);
    const again = await get(url);
    expect(revealed.status).toBe(200);
    expect(revealed.body.masked).toBe(false);
    expect(JSON.stringify(again.body)).toContain('jane.roe@gmail.com');
    expect(await lookups()).toEqual(before);
    expect(await auditCount('pii.reveal', `account:${fx.planted.userId}`)).toBe(2);
  });

  it('builds a neighbourhood again after a load changes the data', async () => {
    const url = `/api/accounts/${fx.planted.userId}/neighborhood?depth=1`;
    const first = await get(url);
    const cached = await get(url);
    expect(cached.body).toEqual(first.body);
    const ids = (r: typeof first) =>
      r.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
    expect(ids(first)).not.toContain('account:late-sharer');

    const dir = fs.mkdtempSync(path.join(fx.dir, 'late-'));
    fs.writeFileSync(
      path.join(dir, 'users.csv'),
      [
        'user_id,created_at,name,email,phone,address,country,label',
        `late-sharer,2026-02-01T10:00:00Z,Late Sharer,${fx.planted.email},,,US,`,
        '',
      ].join('\n'),
    );
    const before = await lookups();
    const report = await ingestPaths(api.store, [dir], {});
    expect(report.files.every((f) => f.loaded)).toBe(true);

    const fresh = await get(url);
    expect(fresh.status).toBe(200);
    expect(ids(fresh)).toContain('account:late-sharer');
    expect(await lookups()).toEqual({ hit: before.hit, miss: before.miss + 1 });
    // Two views above (the reveals) and three here.
    expect(await auditCount('account.view', `account:${fx.planted.userId}`)).toBe(5);
  });

  it('builds a ring graph of the latest run again after a detection run', async () => {
    const graph = `/api/rings/${encodeURIComponent(fx.ring.ringId)}/graph`;
    const old = await get(graph);
    expect(old.body.runId).toBe(fx.runId);
    const { run } = await runDetection(api.store, { seed: 5 });
    expect(run.runId).not.toBe(fx.runId);

    const before = await lookups();
    const fresh = await get(graph);
    expect(await lookups()).toEqual({ hit: before.hit, miss: before.miss + 1 });
    // The view is rebuilt from the ring's latest run, the new one when lineage kept its id.
    const latest = await api.store.getRing(fx.ring.ringId);
    expect(fresh.status).toBe(200);
    expect(fresh.body.runId).toBe(latest!.runId);
    // Four views in the first test (two, the smaller graph, the 304) and two here.
    expect(await auditCount('ring.view', `ring:${fx.ring.ringId}`)).toBe(6);
  });
});
