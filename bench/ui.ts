/**
 * UI benchmark: time until a ring graph of ~500 and ~5,000 elements is drawn in headless
 * Chromium, and until a click on one of its accounts is answered (the details panel shows it).
 * Targets (issue 7): 500 elements within 1 s, 5,000 within 3 s, drawn and clickable.
 *
 *   npx tsx bench/ui.ts [--runs 3] [--sizes 500,5000] [--layouts fcose,grid]
 *
 * The bundle is the real one (`web/dist`, built if missing); the API replies come from a tiny
 * fixture server with synthetic graphs, so the figures are the browser's alone. Besides wall
 * time it prints the page's main-thread CPU time (Chrome's `ThreadTime`), which stays
 * meaningful when other processes load the machine and stretch the wall time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { startUiFixtureServer } from './ui-fixture-server';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'web', 'dist');

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

interface Sample {
  elements: number;
  drawnMs: number;
  clickMs: number;
  /** CPU time of the page's main thread from navigation to the answered click. */
  cpuMs: number;
}

async function measure(
  browser: Browser,
  base: string,
  size: number,
  layout: string,
): Promise<Sample> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  try {
    await page.goto(`${base}/#/queue`);
    await page.waitForSelector('[data-testid=queue-view]');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const threadTime = async (): Promise<number> => {
      const { metrics } = await cdp.send('Performance.getMetrics');
      return (metrics.find((m) => m.name === 'ThreadTime')?.value ?? NaN) * 1000;
    };
    const cpu0 = await threadTime();
    const hash = `#/ring/ring-${size}${layout === 'fcose' ? '' : `?layout=${layout}`}`;
    const drawnMs = await page.evaluate<number>(`(async () => {
      const t0 = performance.now();
      location.hash = ${JSON.stringify(hash)};
      await new Promise((resolve) => {
        const poll = () => (document.querySelector('[data-testid=graph][data-ready=true]') ? resolve() : requestAnimationFrame(poll));
        poll();
      });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now() - t0;
    })()`);
    const elements =
      Number(await page.getAttribute('[data-testid=graph]', 'data-node-count')) +
      Number(await page.getAttribute('[data-testid=graph]', 'data-edge-count'));
    const target = await page.evaluate<{ x: number; y: number }>(
      `(() => {
        const cy = window.__cy;
        const mid = { x: cy.width() / 2, y: cy.height() / 2 };
        let best = null;
        let bestD = Infinity;
        cy.nodes('.type-account').forEach((n) => {
          const p = n.renderedPosition();
          const d = (p.x - mid.x) ** 2 + (p.y - mid.y) ** 2;
          if (d < bestD) { bestD = d; best = { x: p.x, y: p.y }; }
        });
        return best;
      })()`,
    );
    const box = await page.locator('[data-testid=graph]').boundingBox();
    if (!box) throw new Error('graph not visible');
    const t1 = performance.now();
    await page.mouse.click(box.x + target.x, box.y + target.y);
    // The node drawn on top at that point answers (in a dense picture it may be a neighbour).
    await page.waitForSelector('[data-testid=account-details], [data-testid=identifier-details]');
    const clickMs = performance.now() - t1;
    const cpuMs = (await threadTime()) - cpu0;
    return { elements, drawnMs, clickMs, cpuMs };
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const runs = Number(arg('runs', '3'));
  const sizes = arg('sizes', '500,5000').split(',').map(Number);
  const layouts = arg('layouts', 'fcose').split(',');
  if (!existsSync(path.join(DIST, 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'web/vite.config.mts'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
  const server = await startUiFixtureServer(DIST);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    console.log(
      `Chromium headless, ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((v) => v.toFixed(1))
        .join(' ')}`,
    );
    console.log(
      'size   layout      elements   drawn ms   click ms   drawn+click ms   main-thread CPU ms   (medians; all runs of drawn+click)',
    );
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const cell = (value: number, width: number) => value.toFixed(0).padStart(width);
    for (const size of sizes) {
      for (const layout of layouts) {
        const samples: Sample[] = [];
        for (let i = 0; i < runs; i++)
          samples.push(await measure(browser, server.url, size, layout));
        const total = samples.map((s) => s.drawnMs + s.clickMs);
        console.log(
          [
            String(size).padEnd(6),
            layout.padEnd(11),
            String(samples[0].elements).padStart(8),
            cell(median(samples.map((s) => s.drawnMs)), 10),
            cell(median(samples.map((s) => s.clickMs)), 10),
            cell(median(total), 16),
            cell(median(samples.map((s) => s.cpuMs)), 20),
            `   (${total.map((v) => v.toFixed(0)).join(', ')})`,
          ].join(' '),
        );
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
