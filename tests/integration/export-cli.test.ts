import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freezeEvidencePack } from '../../core/export/evidence-pack';
import { ACCOUNTS, saveRingRun, seededStore, T0 } from '../helpers/export-case-store';
import { parseCsv } from '../helpers/export-csv-reader';

const BIN = path.join(__dirname, '../../bin/fraud-rings.js');
const HOUR = 3_600_000;

function cli(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', LOG_LEVEL: 'silent' },
  });
}

describe('fraud-rings export case', () => {
  let env: Awaited<ReturnType<typeof seededStore>>;

  beforeAll(async () => {
    env = await seededStore();
    await saveRingRun(env.store, 'run-1', T0 + HOUR, [...ACCOUNTS.slice(0, 3)], 82);
    await env.store.createCase({
      caseId: 'case-7',
      title: 'Ring seven',
      ringId: 'ring-1',
      runId: 'run-1',
      accounts: [...ACCOUNTS.slice(0, 3)],
      status: 'confirmed_fraud',
      assignee: null,
      decisionNote: null,
      decidedBy: 'alice',
      decidedAt: T0 + 3 * HOUR,
      createdBy: 'bob',
      createdAt: T0 + 2 * HOUR,
      updatedAt: T0 + 3 * HOUR,
    });
    await freezeEvidencePack(env.store, 'case-7', { actor: 'alice', at: T0 + 3 * HOUR });
    await env.store.close();
  });

  afterAll(async () => {
    await env?.cleanup();
  });

  it('writes CSV to stdout and JSON to a file', () => {
    const csv = cli(['--db', env.file, 'export', 'case', 'case-7', '--format', 'csv']);
    expect(csv.stderr).toBe('');
    expect(csv.status).toBe(0);
    const rows = parseCsv(csv.stdout);
    expect(rows).toHaveLength(4);
    expect(rows.slice(1).map((r) => r[rows[0].indexOf('account_id')])).toEqual([
      `'${ACCOUNTS[0]}`,
      ACCOUNTS[1],
      ACCOUNTS[2],
    ]);

    const out = path.join(env.dir, 'out', 'case-7.json');
    const json = cli([
      '--db',
      env.file,
      'export',
      'case',
      'case-7',
      '--format',
      'json',
      '--out',
      out,
    ]);
    expect(json.status).toBe(0);
    expect(json.stdout).toBe('');
    const doc = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(doc.case.case_id).toBe('case-7');
    expect(doc.evidence_pack.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('exits 2 on an unknown case or format', () => {
    const missing = cli(['--db', env.file, 'export', 'case', 'nope', '--format', 'json']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/no case "nope"/);
    const format = cli(['--db', env.file, 'export', 'case', 'case-7', '--format', 'xml']);
    expect(format.status).toBe(2);
    expect(format.stdout).toBe('');
  });
});
