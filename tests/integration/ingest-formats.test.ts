import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import {
  dumpEntities,
  openTestStore,
  tempDir,
  writeLines,
  removeTempDirs,
} from '../helpers/ingest-fixtures';

const USERS_CSV = [
  'user_id,created_at,email,label',
  'u1,2026-01-01,A@x.com,fraud',
  'u2,2026-01-02T00:00:00Z,b@x.com,',
];
const PAYMENTS_CSV = [
  'amount,payment_id,payer_id,payee_id,currency,created_at,note',
  '5,p1,u1,u2,EUR,2026-02-01,hello',
  '7.25,p2,u2,u9,USD,2026-02-02,',
];
const USERS_NDJSON = [
  '{"user_id":"u1","created_at":"2026-01-01","email":"A@x.com","label":"fraud","extra":{"ignored":true}}',
  '{"user_id":"u2","created_at":"2026-01-02T00:00:00Z","email":"b@x.com","label":null}',
];
const PAYMENTS_NDJSON = [
  '{"payment_id":"p1","payer_id":"u1","payee_id":"u2","amount":5,"currency":"EUR","created_at":"2026-02-01"}',
  '{"payment_id":"p2","payer_id":"u2","payee_id":"u9","amount":"7.25","currency":"USD","created_at":"2026-02-02"}',
];

function gzipFile(file: string): string {
  fs.writeFileSync(`${file}.gz`, zlib.gzipSync(fs.readFileSync(file)));
  fs.rmSync(file);
  return `${file}.gz`;
}

afterAll(removeTempDirs);

describe('ingest formats', () => {
  it('loads CSV, gzipped CSV, NDJSON and gzipped JSONL into the same store content', async () => {
    const dumps: string[] = [];
    for (const variant of ['csv', 'csv.gz', 'ndjson', 'jsonl.gz']) {
      const dir = tempDir(`formats-${variant.replace('.', '-')}`);
      const store = await openTestStore(dir);
      const json = variant.startsWith('ndjson') || variant.startsWith('jsonl');
      const ext = variant.replace('.gz', '');
      let users = writeLines(dir, `in/users.${ext}`, json ? USERS_NDJSON : USERS_CSV);
      let payments = writeLines(dir, `in/payments.${ext}`, json ? PAYMENTS_NDJSON : PAYMENTS_CSV);
      if (variant.endsWith('.gz')) {
        users = gzipFile(users);
        payments = gzipFile(payments);
      }
      const report = await ingestPaths(store, [path.join(dir, 'in')], { rejectsDir: dir });
      expect(
        report.files.map((f) => [path.basename(f.file), f.read, f.accepted, f.rejected, f.loaded]),
      ).toEqual([
        [path.basename(users), 2, 2, 0, true],
        [path.basename(payments), 2, 2, 0, true],
      ]);
      await store.close();
      dumps.push(dumpEntities(path.join(dir, 'store.db')));
    }
    expect(new Set(dumps).size).toBe(1);
    expect(dumps[0]).toContain('"user_id":"u9"');
  });

  it('rejects bad NDJSON lines with their line numbers and reports progress in bytes', async () => {
    const dir = tempDir('formats-bad-ndjson');
    const store = await openTestStore(dir);
    const file = writeLines(dir, 'payments.ndjson', [
      PAYMENTS_NDJSON[0]!,
      '',
      '{"payment_id":',
      '[1,2]',
      '{"payment_id":"p3","payer_id":{"x":1},"payee_id":"u2","amount":1,"currency":"EUR","created_at":"2026-02-01"}',
      PAYMENTS_NDJSON[1]!,
    ]);
    const progress: number[] = [];
    const report = await ingestPaths(store, [file], {
      rejectsDir: dir,
      maxRejectRate: 1,
      onProgress: (p) => progress.push(p.bytes, p.totalBytes),
    });
    expect(report.files[0]).toMatchObject({ read: 6, accepted: 2, rejected: 4, loaded: true });
    const rejects = fs
      .readFileSync(path.join(dir, 'payments.ndjson.rejects.csv'), 'utf8')
      .split('\n');
    expect(rejects.slice(1, 5).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '2,blank line',
      '3,invalid JSON',
      '4,not a JSON object',
      '5,payer_id is not a string or number',
    ]);
    const size = fs.statSync(file).size;
    expect(progress.slice(-2)).toEqual([size, size]);
    await store.close();
  });

  it('does not load a corrupt gzip file and says why', async () => {
    const dir = tempDir('formats-corrupt');
    const store = await openTestStore(dir);
    const good = zlib.gzipSync(Buffer.from(`${USERS_CSV.join('\n')}\n`));
    const file = path.join(dir, 'users.csv.gz');
    fs.writeFileSync(file, good.subarray(0, good.length - 12));
    const report = await ingestPaths(store, [file], { rejectsDir: dir });
    expect(report.files[0]!.loaded).toBe(false);
    expect(report.files[0]!.reason).toMatch(/^cannot read the gzip stream/);
    expect((await store.counts()).accounts).toBe(0);
    await store.close();
  });
});
