import fs from 'node:fs';
import path from 'node:path';
import {
  BAD_PAYMENTS,
  runCli,
  tempDir,
  writeLines,
  removeTempDirs,
} from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

describe('fraud-rings ingest and stats (spawned)', () => {
  let dir: string;
  let db: string;

  beforeAll(() => {
    dir = tempDir('ingest-cli');
    db = path.join(dir, 'data', 'store.db');
    writeLines(dir, 'in/users.csv', [
      'user_id,created_at,email',
      'a,2026-01-01,a@x.com',
      'b,2026-01-02,A@X.com',
    ]);
    writeLines(dir, 'in/devices.csv', ['user_id,device_id,ip,seen_at', 'a,D1,10.0.0.1,2026-01-03']);
    writeLines(dir, 'in/payments.csv', [
      'payment_id,payer_id,payee_id,amount,currency,created_at',
      'p1,a,b,3,EUR,2026-02-01',
      'p2,b,m,4,EUR,2026-02-02',
    ]);
  });

  it('prints the JSON report, and a re-ingest leaves stats --json byte-identical', () => {
    const first = runCli(['--db', db, 'ingest', path.join(dir, 'in'), '--json'], dir);
    expect(first.status).toBe(0);
    expect(first.stderr).toBe('');
    const report = JSON.parse(first.stdout) as {
      files: Array<{
        entity: string;
        read: number;
        accepted: number;
        rejected: number;
        loaded: boolean;
      }>;
    };
    expect(report.files.map((f) => [f.entity, f.read, f.accepted, f.rejected, f.loaded])).toEqual([
      ['users', 2, 2, 0, true],
      ['devices', 1, 1, 0, true],
      ['payments', 2, 2, 0, true],
    ]);
    const stats1 = runCli(['--db', db, 'stats', '--json'], dir);
    expect(stats1.status).toBe(0);
    expect(JSON.parse(stats1.stdout)).toEqual({
      accounts: 3,
      stubAccounts: 1,
      devices: 1,
      sightings: 1,
      identifiers: 3,
      identifierLinks: 4,
      payments: 2,
    });
    expect(runCli(['--db', db, 'ingest', path.join(dir, 'in')], dir).status).toBe(0);
    const stats2 = runCli(['--db', db, 'stats', '--json'], dir);
    expect(stats2.stdout).toBe(stats1.stdout);
  });

  it('exits 2 naming a rolled-back file, writes its rejects beside the store, and prints the table', () => {
    writeLines(dir, 'bad/payments.csv', BAD_PAYMENTS);
    const r = runCli(['--db', db, 'ingest', path.join(dir, 'bad')], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `fraud-rings: ${path.join(dir, 'bad', 'payments.csv')} was not loaded: rejected 12 of 17 rows`,
    );
    expect(r.stdout.split('\n')[0]).toMatch(
      /^file\s+entity\s+read\s+accepted\s+rejected\s+loaded$/,
    );
    expect(r.stdout).toMatch(/payments\s+17\s+5\s+12\s+NO/);
    expect(fs.existsSync(path.join(dir, 'data', 'payments.csv.rejects.csv'))).toBe(true);
    const loose = runCli(
      ['--db', db, 'ingest', path.join(dir, 'bad'), '--max-reject-rate', '0.8', '--json'],
      dir,
    );
    expect(loose.status).toBe(0);
    expect(JSON.parse(loose.stdout).files[0]).toMatchObject({
      read: 17,
      accepted: 5,
      rejected: 12,
      loaded: true,
    });
  });

  it('exits 2 for a path that does not exist or a bad rate, loading nothing', () => {
    const missing = runCli(['--db', db, 'ingest', path.join(dir, 'nope')], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim()).toBe(
      `fraud-rings: ${path.join(dir, 'nope')}: no such file or directory`,
    );
    const rate = runCli(
      ['--db', db, 'ingest', path.join(dir, 'in'), '--max-reject-rate', '2'],
      dir,
    );
    expect(rate.status).toBe(2);
    expect(rate.stderr).toContain('must be a number from 0 to 1');
  });
});
