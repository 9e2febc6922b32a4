import { buildFixtureStore, HOSTILE_VALUES, type FixtureStore } from '../helpers/fixture-store';
import { call, startTestApi, type TestApi } from '../helpers/api-server';

describe('investigation API over real HTTP on a generated store', () => {
  let fx: FixtureStore;
  let api: TestApi;
  let base: string;
  let analyst: string;
  let admin: string;
  const get = (path: string, token = analyst) => call(base, 'GET', path, { token });

  beforeAll(async () => {
    fx = await buildFixtureStore({ users: 1500, seed: 11 });
    api = await startTestApi(fx.dbPath, { jobs: true });
    base = api.server.url;
    analyst = fx.users.analyst.token;
    admin = fx.users.admin.token;
  }, 240_000);

  afterAll(async () => {
    await api?.close();
    fx?.close();
  });

  describe('rings and runs', () => {
    it('lists flagged rings of the latest run, best first, with cursor pages and filters', async () => {
      const all = await get('/api/rings?limit=200');
      expect(all.status).toBe(200);
      expect(all.body.runId).toBe(fx.runId);
      const scores = all.body.items.map((r: { score: number }) => r.score);
      expect(scores.length).toBeGreaterThan(1);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      expect(all.body.items.every((r: { flagged: boolean }) => r.flagged)).toBe(true);
      expect(all.body.items[0].ringId).toBe(fx.ring.ringId);

      const p1 = await get('/api/rings?limit=1');
      const p2 = await get(`/api/rings?limit=1&cursor=${encodeURIComponent(p1.body.nextCursor)}`);
      expect([p1.body.items[0].ringId, p2.body.items[0].ringId]).toEqual(
        all.body.items.slice(0, 2).map((r: { ringId: string }) => r.ringId),
      );

      const min = scores[Math.floor(scores.length / 2)];
      const high = await get(`/api/rings?limit=200&minScore=${min}`);
      expect(high.body.items.length).toBe(scores.filter((s: number) => s >= min).length);
      const bySize = await get('/api/rings?limit=200&sort=size');
      const sizes = bySize.body.items.map((r: { size: number }) => r.size);
      expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
      expect((await get(`/api/rings?newSince=${fx.runId}`)).body.items).toEqual([]);
      expect((await get('/api/rings?newSince=no-such-run')).status).toBe(404);
      expect((await get('/api/rings?status=exploded')).status).toBe(400);
      expect((await get('/api/rings?minScore=101')).status).toBe(400);
    });

    it('shows one ring with member profiles (masked), features, evidence and lineage, and audits the view', async () => {
      const r = await get(`/api/rings/${encodeURIComponent(fx.ring.ringId)}`);
      expect(r.status).toBe(200);
      expect(r.body.masked).toBe(true);
      expect(r.body.ring.members).toEqual(fx.ring.members);
      expect(r.body.members.map((m: { userId: string }) => m.userId)).toEqual(fx.ring.members);
      for (const m of r.body.members) if (m.email) expect(m.email).toMatch(/^.\*\*\*@/);
      expect(Object.keys(r.body.ring.features).length).toBeGreaterThan(0);
      expect(r.body.ring.evidence.length).toBeGreaterThan(0);
      expect(r.body.lineage).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ ringId: fx.ring.ringId, runId: fx.runId }),
        ]),
      );
      expect(r.body.run.runId).toBe(fx.runId);
      const revealed = await get(
        `/api/rings/${encodeURIComponent(fx.ring.ringId)}?reveal=true&reason=ring-review`,
      );
      expect(revealed.body.masked).toBe(false);
      const raw = revealed.body.members
        .flatMap((m: { email: string | null; phone: string | null }) => [m.email, m.phone])
        .filter(Boolean);
      expect(raw.length).toBeGreaterThan(0);
      const maskedText = JSON.stringify(r.body);
      expect(raw.filter((v: string) => maskedText.includes(v))).toEqual([]);
      const audit = await get(
        `/api/audit?action=ring.view&target=${encodeURIComponent(`ring:${fx.ring.ringId}`)}`,
        admin,
      );
      expect(audit.body.items[0]).toMatchObject({ actor: 'fixture-analyst', action: 'ring.view' });
      expect((await get('/api/rings/no-such-ring')).body.error.code).toBe('RING_NOT_FOUND');
    });

    it('draws a ring as Cytoscape elements, capped with a flag', async () => {
      const r = await get(`/api/rings/${encodeURIComponent(fx.ring.ringId)}/graph`);
      expect(r.status).toBe(200);
      const nodes = r.body.elements.nodes.map((n: { data: { id: string } }) => n.data.id);
      const accounts = r.body.elements.nodes
        .filter((n: { data: { type: string } }) => n.data.type === 'account')
        .map((n: { data: { props: { userId: string } } }) => n.data.props.userId);
      expect(new Set(accounts)).toEqual(new Set(fx.ring.members));
      expect(r.body.capped).toBe(false);
      const ids = new Set(nodes);
      for (const e of r.body.elements.edges) {
        expect(ids.has(e.data.source) && ids.has(e.data.target)).toBe(true);
        expect(['uses', 'pays']).toContain(e.data.type);
      }
      for (const id of nodes) expect(id).not.toMatch(/^(email|phone|card|address):[^~]/);
      const small = await get(`/api/rings/${encodeURIComponent(fx.ring.ringId)}/graph?limit=2`);
      expect(small.body.capped).toBe(true);
      expect(small.body.elements.nodes.length).toBeLessThanOrEqual(2);
    });

    it('lists runs newest first', async () => {
      const r = await get('/api/runs');
      expect(r.body.items[0]).toMatchObject({ runId: fx.runId, status: 'completed', seed: 11 });
    });
  });

  describe('accounts, search and PII', () => {
    const jane = () => `/api/accounts/${fx.planted.userId}`;

    it('masks PII by default, refuses a reveal without a reason, and audits a reveal with one', async () => {
      const masked = await get(jane());
      expect(masked.status).toBe(200);
      expect(masked.body.masked).toBe(true);
      expect(masked.body.account).toMatchObject({
        email: 'j***@gmail.com',
        phone: '***-***-0134',
        address: '***, Dover',
        name: 'Jane Roe',
      });
      const text = JSON.stringify(masked.body);
      for (const secret of [
        'jane.roe',
        'janeroe',
        '5550134',
        '555 0134',
        'Elm Street',
        'planted-4242',
      ])
        expect(text).not.toContain(secret);

      const noReason = await get(`${jane()}?reveal=true`);
      expect([noReason.status, noReason.body.error.code]).toEqual([400, 'REVEAL_REASON_REQUIRED']);
      const revealed = await get(
        `${jane()}?reveal=true&reason=${encodeURIComponent('case 17: confirm identity')}`,
      );
      expect(revealed.body.masked).toBe(false);
      expect(revealed.body.account).toMatchObject({
        email: fx.planted.email,
        phone: fx.planted.phone,
        address: fx.planted.address,
      });
      const audit = await get('/api/audit?action=pii.reveal', admin);
      expect(audit.body.items[0]).toMatchObject({
        actor: 'fixture-analyst',
        target: `account:${fx.planted.userId}`,
        detail: { reason: 'case 17: confirm identity' },
      });
      expect((await get('/api/accounts/no-such-account')).body.error.code).toBe(
        'ACCOUNT_NOT_FOUND',
      );
    });

    it('returns the neighbourhood as Cytoscape elements with the account marked and PII ids masked', async () => {
      const r = await get(`${jane()}/neighborhood?depth=1`);
      expect(r.status).toBe(200);
      const nodes: Array<{
        data: { id: string; type: string; label: string; props: Record<string, unknown> };
      }> = r.body.elements.nodes;
      const byId = new Map(nodes.map((n) => [n.data.id, n.data]));
      expect(byId.get(`account:${fx.planted.userId}`)?.props.center).toBe(true);
      expect(byId.get(`account:${fx.planted.hostileId}`)?.props.name).toBe(HOSTILE_VALUES.sql);
      expect(byId.get(`device:${fx.planted.device}`)?.type).toBe('device');
      const card = nodes.find((n) => n.data.type === 'card');
      expect(card?.data.id).toMatch(/^card:~/);
      expect(card?.data.label).toBe('****4242');
      expect(JSON.stringify(r.body)).not.toContain('card-planted-4242');
      expect(r.body).toMatchObject({ userId: fx.planted.userId, depth: 1, masked: true });
      const deeper = await get(`${jane()}/neighborhood?depth=3&limit=50`);
      expect(deeper.body.elements.nodes.length).toBeLessThanOrEqual(50);
      expect((await get('/api/accounts/no-such-account/neighborhood')).status).toBe(404);
    });

    it('finds an account by its email in capitals with a +tag, by a phone written another way, by device and by id', async () => {
      const byEmail = await get(`/api/search?q=${encodeURIComponent('JANE.ROE+Promo@GMAIL.COM')}`);
      expect(byEmail.body).toEqual({
        kinds: ['email'],
        hits: [{ kind: 'email', value: 'j***@gmail.com', userIds: [fx.planted.userId] }],
        masked: true,
      });
      const byPhone = await get(`/api/search?q=${encodeURIComponent('(415) 555-0134')}`);
      expect(byPhone.body.hits).toEqual([
        { kind: 'phone', value: '***-***-0134', userIds: [fx.planted.userId] },
      ]);
      const byDevice = await get(
        `/api/search?q=${encodeURIComponent(fx.planted.device.toUpperCase())}`,
      );
      expect(byDevice.body.hits).toEqual([
        {
          kind: 'device',
          value: fx.planted.device,
          userIds: expect.arrayContaining([fx.planted.userId, fx.planted.hostileId]),
        },
      ]);
      const byId = await get(`/api/search?q=${fx.planted.userId}`);
      expect(byId.body.hits).toEqual([
        { kind: 'account', value: fx.planted.userId, userIds: [fx.planted.userId] },
      ]);
      const revealed = await get(
        `/api/search?q=${encodeURIComponent('janeroe@gmail.com')}&reveal=true&reason=lookup`,
      );
      expect(revealed.body.hits[0].value).toBe('janeroe@gmail.com');
      expect((await get('/api/search?q=')).status).toBe(400);
      const audit = await get('/api/audit?action=search&limit=10', admin);
      expect(JSON.stringify(audit.body)).not.toMatch(/jane|415|555/i);
    });

    it('stores and returns query-looking and script-looking values as plain data', async () => {
      const hostile = `/api/accounts/${encodeURIComponent(HOSTILE_VALUES.cypher)}`;
      const r = await get(`${hostile}?reveal=true&reason=injection-check`);
      expect(r.status).toBe(200);
      expect(r.headers.get('content-type')).toMatch(/^application\/json/);
      expect(r.body.account).toMatchObject({
        userId: HOSTILE_VALUES.cypher,
        name: HOSTILE_VALUES.sql,
        address: HOSTILE_VALUES.html,
      });
      const found = async (q: string) => {
        const s = await get(`/api/search?q=${encodeURIComponent(q)}`);
        expect(s.status).toBe(200);
        return s.body.hits.map((h: { kind: string; userIds: string[] }) => [h.kind, h.userIds]);
      };
      expect(await found(HOSTILE_VALUES.cypher)).toEqual([['account', [HOSTILE_VALUES.cypher]]]);
      expect(await found(HOSTILE_VALUES.html)).toEqual([['address', [HOSTILE_VALUES.cypher]]]);
      expect(await found(HOSTILE_VALUES.sql)).toEqual([]);
      expect(
        (await get(`/api/cases?assignee=${encodeURIComponent(HOSTILE_VALUES.sql)}`)).body.items,
      ).toEqual([]);
      const created = await call(base, 'POST', '/api/cases', {
        token: analyst,
        body: { accounts: [HOSTILE_VALUES.cypher], title: HOSTILE_VALUES.html },
      });
      expect(created.status).toBe(201);
      const note = await call(base, 'POST', `/api/cases/${created.body.case.caseId}/notes`, {
        token: analyst,
        body: { text: HOSTILE_VALUES.sql },
      });
      const back = await get(`/api/cases/${created.body.case.caseId}`);
      expect(back.body.case.title).toBe(HOSTILE_VALUES.html);
      expect(back.body.case.accounts).toEqual([HOSTILE_VALUES.cypher]);
      expect(back.body.notes.map((n: { text: string }) => n.text)).toEqual([note.body.note.text]);
      expect(note.body.note.text).toBe(HOSTILE_VALUES.sql);
      expect((await get('/api/accounts/no-such-account')).status).toBe(404);
    });
  });

  describe('cases', () => {
    it('opens a case on a ring, assigns it, decides it (evidence pack frozen), and keeps the decision final', async () => {
      const created = await call(base, 'POST', '/api/cases', {
        token: analyst,
        body: { ringId: fx.ring.ringId },
      });
      expect(created.status).toBe(201);
      const c = created.body.case;
      expect(c).toMatchObject({
        ringId: fx.ring.ringId,
        runId: fx.runId,
        accounts: fx.ring.members,
        status: 'open',
        createdBy: 'fixture-analyst',
      });
      const id = encodeURIComponent(c.caseId);
      expect(
        (await get('/api/cases?status=open')).body.items.map((x: { caseId: string }) => x.caseId),
      ).toContain(c.caseId);

      const assigned = await call(base, 'PATCH', `/api/cases/${id}`, {
        token: analyst,
        body: { assignee: 'fixture-admin', status: 'in_progress' },
      });
      expect(assigned.body.case).toMatchObject({
        assignee: 'fixture-admin',
        status: 'in_progress',
        decidedAt: null,
      });
      expect(
        (await get('/api/cases?assignee=fixture-admin')).body.items.map(
          (x: { caseId: string }) => x.caseId,
        ),
      ).toEqual([c.caseId]);
      const unknown = await call(base, 'PATCH', `/api/cases/${id}`, {
        token: analyst,
        body: { assignee: 'nobody' },
      });
      expect([unknown.status, unknown.body.error.code]).toEqual([400, 'UNKNOWN_ASSIGNEE']);
      expect(
        (
          await call(base, 'PATCH', `/api/cases/${id}`, {
            token: analyst,
            body: { status: 'closed' },
          })
        ).status,
      ).toBe(400);

      const note = await call(base, 'POST', `/api/cases/${id}/notes`, {
        token: analyst,
        body: { text: 'shared device across 9 accounts' },
      });
      expect(note.status).toBe(201);
      const decided = await call(base, 'PATCH', `/api/cases/${id}`, {
        token: admin,
        body: { status: 'confirmed_fraud', decisionNote: 'ring confirmed' },
      });
      expect(decided.status).toBe(200);
      expect(decided.body.case).toMatchObject({
        status: 'confirmed_fraud',
        decidedBy: 'fixture-admin',
        decisionNote: 'ring confirmed',
        decidedAt: expect.any(Number),
      });
      const detail = await get(`/api/cases/${id}`);
      expect(detail.body.evidencePack).toEqual({
        hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        createdAt: decided.body.case.decidedAt,
      });
      expect(
        detail.body.notes.map((n: { text: string; author: string }) => [n.author, n.text]),
      ).toEqual([['fixture-analyst', 'shared device across 9 accounts']]);
      expect(detail.body.accounts.map((a: { userId: string }) => a.userId)).toEqual(
        fx.ring.members,
      );
      const reopen = await call(base, 'PATCH', `/api/cases/${id}`, {
        token: analyst,
        body: { status: 'open' },
      });
      expect([reopen.status, reopen.body.error.code]).toEqual([409, 'CASE_ALREADY_DECIDED']);

      const audit = await get(`/api/audit?target=${encodeURIComponent(`case:${c.caseId}`)}`, admin);
      expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(
        expect.arrayContaining(['case.create', 'case.update', 'case.note', 'case.evidence_pack']),
      );
    });

    it('exports a case as csv, json and html files, masked unless revealed, and audits the export', async () => {
      const created = await call(base, 'POST', '/api/cases', {
        token: analyst,
        body: { accounts: [fx.planted.userId, fx.planted.hostileId], title: 'planted pair' },
      });
      const id = created.body.case.caseId;
      const json = await get(`/api/cases/${id}/export?format=json`);
      expect(json.status).toBe(200);
      expect(json.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?case-[0-9a-f-]+\.json"?$/,
      );
      expect(JSON.stringify(json.body)).not.toContain('jane.roe@gmail.com');
      const csv = await get(`/api/cases/${id}/export?format=csv`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.body).toContain(fx.planted.userId);
      const html = await get(
        `/api/cases/${id}/export?format=html&reveal=true&reason=${encodeURIComponent('court request 4')}`,
      );
      expect(html.headers.get('content-type')).toMatch(/^text\/html/);
      expect(html.body).toContain('jane.roe@gmail.com');
      expect(html.body).not.toContain(HOSTILE_VALUES.html);
      expect((await get(`/api/cases/${id}/export?format=pdf`)).status).toBe(400);
      expect((await get('/api/cases/no-such-case/export?format=csv')).status).toBe(404);
      const audit = await get(
        `/api/audit?action=case.export&target=${encodeURIComponent(`case:${id}`)}`,
        admin,
      );
      expect(audit.body.items).toHaveLength(3);
    });

    it('refuses a case on unknown accounts or an unknown ring', async () => {
      const noAccounts = await call(base, 'POST', '/api/cases', {
        token: analyst,
        body: { accounts: ['no-such-account'] },
      });
      expect([noAccounts.status, noAccounts.body.error.code]).toEqual([400, 'UNKNOWN_ACCOUNTS']);
      const noRing = await call(base, 'POST', '/api/cases', {
        token: analyst,
        body: { ringId: 'no-such-ring' },
      });
      expect([noRing.status, noRing.body.error.code]).toEqual([404, 'RING_NOT_FOUND']);
      expect(
        (
          await call(base, 'PATCH', '/api/cases/no-such-case', {
            token: analyst,
            body: { status: 'open' },
          })
        ).status,
      ).toBe(404);
    });
  });

  describe('jobs (admin)', () => {
    it('enqueues a detection run, lists it and reports its completion; the new run becomes the latest', async () => {
      const enq = await call(base, 'POST', '/api/jobs/detect', {
        token: admin,
        body: { seed: 11 },
      });
      expect(enq.status).toBe(202);
      const jobId = enq.body.job.id as string;
      expect(enq.body.job).toMatchObject({ name: 'detect' });
      expect((await get('/api/jobs', admin)).body.items.map((j: { id: string }) => j.id)).toContain(
        jobId,
      );
      let state = '';
      for (let i = 0; i < 240 && state !== 'completed' && state !== 'failed'; i++) {
        state = (await get(`/api/jobs/${encodeURIComponent(jobId)}`, admin)).body.job.state;
        if (state !== 'completed') await new Promise((r) => setTimeout(r, 250));
      }
      expect(state).toBe('completed');
      const runs = await get('/api/runs');
      expect(runs.body.items).toHaveLength(2);
      expect(runs.body.items[1].runId).toBe(fx.runId);
      expect((await get('/api/jobs/no-such-job', admin)).status).toBe(404);
      expect(
        (await call(base, 'POST', '/api/jobs/detect', { token: admin, body: { seed: 'x' } }))
          .status,
      ).toBe(400);
    });
  });

  it('wrote no email, phone or card id of the data to the logs during the whole run', () => {
    const text = api.logText();
    expect(api.logs.filter((l) => l.msg === 'request').length).toBeGreaterThan(30);
    expect(text).toContain('/api/search');
    const leaked = [...fx.pii.emails, ...fx.pii.phones, ...fx.pii.cardIds].filter(
      (v) => v.length >= 6 && text.includes(v),
    );
    expect(leaked).toEqual([]);
    expect(text).not.toMatch(/JANE\.ROE|415\) 555|Promo@/i);
  });
});
