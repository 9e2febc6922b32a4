import Database from 'better-sqlite3';
import { FraudRingsError } from '../../core/errors';
import { freezeEvidencePack, readEvidencePack } from '../../core/export/evidence-pack';
import { renderCaseExport } from '../../core/export/render-case-export';
import type { GraphStore } from '../../core/store/port';
import type { CaseRecord } from '../../core/types';
import { parseCsv } from '../helpers/export-csv-reader';
import { ACCOUNTS, HOSTILE_NAME, saveRingRun, seededStore, T0 } from '../helpers/export-case-store';

const HOUR = 3_600_000;

function newCase(caseId: string, accounts: string[]): CaseRecord {
  return {
    caseId,
    title: `Ring 1 (${caseId})`,
    ringId: 'ring-1',
    runId: 'run-1',
    accounts,
    status: 'open',
    assignee: 'alice',
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
    createdBy: 'bob',
    createdAt: T0 + 2 * HOUR,
    updatedAt: T0 + 2 * HOUR,
  };
}

async function decide(store: GraphStore, caseId: string, at: number): Promise<void> {
  await store.updateCase(
    caseId,
    {
      status: 'confirmed_fraud',
      decidedBy: 'alice',
      decidedAt: at,
      decisionNote: 'confirmed by card issuer',
    },
    at,
  );
  await freezeEvidencePack(store, caseId, { actor: 'alice', at });
}

const withoutAudit = (html: string) => html.replace(/<h2>Audit<\/h2>[\s\S]*$/, '');

