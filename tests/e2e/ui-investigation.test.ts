/**
 * The investigator's path through the UI in real Chromium against the real server on a generated
 * store: log in, the ring queue, the top ring's graph, expanding an account, a case decided and
 * exported, log out. Screenshots of the queue and a ring go to artifacts/.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { CASE_CSV_COLUMNS } from '../../core/export/csv';
import type {
  CaseDetailResponse,
  NeighbourhoodResponse,
  RingGraphResponse,
  RingListResponse,
} from '../../server/api-types';
import { call } from '../helpers/api-server';
import {
  ARTIFACTS,
  logIn,
  openGuardedPage,
  startE2eApp,
  waitForCyCount,
  waitForGraph,
  type E2eApp,
  type PageGuard,
} from '../helpers/e2e-app';
import { countColouredPixels, decodePng } from '../helpers/e2e-png';

let app: E2eApp;
let page: Page;
let guard: PageGuard;
let token: string;

beforeAll(async () => {
  app = await startE2eApp();
  token = app.fx.users.analyst.token;
  ({ page, guard } = await openGuardedPage(app.browser));
}, 240_000);

afterAll(async () => {
  await app?.close();
});

const accountIdsOnScreen = (p: Page): Promise<string[]> =>
  p.evaluate<string[]>(`window.__cy.nodes('.type-account').map((n) => n.data('userId')).sort()`);

test('logging in shows the investigator and the ring queue', async () => {
  await page.goto(`${app.url}/#/queue`);
  await page.waitForSelector('[data-testid=login-view]');
  expect(await page.locator('[data-testid=queue-view]').count()).toBe(0);
  await page.screenshot({ path: path.join(ARTIFACTS, 'login.png') });
  await logIn(page, app.url, app.fx.users.analyst);
  expect(await page.textContent('[data-testid=user-name]')).toBe(app.fx.users.analyst.name);
  await page.waitForSelector('[data-testid=queue-view]');
});

test('the queue lists the flagged rings of the latest run, best score first', async () => {
  const expected = await call<RingListResponse>(app.url, 'GET', '/api/rings?limit=50', { token });
  expect(expected.status).toBe(200);
  expect(expected.body.items.length).toBeGreaterThan(0);
  const rows = page.locator('[data-testid=ring-table] tbody tr');
  await rows.first().waitFor();
  const ids = await rows.evaluateAll((trs) =>
    trs.map((tr) => (tr as unknown as { dataset: Record<string, string> }).dataset.ringId),
  );
  expect(ids).toEqual(expected.body.items.map((r) => r.ringId));
  expect(ids[0]).toBe(app.fx.ring.ringId);
  const firstScore = await rows.first().locator('.score').textContent();
  expect(Number(firstScore)).toBe(Math.round(expected.body.items[0].score));
  await page.screenshot({ path: path.join(ARTIFACTS, 'queue.png'), fullPage: true });
});

test('opening the top ring draws its members and their links', async () => {
  await page.locator('[data-testid=ring-table] tbody tr').first().click();
  await page.waitForSelector(`[data-testid=ring-view][data-ring-id="${app.fx.ring.ringId}"]`);
  const drawn = await waitForGraph(page);
  const graph = await call<RingGraphResponse>(
    app.url,
    'GET',
    `/api/rings/${encodeURIComponent(app.fx.ring.ringId)}/graph`,
    { token },
  );
  expect(drawn).toEqual({
    nodes: graph.body.elements.nodes.length,
    edges: graph.body.elements.edges.length,
  });
  expect(await accountIdsOnScreen(page)).toEqual([...app.fx.ring.members].sort());

  const shot = decodePng(await page.locator('[data-testid=graph]').screenshot());
  expect(countColouredPixels(shot)).toBeGreaterThan(400);

  await page.click('[data-tab=members]');
  expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(
    app.fx.ring.members.length,
  );
  await page.click('[data-tab=evidence]');
  expect(await page.locator('[data-testid=evidence-list] li').count()).toBeGreaterThan(0);
  expect(page.url()).toContain('tab=evidence');
  await page.click('[data-tab=details]');
  await page.screenshot({ path: path.join(ARTIFACTS, 'ring.png') });
});

test('clicking an account on the canvas shows its details, masked', async () => {
  const target = await page.evaluate<{ userId: string; x: number; y: number }>(
    `(() => { const n = window.__cy.nodes('.type-account')[0]; const p = n.renderedPosition(); return { userId: n.data('userId'), x: p.x, y: p.y }; })()`,
  );
  const box = await page.locator('[data-testid=graph]').boundingBox();
  if (!box) throw new Error('graph not visible');
  await page.mouse.click(box.x + target.x, box.y + target.y);
  const details = page.locator(`[data-testid=account-details][data-user-id="${target.userId}"]`);
  await details.waitFor();
  expect(await details.locator('[data-testid=reveal-open]').count()).toBe(1);
  expect(page.url()).toContain(`node=${encodeURIComponent(`account:${target.userId}`)}`);
});

test('expanding an account adds its neighbourhood as one step, and undo takes it back', async () => {
  const before = await waitForGraph(page);
  const onScreen = new Set(
    await page.evaluate<string[]>(`window.__cy.elements().map((e) => e.id())`),
  );
  let chosen: { userId: string; added: number } | null = null;
  for (const userId of app.fx.ring.members) {
    const n = await call<NeighbourhoodResponse>(
      app.url,
      'GET',
      `/api/accounts/${encodeURIComponent(userId)}/neighborhood?depth=1&limit=200`,
      { token },
    );
    const ids = [...n.body.elements.nodes, ...n.body.elements.edges].map((e) => e.data.id);
    const added = ids.filter((id) => !onScreen.has(id)).length;
    if (added > 0) {
      chosen = { userId, added };
      break;
    }
  }
  if (!chosen) throw new Error('no ring member has anything outside the ring graph');
  await page.click('[data-tab=members]');
  await page.click(`[data-testid=members-table] tr[data-user-id="${chosen.userId}"] button`);
  await page.locator(`[data-testid=account-details][data-user-id="${chosen.userId}"]`).waitFor();
  await page.click('[data-testid=expand]');
  await waitForCyCount(page, '*', before.nodes + before.edges + chosen.added);
  const after = await waitForGraph(page);
  expect(after.nodes + after.edges).toBe(before.nodes + before.edges + chosen.added);

  await page.click('[data-testid=undo]');
  await waitForCyCount(page, '*', before.nodes + before.edges);
  expect(await accountIdsOnScreen(page)).toEqual([...app.fx.ring.members].sort());
  expect(await page.isDisabled('[data-testid=undo]')).toBe(true);
});

test('a case opened from the ring is decided, noted and exported as CSV', async () => {
  await page.click('[data-testid=open-case]');
  const view = page.locator('[data-testid=case-view]');
  await view.locator('[data-testid=case-status]').waitFor();
  const caseId = await view.getAttribute('data-case-id');
  if (!caseId) throw new Error('no case id');

  await page.selectOption('[data-testid=case-status]', 'confirmed_fraud');
  await page.fill('[data-testid=case-assignee]', app.fx.users.analyst.name);
  await page.fill(
    '[data-testid=decision-note]',
    'Shared devices and circular payments; confirmed with the issuer.',
  );
  await page.click('[data-testid=save-case]');
  await page.locator('.title-row .badge[data-status=confirmed_fraud]').waitFor();

  await page.fill('[data-testid=note-text]', 'Called the card issuer.');
  await page.click('.note-form button[type=submit]');
  await page.locator('[data-testid=notes] li', { hasText: 'Called the card issuer.' }).waitFor();

  const stored = await call<CaseDetailResponse>(
    app.url,
    'GET',
    `/api/cases/${encodeURIComponent(caseId)}`,
    { token },
  );
  expect(stored.body.case).toMatchObject({
    ringId: app.fx.ring.ringId,
    status: 'confirmed_fraud',
    assignee: app.fx.users.analyst.name,
    decisionNote: 'Shared devices and circular payments; confirmed with the issuer.',
    decidedBy: app.fx.users.analyst.name,
  });
  expect(stored.body.notes.map((n) => n.text)).toEqual(['Called the card issuer.']);
  await page.screenshot({ path: path.join(ARTIFACTS, 'case.png'), fullPage: true });

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=export-csv]'),
  ]);
  const file = await download.path();
  const lines = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  expect(lines[0]).toBe(CASE_CSV_COLUMNS.join(','));
  expect(lines).toHaveLength(1 + app.fx.ring.members.length);
});

test('the page stayed within its content security policy and raised no errors', () => {
  expect(guard.cspViolations).toEqual([]);
  expect(guard.errors).toEqual([]);
  expect(guard.dialogs).toEqual([]);
});

test('logging out returns to the log-in screen, and a reload stays logged out', async () => {
  await page.click('[data-testid=logout]');
  await page.waitForSelector('[data-testid=login-view]');
  await page.reload();
  await page.waitForSelector('[data-testid=login-view]');
  expect(await page.locator('[data-testid=user-name]').count()).toBe(0);
});
