import { buildFixtureStore } from '../helpers/fixture-store';
import { call, startTestApi } from '../helpers/api-server';
it('dbg', async () => {
  const fx = await buildFixtureStore({ users: 1500, seed: 11 });
  const api = await startTestApi(fx.dbPath);
  const t = { token: fx.users.analyst.token };
  await call(api.server.url, 'GET', `/api/accounts/${fx.planted.userId}/neighborhood`, t);
  await call(api.server.url, 'GET', `/api/rings/${fx.ring.ringId}/graph`, t);
  const c = await call(api.server.url, 'POST', '/api/cases', { ...t, body: { ringId: fx.ring.ringId } });
  const d = await call(api.server.url, 'PATCH', `/api/cases/${c.body.case.caseId}`, { ...t, body: { status: 'dismissed' } });
  console.log(d.status, JSON.stringify(d.body));
  console.log(api.logs.filter((l) => (l.level as number) >= 50).map((l) => JSON.stringify(l.err).slice(0, 600)).join('\n'));
  await api.close();
  fx.close();
}, 120000);
