import fs from 'node:fs';
import path from 'node:path';
import { CsvTokenizer } from '../../core/ingest/csv-tokenizer';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import type { GraphStore } from '../../core/store/port';
import {
  BAD_PAYMENTS,
  PAYMENTS_HEADER as HEADER,
  dumpEntities,
  openTestStore,
  tempDir,
  writeLines,
  removeTempDirs,
} from '../helpers/ingest-fixtures';

const EXPECTED_REJECTS: Array<[number, string]> = [
  [3, 'missing payment_id'],
  [4, 'created_at is not an ISO 8601 time'],
  [5, 'amount is not a decimal number'],
  [6, 'amount must be greater than 0'],
  [7, 'unknown status'],
  [8, 'unclosed quote'],
  [9, 'expected 9 fields, found 8'],
  [10, 'expected 9 fields, found 10'],
  [11, 'blank line'],
  [17, 'created_at is not an ISO 8601 time'],
  [18, 'amount must be greater than 0'],
  [19, 'currency is not a 3-letter ISO 4217 code'],
];

/** The rejects file's records (line, reason, raw), read with the ingest's own RFC 4180 tokenizer. */
export function readRejectsFile(file: string): string[][] {
  const rows: string[][] = [];
  const t = new CsvTokenizer();
  const sink = (_line: number, fields: string[] | null) => rows.push(fields ?? []);
  t.push(fs.readFileSync(file, 'utf8'), sink);
  t.end(sink);
  return rows;
}

function readRejects(file: string): Array<[number, string]> {
  const [header, ...rows] = readRejectsFile(file);
  expect(header).toEqual(['line', 'reason', 'raw']);
  return rows.map((r) => [Number(r[0]), r[1]!]);
}

afterAll(removeTempDirs);

