import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../core/config';
import { EXPORT_MARKER, exportDecidedCases } from '../../core/export/export-decided-cases';
import { freezeEvidencePack } from '../../core/export/evidence-pack';
import { renderCaseExport } from '../../core/export/render-case-export';
import { verifyWebhook } from '../../core/export/webhook';
import type { GraphStore } from '../../core/store/port';
import { ACCOUNTS, saveRingRun, seededStore, T0 } from '../helpers/export-case-store';
import { startWebhookReceiver } from '../helpers/export-webhook-receiver';

const HOUR = 3_600_000;
const SECRET = 'nightly-secret';

async function openCase(store: GraphStore, caseId: string): Promise<void> {
  await store.createCase({
    caseId,
    title: caseId,
    ringId: 'ring-1',
    runId: 'run-1',
    accounts: [...ACCOUNTS.slice(0, 3)],
    status: 'open',
    assignee: null,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
    createdBy: 'bob',
    createdAt: T0 + 2 * HOUR,
    updatedAt: T0 + 2 * HOUR,
  });
}

async function decide(
  store: GraphStore,
  caseId: string,
  status: 'confirmed_fraud' | 'dismissed',
  at: number,
): Promise<void> {
  await store.updateCase(caseId, { status, decidedBy: 'alice', decidedAt: at }, at);
  await freezeEvidencePack(store, caseId, { actor: 'alice', at });
}

describe('nightly export of decided cases', () => {
  let env: Awaited<ReturnType<typeof seededStore>>;

  beforeAll(async () => {
    env = await seededStore();
    await saveRingRun(env.store, 'run-1', T0 + HOUR, [...ACCOUNTS.slice(0, 3)], 82);
    for (const id of ['c-1', 'c-2', 'c-3', 'c-4']) await openCase(env.store, id);
  });

  afterAll(async () => {
    await env?.cleanup();
  });

  it('writes JSON and CSV of newly decided cases once, signs webhooks, and retries a 500', async () => {
    const receiver = await startWebhookReceiver([500, 200]);
    const exportDir = path.join(env.dir, 'exports');
    const config = loadConfig(
      { dbPath: env.file },
      { EXPORT_DIR: exportDir, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET },
    );
    const retry = { baseDelayMs: 5, maxDelayMs: 20, attempts: 3 };
    try {
      await decide(env.store, 'c-2', 'dismissed', T0 + 5 * HOUR);
      await decide(env.store, 'c-1', 'confirmed_fraud', T0 + 5 * HOUR);
      await decide(env.store, 'c-3', 'confirmed_fraud', T0 + 6 * HOUR);

      const first = await exportDecidedCases(env.store, config, { retry });
      expect(first).toEqual({
        exported: ['c-1', 'c-2', 'c-3'],
        dir: exportDir,
        webhookRejected: [],
      });
      expect(fs.readdirSync(exportDir).sort()).toEqual([
        'case-c-1.csv',
        'case-c-1.json',
        'case-c-2.csv',
        'case-c-2.json',
        'case-c-3.csv',
        'case-c-3.json',
      ]);
      const json = fs.readFileSync(path.join(exportDir, 'case-c-1.json'), 'utf8');
      expect(json).toBe((await renderCaseExport(env.store, 'c-1', 'json', { actor: 'test' })).body);
      expect(
        JSON.parse(fs.readFileSync(path.join(exportDir, 'case-c-2.json'), 'utf8')).decision.status,
      ).toBe('dismissed');
      expect(fs.readFileSync(path.join(exportDir, 'case-c-3.csv'), 'utf8')).toBe(
        (await renderCaseExport(env.store, 'c-3', 'csv', { actor: 'test' })).body,
      );

      // c-1's first POST got a 500 and was retried: 4 requests for 3 cases, each signed.
      expect(receiver.received).toHaveLength(4);
      expect(receiver.received.map((r) => r.headers['x-fraud-rings-delivery'])).toEqual([
        `case:c-1:confirmed_fraud:${T0 + 5 * HOUR}`,
        `case:c-1:confirmed_fraud:${T0 + 5 * HOUR}`,
        `case:c-2:dismissed:${T0 + 5 * HOUR}`,
        `case:c-3:confirmed_fraud:${T0 + 6 * HOUR}`,
      ]);
      for (const r of receiver.received) {
        const ok = verifyWebhook({
          secret: SECRET,
          body: r.body,
          timestamp: r.headers['x-fraud-rings-timestamp'] as string,
          signature: r.headers['x-fraud-rings-signature'] as string,
        });
        expect(ok).toBe(true);
      }
      expect(receiver.received[3].body).toBe(
        fs.readFileSync(path.join(exportDir, 'case-c-3.json'), 'utf8'),
      );
      expect(JSON.parse((await env.store.getMarker(EXPORT_MARKER)) as string)).toEqual({
        decidedAt: T0 + 6 * HOUR,
        caseIds: ['c-3'],
      });

      const again = await exportDecidedCases(env.store, config, { retry });
      expect(again.exported).toEqual([]);
      expect(receiver.received).toHaveLength(4);

      // A case decided in the same millisecond as the last exported one is still picked up.
      await decide(env.store, 'c-4', 'confirmed_fraud', T0 + 6 * HOUR);
      expect((await exportDecidedCases(env.store, config, { retry })).exported).toEqual(['c-4']);
      expect(fs.readdirSync(exportDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      await receiver.close();
    }
  });

  it('keeps the marker when a webhook keeps failing, and does without a webhook', async () => {
    const receiver = await startWebhookReceiver([503]);
    const exportDir = path.join(env.dir, 'exports-2');
    try {
      await env.store.setMarker(
        EXPORT_MARKER,
        JSON.stringify({ decidedAt: T0 + 5 * HOUR, caseIds: ['c-1', 'c-2'] }),
      );
      const failing = loadConfig(
        { dbPath: env.file },
        { EXPORT_DIR: exportDir, WEBHOOK_URL: receiver.url, WEBHOOK_SECRET: SECRET },
      );
      const err = await exportDecidedCases(env.store, failing, {
        retry: { baseDelayMs: 1, maxDelayMs: 2, attempts: 2 },
      }).catch((e: unknown) => e);
      expect((err as { code?: string }).code).toBe('WEBHOOK_FAILED');
      expect(receiver.received).toHaveLength(2);
      expect(JSON.parse((await env.store.getMarker(EXPORT_MARKER)) as string)).toEqual({
        decidedAt: T0 + 5 * HOUR,
        caseIds: ['c-1', 'c-2'],
      });

      const plain = loadConfig({ dbPath: env.file }, { EXPORT_DIR: exportDir });
      expect((await exportDecidedCases(env.store, plain)).exported).toEqual(['c-3', 'c-4']);
      expect(receiver.received).toHaveLength(2);
    } finally {
      await receiver.close();
    }
  });
});
