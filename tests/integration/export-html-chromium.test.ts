import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { buildCaseDocument } from '../../core/export/case-document';
import { exportMasker } from '../../core/export/export-masker';
import { renderCaseHtml } from '../../core/export/html';
import type { AuditEntry } from '../../core/types';
import { HOSTILE, hostileSnapshot } from '../helpers/export-snapshot-fixture';

/** The one DOM call the test makes inside the page (the project's TypeScript has no DOM library). */
interface BrowserWindow {
  getComputedStyle(element: unknown): { maxWidth: string };
}

const audit: AuditEntry[] = [
  {
    id: 1,
    at: Date.UTC(2026, 3, 1, 8),
    actor: 'bob',
    action: 'case.create',
    target: 'case:case-<b>1</b>',
    detail: { title: HOSTILE.script },
  },
  {
    id: 2,
    at: Date.UTC(2026, 3, 2, 9, 30),
    actor: 'alice',
    action: 'case.update',
    target: 'case:case-<b>1</b>',
    detail: { status: 'confirmed_fraud' },
  },
];

describe('HTML case report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-html-'));
  });

  afterAll(async () => {
    await browser?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows hostile values as text, runs nothing, loads nothing, and prints', async () => {
    const doc = buildCaseDocument(
      hostileSnapshot(),
      { hash: 'b'.repeat(64), createdAt: Date.UTC(2026, 3, 2, 9, 30) },
      exportMasker(false),
    );
    const file = path.join(dir, 'case.html');
    fs.writeFileSync(file, renderCaseHtml(doc, audit));

    const page = await browser.newPage();
    const dialogs: string[] = [];
    const requests: string[] = [];
    const cspViolations: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text());
    });
    await page.goto(`file://${file}`);
    await page.waitForTimeout(200);

    expect(dialogs).toEqual([]);
    expect(requests).toEqual([`file://${file}`]);
    expect(cspViolations).toEqual([]);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(0);
    expect(await page.locator('b').count()).toBe(0);

    const members = page.locator('table').filter({ hasText: 'other identifiers' });
    const firstRow = members.locator('tbody tr').first();
    expect(await firstRow.locator('td').nth(1).textContent()).toBe(HOSTILE.html);
    expect(await members.locator('tbody tr').nth(1).locator('td').nth(1).textContent()).toBe(
      HOSTILE.script,
    );
    expect(await page.locator('h1').textContent()).toBe(
      `Case case-<b>1</b>: Ring ${HOSTILE.script}`,
    );
    expect(await page.title()).toBe(`Case case-<b>1</b>: Ring ${HOSTILE.script}`);
    expect(await page.locator('td pre').first().textContent()).toBe(
      `${HOSTILE.script}\nsecond line`,
    );
    expect(
      await page
        .getByText(
          '7 accounts share device dev-42 <img src=x onerror=alert(1)>; phone ***-***-1234 is a hub',
        )
        .count(),
    ).toBe(1);

    // The stylesheet applied (its CSP hash matched) and the graph drew every node.
    expect(
      await page
        .locator('body')
        .evaluate((b) => (globalThis as unknown as BrowserWindow).getComputedStyle(b).maxWidth),
    ).toBe('1000px');
    expect(await page.locator('.graph svg circle').count()).toBe(doc.graph.nodes.length);
    expect(await page.locator('.graph svg line').count()).toBe(doc.graph.edges.length);
    const box = await page.locator('.graph svg').boundingBox();
    expect(box?.width).toBeGreaterThan(300);
    expect(await page.locator('.graph svg text').first().textContent()).toBe('=HYPERLINK("http:…');
    expect(await page.locator('.graph svg circle title').first().textContent()).toBe(
      `account: ${doc.graph.nodes[0].label}`,
    );

    const sections = await page.locator('h2').allTextContents();
    expect(sections).toEqual([
      'Summary',
      'Score and evidence',
      'Graph',
      'Members',
      'Payments among members',
      'Notes',
      'Decision',
      'Audit',
    ]);
    expect(await page.locator('table').last().locator('tbody tr').count()).toBe(2);
    expect(await page.locator('.frozen code').textContent()).toBe('b'.repeat(64));

    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });
});
