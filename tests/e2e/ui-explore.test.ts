/**
 * Exploring in real Chromium against the real server: deep links, search, a script-looking name
 * shown as text, PII revealed only with a reason (and audited), the time window, layouts, the
 * PNG export and the admin's jobs page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type {
  AuditListResponse,
  JobListResponse,
  RingDetailResponse,
  RunListResponse,
} from '../../server/api-types';
import { call } from '../helpers/api-server';
import {
  ARTIFACTS,
  SCRIPT_NAMED,
  logIn,
  openGuardedPage,
  startE2eApp,
  waitForCyCount,
  waitForGraph,
  type E2eApp,
  type PageGuard,
} from '../helpers/e2e-app';

let app: E2eApp;
let page: Page;
let guard: PageGuard;

beforeAll(async () => {
  app = await startE2eApp();
  ({ page, guard } = await openGuardedPage(app.browser));
}, 240_000);

afterAll(async () => {
  await app?.close();
});

const ringHash = () => `#/ring/${encodeURIComponent(app.fx.ring.ringId)}`;

test('a deep link followed before logging in opens after the log-in, on the linked tab', async () => {
  await logIn(page, app.url, app.fx.users.admin, `${ringHash()}?tab=members`);
  await page.waitForSelector(`[data-testid=ring-view][data-ring-id="${app.fx.ring.ringId}"]`);
  await waitForGraph(page);
  expect(await page.getAttribute('[data-tab=members]', 'aria-selected')).toBe('true');
  expect(await page.locator('[data-testid=members-table] tbody tr').count()).toBe(
    app.fx.ring.members.length,
  );
  expect(await page.locator('.nav-link', { hasText: 'Jobs' }).count()).toBe(1);
});

test('the time window hides payments and sightings outside it, and brings them back', async () => {
  const total = await page.evaluate<number>(`window.__cy.edges().length`);
  const timeless = await page.evaluate<number>(
    `window.__cy.edges().filter((e) => e.data('t0') === null).length`,
  );
  expect(timeless).toBeLessThan(total);
  await page.locator('.time-window .range-to').fill('0');
  await page.locator('.time-window .range-from').fill('0');
  const firstInstant = await page.evaluate<number>(
    `window.__cy.edges().filter((e) => e.data('t0') !== null).min((e) => e.data('t0')).value`,
  );
  const startingThen = await page.evaluate<number>(
    `window.__cy.edges().filter((e) => e.data('t0') !== null && e.data('t0') <= ${firstInstant}).length`,
  );
  expect(timeless + startingThen).toBeLessThan(total);
  // Cytoscape recomputes visibility on its next frame, so wait for the expected count.
  await waitForCyCount(page, 'edge:visible', timeless + startingThen);
  await page.locator('.time-window .range-to').fill('200');
  await waitForCyCount(page, 'edge:visible', total);
  expect(await page.locator('.time-window').getAttribute('data-to')).toBe(
    String(
      await page.evaluate<number>(
        `window.__cy.edges().max((e) => e.data('t1') ?? -Infinity).value`,
      ),
    ),
  );
});

test('the layout choice redraws the graph and is kept in the link', async () => {
  await page.selectOption('[data-testid=layout-select]', 'concentric');
  await waitForGraph(page);
  expect(page.url()).toContain('layout=concentric');
});

test('the current graph exports as a PNG file', async () => {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click('[data-testid=export-png]'),
  ]);
  expect(download.suggestedFilename()).toBe(`ring-${app.fx.ring.ringId}.png`);
  const bytes = fs.readFileSync(await download.path());
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  expect(bytes.length).toBeGreaterThan(5000);
});

test('a script-looking account name is shown as text and runs nothing', async () => {
  await page.goto(`${app.url}/#/account/${SCRIPT_NAMED.userId}`);
  await waitForGraph(page);
  const details = page.locator(
    `[data-testid=account-details][data-user-id="${SCRIPT_NAMED.userId}"]`,
  );
  await details.waitFor();
  expect(await details.locator('h3').textContent()).toContain(SCRIPT_NAMED.name);
  expect(await page.locator('main img').count()).toBe(0);
  expect(guard.dialogs).toEqual([]);
});

test('search jumps to an account, and lists the accounts behind a shared device', async () => {
  await page.fill('[data-testid=search-input]', app.fx.planted.userId);
  await page.press('[data-testid=search-input]', 'Enter');
  await page.waitForSelector(`[data-testid=account-view][data-user-id="${app.fx.planted.userId}"]`);

  await page.fill('[data-testid=search-input]', app.fx.planted.device);
  await page.press('[data-testid=search-input]', 'Enter');
  const results = page.locator('[data-testid=search-results]');
  await results.locator('.hit-accounts button').first().waitFor();
  const listed = await results.locator('.hit-accounts button').allTextContents();
  expect(listed.sort()).toEqual(
    [app.fx.planted.hostileId, SCRIPT_NAMED.userId, app.fx.planted.userId].sort(),
  );
  await results.locator('.hit-accounts button', { hasText: SCRIPT_NAMED.userId }).click();
  await page.waitForSelector(`[data-testid=account-view][data-user-id="${SCRIPT_NAMED.userId}"]`);
});

test('personal data is masked until revealed with a reason, and the reveal is audited', async () => {
  await page.goto(`${app.url}/#/account/${app.fx.planted.userId}`);
  const details = page.locator(
    `[data-testid=account-details][data-user-id="${app.fx.planted.userId}"]`,
  );
  await details.waitFor();
  const masked = await details.locator('dl').textContent();
  expect(masked).not.toContain(app.fx.planted.email);
  await details.locator('[data-testid=reveal-open]').click();
  await details.locator('input[name=reason]').fill('E2E check of a disputed payment');
  await details.locator('.reveal-form button[type=submit]').click();
  await page.locator('.revealed-note').waitFor();
  expect(await page.locator('[data-testid=account-details] dl').textContent()).toContain(
    app.fx.planted.email,
  );
  await page.screenshot({ path: path.join(ARTIFACTS, 'account.png') });
  const audit = await call<AuditListResponse>(app.url, 'GET', '/api/audit?action=pii.reveal', {
    token: app.fx.users.admin.token,
  });
  expect(
    audit.body.items.some(
      (e) =>
        e.actor === app.fx.users.admin.name &&
        JSON.stringify(e.detail).includes('E2E check of a disputed payment'),
    ),
  ).toBe(true);
});

test('an admin runs detection from the jobs page and sees it finish as a new run', async () => {
  await page.click('.nav-link:has-text("Jobs")');
  await page.waitForSelector('[data-testid=jobs-view]');
  const runsBefore = (
    await call<RunListResponse>(app.url, 'GET', '/api/runs', { token: app.fx.users.admin.token })
  ).body.items.length;
  await page.click('[data-testid=run-detection]');
  await page
    .locator('[data-testid=job-table] tr[data-state=completed]')
    .first()
    .waitFor({ timeout: 90_000 });
  const jobs = await call<JobListResponse>(app.url, 'GET', '/api/jobs', {
    token: app.fx.users.admin.token,
  });
  expect(
    jobs.body.items.filter((j) => j.name === 'detect' && j.state === 'completed'),
  ).toHaveLength(1);
  await page.locator(`[data-testid=run-table] tbody tr`).nth(runsBefore).waitFor();
  expect(await page.locator('[data-testid=run-table] tbody tr').count()).toBe(runsBefore + 1);
  await page.screenshot({ path: path.join(ARTIFACTS, 'jobs.png') });
});

test("after the second run the ring's lineage lists both runs", async () => {
  const ring = await call<RingDetailResponse>(
    app.url,
    'GET',
    `/api/rings/${encodeURIComponent(app.fx.ring.ringId)}`,
    {
      token: app.fx.users.admin.token,
    },
  );
  expect(ring.body.lineage.length).toBeGreaterThanOrEqual(2);
  await page.goto(`${app.url}/${ringHash()}?tab=lineage`);
  const rows = page.locator('[data-testid=lineage-table] tbody tr');
  await rows.first().waitFor();
  expect(await rows.count()).toBe(ring.body.lineage.length);
  expect(await rows.locator('.badge').allTextContents()).toEqual(
    ring.body.lineage.map((e) => e.kind.charAt(0).toUpperCase() + e.kind.slice(1)),
  );
});

test('no content security policy violations or page errors', () => {
  expect(guard.cspViolations).toEqual([]);
  expect(guard.errors).toEqual([]);
  expect(guard.dialogs).toEqual([]);
});
