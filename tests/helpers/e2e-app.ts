/**
 * End-to-end harness: the real API serving the built UI over a generated, ingested and detected
 * SQLite store (H6's fixture store), and Debian's Chromium driven by playwright-core.
 *
 * The bundle is built with Vite when `web/dist` is missing or older than a source file, so a
 * test run never exercises stale UI code.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import { startTestApi, type TestApi } from './api-server';
import { buildFixtureStore, type FixtureStore, type FixtureUser } from './fixture-store';

const ROOT = path.resolve(__dirname, '..', '..');
export const WEB_DIST = path.join(ROOT, 'web', 'dist');
export const ARTIFACTS = path.join(ROOT, 'artifacts');

/** An account whose display name is markup; the UI must show it as text. */
export const SCRIPT_NAMED = {
  userId: 'e2e-script-name',
  name: '<img src=x onerror=alert(1)>',
} as const;

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** Builds `web/dist` when it is missing or older than `web/src`, `web/index.html` or the API types. */
export function ensureWebBuilt(): void {
  const index = path.join(WEB_DIST, 'index.html');
  const sources = Math.max(
    newestMtime(path.join(ROOT, 'web', 'src')),
    fs.statSync(path.join(ROOT, 'web', 'index.html')).mtimeMs,
    fs.statSync(path.join(ROOT, 'server', 'api-types.ts')).mtimeMs,
  );
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'),
      'build',
      '--config',
      'web/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

/** Adds the script-named account, seen on the planted device, to the fixture store. */
async function plantScriptNamedAccount(fx: FixtureStore): Promise<void> {
  const dir = path.join(fx.dir, 'e2e');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(
    path.join(dir, 'users-e2e.csv'),
    `user_id,created_at,name,email,phone,address,country,label\n${SCRIPT_NAMED.userId},2026-01-05T11:00:00Z,${SCRIPT_NAMED.name},script.name@example.org,,,US,\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'devices-e2e.csv'),
    `user_id,device_id,ip,seen_at\n${SCRIPT_NAMED.userId},${fx.planted.device},198.51.100.24,2026-01-06T10:00:00Z\n`,
  );
  const store = openSqliteStore(fx.dbPath);
  try {
    await store.migrate();
    await ingestPaths(store, [path.join(dir, 'users-e2e.csv'), path.join(dir, 'devices-e2e.csv')], {
      rejectsDir: dir,
    });
  } finally {
    await store.close();
  }
}

export interface E2eApp {
  fx: FixtureStore;
  api: TestApi;
  url: string;
  browser: Browser;
  close(): Promise<void>;
}

/** Fixture store + real server (with the in-process job runner) + headless Chromium. */
export async function startE2eApp(opts: { users?: number } = {}): Promise<E2eApp> {
  ensureWebBuilt();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const fx = await buildFixtureStore({ users: opts.users ?? 1500 });
  await plantScriptNamedAccount(fx);
  const api = await startTestApi(fx.dbPath, { webDir: WEB_DIST, jobs: true });
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    fx,
    api,
    url: api.server.url,
    browser,
    close: async () => {
      await browser.close();
      await api.close();
      fx.close();
    },
  };
}

/** What a page did that it should not: script dialogs, uncaught errors, CSP violations. */
export interface PageGuard {
  dialogs: string[];
  errors: string[];
  cspViolations: string[];
}

/** Opens a page (1440×900) that records dialogs, page errors and CSP violations. */
export async function openGuardedPage(browser: Browser): Promise<{ page: Page; guard: PageGuard }> {
  const context = await browser.newContext({
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const guard: PageGuard = { dialogs: [], errors: [], cspViolations: [] };
  page.on('dialog', (dialog) => {
    guard.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on('pageerror', (err) => guard.errors.push(err.message));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && /Content Security Policy/i.test(msg.text()))
      guard.cspViolations.push(msg.text());
  });
  return { page, guard };
}

/** Logs in through the form and waits for the ring queue. */
export async function logIn(
  page: Page,
  url: string,
  user: FixtureUser,
  hash = '#/queue',
): Promise<void> {
  await page.goto(`${url}/${hash}`);
  await page.fill('[data-testid=login-name]', user.name);
  await page.fill('[data-testid=login-password]', user.password);
  await page.click('[data-testid=login-submit]');
  await page.waitForSelector('[data-testid=user-name]');
}

/** Waits until the graph has finished its layout and returns how many nodes and edges it drew. */
export async function waitForGraph(page: Page): Promise<{ nodes: number; edges: number }> {
  const graph = page.locator('[data-testid=graph][data-ready=true]');
  await graph.waitFor({ timeout: 30_000 });
  return {
    nodes: Number(await graph.getAttribute('data-node-count')),
    edges: Number(await graph.getAttribute('data-edge-count')),
  };
}

/**
 * Polls until the graph holds `expected` elements matching a Cytoscape selector (`edge:visible`,
 * `*`). Polling from Node: the page's CSP forbids the eval that string predicates would need.
 */
export async function waitForCyCount(
  page: Page,
  selector: string,
  expected: number,
  timeoutMs = 15_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  while (Date.now() < deadline) {
    last = await page.evaluate<number>(`window.__cy.$(${JSON.stringify(selector)}).length`);
    if (last === expected) return;
    await page.waitForTimeout(50);
  }
  throw new Error(`expected ${expected} graph elements matching ${selector}, last saw ${last}`);
}
