import { loadConfig } from '../../core/config';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';
import { Masker } from '../../core/masking/masker';
import { SessionService } from '../../server/http/session-service';
import { LoginLimiter } from '../../server/http/login-limiter';
import type { HandlerContext } from '../../server/http/handler-types';
import { search } from '../../server/handlers/search';
import { accountGet } from '../../server/handlers/account-get';
import { caseCreate } from '../../server/handlers/case-create';
import { ringsList } from '../../server/handlers/rings-list';
import type { RingRecord, RunRecord } from '../../core/types';
import { buildFixtureStore, type FixtureStore } from '../helpers/fixture-store';

/** Handlers are plain functions of (context, input): called here without HTTP or Express. */
describe('handlers without HTTP', () => {
  let fx: FixtureStore;
  let store: GraphStore;
  let ctx: HandlerContext;

  beforeAll(async () => {
    fx = await buildFixtureStore({ users: 400, rings: 8, seed: 5 });
    store = openSqliteStore(fx.dbPath);
    ctx = {
      store,
      config: loadConfig({ dbPath: fx.dbPath }, {}),
      jobs: null,
      masker: new Masker('k'),
      sessions: new SessionService(store, 'k', new LoginLimiter()),
      caller: {
        userId: fx.users.analyst.userId,
        name: 'fixture-analyst',
        role: 'analyst',
        via: 'token',
        sid: null,
        expiresAt: null,
      },
      clientIp: '127.0.0.1',
      now: () => 1_800_000_000_000,
    };
  }, 120_000);
  afterAll(async () => {
    await store.close();
    fx.close();
  });

  it('search returns {status, body} with masked hits', async () => {
    const r = await search(ctx, {
      params: {},
      query: { q: 'Jane.Roe@gmail.com', limit: 5 },
      body: {},
    });
    expect(r).toEqual({
      status: 200,
      body: {
        kinds: ['email'],
        hits: [{ kind: 'email', value: 'j***@gmail.com', userIds: ['planted-jane'] }],
        masked: true,
      },
    });
  });

  it('a reveal without a reason throws before anything is read or audited; with one it is audited first', async () => {
    const before = (await store.listAudit({ action: 'pii.reveal' })).items.length;
    await expect(
      accountGet(ctx, { params: { id: 'planted-jane' }, query: { reveal: 'true' }, body: {} }),
    ).rejects.toMatchObject({ code: 'REVEAL_REASON_REQUIRED' });
    expect((await store.listAudit({ action: 'pii.reveal' })).items).toHaveLength(before);
    const r = await accountGet(ctx, {
      params: { id: 'planted-jane' },
      query: { reveal: 'true', reason: 'unit check' },
      body: {},
    });
    expect(r).toMatchObject({
      status: 200,
      body: { masked: false, account: { email: 'jane.roe@gmail.com' } },
    });
    const [entry] = (await store.listAudit({ action: 'pii.reveal' })).items;
    expect(entry).toMatchObject({
      at: 1_800_000_000_000,
      actor: 'fixture-analyst',
      target: 'account:planted-jane',
      detail: { reason: 'unit check' },
    });
  });

  it('case creation answers 201 with the location of the new case', async () => {
    const r = await caseCreate(ctx, {
      params: {},
      query: {},
      body: { accounts: ['planted-jane'] },
    });
    expect(r.status).toBe(201);
    const body = (r as { body: { case: { caseId: string; createdAt: number; title: string } } })
      .body;
    expect(body.case).toMatchObject({ createdAt: 1_800_000_000_000, title: '1 accounts' });
    expect((r as { headers: Record<string, string> }).headers).toEqual({
      Location: `/api/cases/${body.case.caseId}`,
    });
  });

  it('fills a page of rings new since a run from several store pages', async () => {
    const before = (await store.listRings({ runId: fx.runId, flaggedOnly: false, limit: 3 })).items;
    expect(before).toHaveLength(3);
    const run: RunRecord = {
      ...(await store.getRun(fx.runId))!,
      runId: 'run-later',
      startedAt: 1_900_000_000_000,
    };
    const again = (r: RingRecord, score: number): RingRecord => ({
      ...r,
      runId: run.runId,
      score,
      flagged: true,
      status: 'ongoing',
      parents: [r.ringId],
    });
    const fresh = (ringId: string, score: number): RingRecord => ({
      ...before[0],
      ringId,
      runId: run.runId,
      score,
      flagged: true,
      status: 'new',
      parents: [],
    });
    await store.saveRun(
      run,
      [
        again(before[0], 99),
        fresh('ring-new-a', 98),
        again(before[1], 97),
        again(before[2], 96),
        fresh('ring-new-b', 50),
      ],
      [],
    );
    const r = (await ringsList(ctx, {
      params: {},
      query: { runId: run.runId, newSince: fx.runId, sort: 'score', limit: 2 },
      body: {},
    })) as {
      body: { items: Array<{ ringId: string }>; nextCursor: string | null; runId: string };
    };
    expect(r.body.runId).toBe('run-later');
    expect(r.body.items.map((x) => x.ringId)).toEqual(['ring-new-a', 'ring-new-b']);
    expect(r.body.nextCursor).toBeNull();
  });
});