describe('ingest of a file with known bad rows', () => {
  let dir: string;
  let store: GraphStore;

  beforeEach(async () => {
    dir = tempDir('bad-rows');
    store = await openTestStore(dir);
  });
  afterEach(() => store.close());

  it('accepts and rejects exactly the expected rows, with the line of every reject', async () => {
    const file = writeLines(dir, 'in/payments.csv', BAD_PAYMENTS, '\r\n', true);
    const report = await ingestPaths(store, [file], { maxRejectRate: 1, rejectsDir: dir });
    const rejectsFile = path.join(dir, 'payments.csv.rejects.csv');
    expect(report.files).toEqual([
      { file, entity: 'payments', read: 17, accepted: 5, rejected: 12, rejectsFile, loaded: true },
    ]);
    expect(readRejects(rejectsFile)).toEqual(EXPECTED_REJECTS);
    const text = fs.readFileSync(rejectsFile, 'utf8');
    expect(text.startsWith('line,reason,raw\n')).toBe(true);
    expect(text).toContain('8,unclosed quote,"p7,u1,u2,""5,EUR,2026-03-01,c1,d1,"\n');
    expect(text).toContain('11,blank line,\n');

    const counts = await store.counts();
    expect(counts).toMatchObject({ payments: 4, accounts: 4, stubAccounts: 4 });
    const hits = await store.search(
      { kind: 'account', value: '=HYPERLINK("http://evil","x")' },
      10,
    );
    expect(hits).toEqual([
      {
        kind: 'account',
        value: '=HYPERLINK("http://evil","x")',
        userIds: ['=HYPERLINK("http://evil","x")'],
      },
    ]);
    const u1 = await store.getAccount('u1');
    // p1 (20.00 chargeback, the later row), p10 7.5, p11 1 → 28.5 sent by u1; p1's chargeback counts once.
    expect(u1?.payments).toEqual({
      sent: 3,
      received: 0,
      chargebacks: 1,
      amountSent: 28.5,
      amountReceived: 0,
    });
    const devices = (await store.search({ kind: 'device', value: 'dev\r\nice' }, 5))[0];
    expect(devices?.userIds).toEqual(['u1']);
    expect((await store.search({ kind: 'card', value: 'C,1' }, 5))[0]?.userIds).toEqual(['u1']);
  });

  it('rolls the whole file back above the reject threshold and leaves the store unchanged', async () => {
    const good = writeLines(dir, 'payments-good.csv', [
      HEADER,
      'g1,a,b,1,EUR,2026-01-01,,,',
      'g2,b,a,2,EUR,2026-01-02,,,',
    ]);
    await ingestPaths(store, [good], { rejectsDir: dir });
    const before = { counts: await store.counts(), dump: dumpEntities(path.join(dir, 'store.db')) };

    const bad = writeLines(dir, 'payments-bad.csv', BAD_PAYMENTS, '\r\n', true);
    const report = await ingestPaths(store, [bad], { rejectsDir: dir });
    expect(report.files[0]).toMatchObject({ read: 17, accepted: 5, rejected: 12, loaded: false });
    expect(report.files[0]!.reason).toBe('rejected 12 of 17 rows (70.59%), above the limit of 1%');
    expect(report.files[0]!.rejectsFile).toBe(path.join(dir, 'payments-bad.csv.rejects.csv'));
    expect(await store.counts()).toEqual(before.counts);
    expect(dumpEntities(path.join(dir, 'store.db'))).toBe(before.dump);
  });

  it('loads the other files when one is rolled back', async () => {
    writeLines(dir, 'set/users.csv', ['user_id,created_at', 'a,2026-01-01', 'b,2026-01-01']);
    writeLines(dir, 'set/payments.csv', BAD_PAYMENTS, '\n');
    writeLines(dir, 'set/devices.csv', ['user_id,device_id,seen_at', 'a,D1,2026-01-02']);
    const report = await ingestPaths(store, [path.join(dir, 'set')], { rejectsDir: dir });
    expect(
      report.files.map((f) => [path.basename(f.file), f.loaded, f.read, f.accepted, f.rejected]),
    ).toEqual([
      ['users.csv', true, 2, 2, 0],
      ['devices.csv', true, 1, 1, 0],
      ['payments.csv', false, 17, 5, 12],
    ]);
    expect(report.files[0]!.rejectsFile).toBeNull();
    expect(await store.counts()).toMatchObject({
      accounts: 2,
      stubAccounts: 0,
      sightings: 1,
      payments: 0,
    });
  });

  it('passes at the threshold and fails just above it', async () => {
    const rows = Array.from({ length: 99 }, (_, i) => `q${i},a,b,1,EUR,2026-01-01,,,`);
    const atLimit = writeLines(dir, 'payments-1pc.csv', [
      HEADER,
      ...rows,
      'bad,a,b,x,EUR,2026-01-01,,,',
    ]);
    expect((await ingestPaths(store, [atLimit], { rejectsDir: dir })).files[0]).toMatchObject({
      read: 100,
      rejected: 1,
      loaded: true,
    });
    const above = writeLines(dir, 'payments-2pc.csv', [
      HEADER,
      ...rows.slice(1),
      'bad,a,b,x,EUR,2026-01-01,,,',
      'bad2,a,b,1,EUR,never,,,',
    ]);
    expect((await ingestPaths(store, [above], { rejectsDir: dir })).files[0]).toMatchObject({
      read: 100,
      rejected: 2,
      loaded: false,
    });
  });

  it('fails a file whose header lacks a required column, loading nothing of it', async () => {
    const file = writeLines(dir, 'payments.csv', ['payment_id,payer_id,amount', 'p,a,1']);
    const report = await ingestPaths(store, [file], { rejectsDir: dir });
    expect(report.files[0]).toMatchObject({ read: 0, accepted: 0, rejected: 0, loaded: false });
    expect(report.files[0]!.reason).toBe(
      'header lacks required columns payee_id, currency, created_at',
    );
  });
});