describe('evidence packs on a real SQLite store', () => {
  let env: Awaited<ReturnType<typeof seededStore>>;
  const [a, b, c, d] = ACCOUNTS;

  beforeAll(async () => {
    env = await seededStore();
    await saveRingRun(env.store, 'run-1', T0 + HOUR, [a, b, c], 82);
    await env.store.createCase(newCase('case-1', [a, b, c]));
    await env.store.createCase(newCase('case-2', [a, b, c]));
    await env.store.addNote({
      noteId: 'n-1',
      caseId: 'case-1',
      author: 'bob',
      text: 'called the bank',
      createdAt: T0 + 3 * HOUR,
    });
  });

  afterAll(async () => {
    await env?.cleanup();
  });

  it('freezes a decided case, so a later run that changes its ring does not change its export', async () => {
    await decide(env.store, 'case-1', T0 + 4 * HOUR);
    const pack = await readEvidencePack(env.store, 'case-1');
    expect(pack?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(pack?.body.ring?.members).toEqual([a, b, c]);
    expect(pack?.body.ring?.score).toBe(82);
    expect(pack?.body.run).toEqual({
      runId: 'run-1',
      codeVersion: '0.1.0',
      finishedAt: T0 + HOUR + 1000,
    });
    expect(pack?.body.notes.map((n) => n.text)).toEqual(['called the bank']);
    expect(pack?.body.accounts.map((x) => x.userId)).toEqual([a, b, c]);
    expect(pack?.body.payments.map((p) => [p.payerId, p.payeeId, p.amount])).toEqual([
      [a, b, 50],
      [b, c, 25.5],
      [c, a, 10],
    ]);

    const before = {
      json: (await renderCaseExport(env.store, 'case-1', 'json', { actor: 'alice' })).body,
      csv: (await renderCaseExport(env.store, 'case-1', 'csv', { actor: 'alice' })).body,
      html: (await renderCaseExport(env.store, 'case-1', 'html', { actor: 'alice' })).body,
      live: (await renderCaseExport(env.store, 'case-2', 'json', { actor: 'alice' })).body,
    };

    await saveRingRun(env.store, 'run-2', T0 + 24 * HOUR, [a, b, d], 55);
    await env.store.addNote({
      noteId: 'n-2',
      caseId: 'case-1',
      author: 'bob',
      text: 'after the decision',
      createdAt: T0 + 25 * HOUR,
    });
    expect((await env.store.getRing('ring-1'))?.members).toEqual([a, b, d]);

    const after = {
      json: (await renderCaseExport(env.store, 'case-1', 'json', { actor: 'alice' })).body,
      csv: (await renderCaseExport(env.store, 'case-1', 'csv', { actor: 'alice' })).body,
      html: (await renderCaseExport(env.store, 'case-1', 'html', { actor: 'alice' })).body,
      live: (await renderCaseExport(env.store, 'case-2', 'json', { actor: 'alice' })).body,
    };
    expect(after.json).toBe(before.json);
    expect(after.csv).toBe(before.csv);
    expect(withoutAudit(after.html)).toBe(withoutAudit(before.html));
    expect(after.html).not.toBe(before.html); // the audit trail is the one live part

    const frozen = JSON.parse(after.json);
    expect(frozen.ring.members).toEqual([a, b, c]);
    expect(frozen.ring.score).toBe(82);
    expect(frozen.evidence_pack.hash).toBe(pack?.hash);
    expect(frozen.notes.map((n: { text: string }) => n.text)).toEqual(['called the bank']);

    // The undecided case follows the new run.
    expect(after.live).not.toBe(before.live);
    expect(JSON.parse(after.live).ring.members).toEqual([a, b, d]);
    expect(JSON.parse(after.live).ring.score).toBe(55);
    expect(JSON.parse(after.live).evidence_pack).toBeNull();
  });

  it('exports the stored accounts masked, with hostile cells neutralised, and audits each export', async () => {
    const csv = parseCsv(
      (await renderCaseExport(env.store, 'case-1', 'csv', { actor: 'carol' })).body,
    );
    const header = csv[0];
    const rows = csv.slice(1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    expect(rows.map((r) => r.account_id)).toEqual([`'${a}`, b, c]);
    expect(rows[0].name).toBe(HOSTILE_NAME);
    expect(rows[0].email).toBe('J***@gmail.com');
    expect(rows[0].phone).toBe('***-***-0001');
    expect(rows[0].cards).toBe('****1234');
    expect(rows[0].decision).toBe('confirmed_fraud');
    expect(rows[0].decided_by).toBe('alice');
    const audit = await env.store.listAudit({
      target: 'case:case-1',
      action: 'case.export',
      actor: 'carol',
    });
    expect(audit.items.map((e) => e.detail.format)).toEqual(['csv']);
    const packAudit = await env.store.listAudit({
      target: 'case:case-1',
      action: 'case.evidence_pack',
    });
    expect(packAudit.items).toHaveLength(1);
  });

  it('is idempotent for one decision and refuses an open case', async () => {
    const first = await readEvidencePack(env.store, 'case-1');
    const again = await freezeEvidencePack(env.store, 'case-1', {
      actor: 'alice',
      at: T0 + 30 * HOUR,
    });
    expect(again).toEqual({ hash: first?.hash, createdAt: first?.createdAt });
    const err = await freezeEvidencePack(env.store, 'case-2', { actor: 'alice', at: T0 }).catch(
      (e: unknown) => e,
    );
    expect((err as FraudRingsError).code).toBe('CASE_NOT_DECIDED');
    const missing = await renderCaseExport(env.store, 'nope', 'json', { actor: 'alice' }).catch(
      (e: unknown) => e,
    );
    expect((missing as FraudRingsError).code).toBe('CASE_NOT_FOUND');
  });

  it('refuses to export a pack altered after it was frozen', async () => {
    const raw = new Database(env.file);
    try {
      raw.exec('DROP TRIGGER evidence_packs_frozen'); // someone with write access to the file
      const row = raw
        .prepare('SELECT rowid, body FROM evidence_packs WHERE case_id = ?')
        .get('case-1') as { rowid: number; body: string };
      raw
        .prepare('UPDATE evidence_packs SET body = ? WHERE rowid = ?')
        .run(row.body.replace('"score":82', '"score":12'), row.rowid);
    } finally {
      raw.close();
    }
    const err = await renderCaseExport(env.store, 'case-1', 'json', { actor: 'alice' }).catch(
      (e: unknown) => e,
    );
    expect((err as FraudRingsError).code).toBe('EVIDENCE_PACK_CORRUPT');
  });
});
