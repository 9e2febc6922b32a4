import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { ingestPaths, type IngestReport } from '../../core/ingest/ingest-paths';
import { PaymentPacker, packedWriterOf } from '../../core/ingest/payment-batch';
import type { GraphStore } from '../../core/store/port';
import type { PaymentInput } from '../../core/types';
import {
  BAD_PAYMENTS,
  PAYMENTS_HEADER,
  dumpEntities,
  openTestStore,
  removeTempDirs,
  tempDir,
  writeLines,
} from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

/**
 * `n` payments over 40 payers and 60 payees; payers mostly keep one card and device but change
 * them now and then, cards are written in several spellings, some rows lack a card or device,
 * and every 37th row repeats an earlier id with another payee (the later row wins).
 */
function payments(n: number, amount = (i: number) => 1 + (i % 17) / 4): string[] {
  const lines = [PAYMENTS_HEADER];
  for (let i = 0; i < n; i++) {
    const payer = (i * 7) % 40;
    const card =
      i % 23 === 0 ? `CARD-${payer + 1}` : i % 29 === 0 ? ` card-${payer} ` : `card-${payer}`;
    const device = i % 13 === 0 ? '' : `DEV-${payer % 30}`;
    const status = i % 10 === 0 ? 'chargeback' : i % 31 === 0 ? '' : 'settled';
    const id = i % 37 === 36 ? `r${i - 30}` : `r${i}`;
    const payee = i % 37 === 36 ? `x${i % 5}` : `u${(i * 11) % 60}`;
    const day = String(1 + (i % 28)).padStart(2, '0');
    lines.push(
      `${id},u${payer},${payee},${amount(i)},${i % 19 === 0 ? 'usd' : 'EUR'},2026-05-${day}T10:${String(i % 60).padStart(2, '0')}:00Z,${card},${device},${status}`,
    );
  }
  return lines;
}

/** The report without paths, and the rejects file's text (or null). */
function outcome(report: IngestReport): unknown {
  return report.files.map((f) => ({
    ...f,
    file: path.basename(f.file),
    rejectsFile: f.rejectsFile === null ? null : fs.readFileSync(f.rejectsFile, 'utf8'),
  }));
}

describe('payments parsed on a worker thread', () => {
  const stores: GraphStore[] = [];
  afterEach(async () => {
    for (const s of stores.splice(0)) await s.close();
  });

  /** Runs the same ingest steps with the parse thread and inline; both must end identical. */
  async function bothWays(
    steps: Array<{ files: string[]; maxRejectRate?: number }>,
  ): Promise<{ thread: unknown[]; dump: string }> {
    const results = [];
    for (const parseThread of ['always', 'never'] as const) {
      const dir = tempDir(`parse-${parseThread}`);
      const store = await openTestStore(dir);
      stores.push(store);
      const outcomes: unknown[] = [];
      for (const step of steps) {
        const report = await ingestPaths(store, step.files, {
          rejectsDir: dir,
          parseThread,
          maxRejectRate: step.maxRejectRate,
        });
        outcomes.push(outcome(report));
      }
      results.push({ outcomes, dump: dumpEntities(path.join(dir, 'store.db')) });
    }
    const [thread, inline] = results;
    expect(thread!.outcomes).toEqual(inline!.outcomes);
    expect(thread!.dump).toBe(inline!.dump);
    return { thread: thread!.outcomes, dump: thread!.dump };
  }

  it('rejects the same rows with the same line numbers as the inline path (BOM, CRLF, quoted line break)', async () => {
    const dir = tempDir('parse-bad');
    const file = writeLines(dir, 'in/payments.csv', BAD_PAYMENTS, '\r\n', true);
    const { thread } = await bothWays([{ files: [file], maxRejectRate: 1 }]);
    const [report] = thread[0] as Array<{
      read: number;
      accepted: number;
      rejected: number;
      rejectsFile: string;
    }>;
    expect(report).toMatchObject({ read: 17, accepted: 5, rejected: 12, loaded: true });
    const lines = report!.rejectsFile
      .split('\n')
      .slice(1, -1)
      .map((l) => Number(l.split(',')[0]));
    expect(lines).toEqual([3, 4, 5, 6, 7, 8, 9, 10, 11, 17, 18, 19]);
  });

  it('loads, re-loads and updates exactly as the inline path, CSV, NDJSON and gzip', async () => {
    const dir = tempDir('parse-many');
    writeLines(dir, 'a/users.csv', ['user_id,created_at', 'u1,2026-01-01', 'u5,2026-01-02']);
    writeLines(dir, 'a/payments.csv', payments(3000));
    const changed = payments(2000, (i) => 2 + (i % 5));
    changed.splice(700, 0, '', 'bad,u1,u2,0,EUR,2026-05-01,c,d,settled');
    writeLines(dir, 'b/payments.csv', changed);
    const ndjson = payments(500)
      .slice(1)
      .map((l) => {
        const v = l.split(',');
        return JSON.stringify({
          payment_id: `n${v[0]}`,
          payer_id: v[1],
          payee_id: v[2],
          amount: Number(v[3]),
          currency: v[4],
          created_at: v[5],
          card_id: v[6],
          device_id: v[7] || null,
          status: v[8],
        });
      });
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(
      path.join(dir, 'c/payments.ndjson.gz'),
      zlib.gzipSync(ndjson.join('\n') + '\n'),
    );
    const { thread, dump } = await bothWays([
      { files: [path.join(dir, 'a')] },
      { files: [path.join(dir, 'a')] },
      { files: [path.join(dir, 'b')] },
      { files: [path.join(dir, 'c')] },
    ]);
    expect((thread[2] as Array<{ rejected: number; read: number }>)[0]).toMatchObject({
      read: 2002,
      rejected: 2,
    });
    expect((thread[3] as Array<{ accepted: number }>)[0]).toMatchObject({
      accepted: 500,
      loaded: true,
    });
    expect(dump).toContain('"payment_id":"nr0"');
  });

  it('rolls a file above the reject rate back whole, and reports a bad header or gzip stream', async () => {
    const dir = tempDir('parse-rollback');
    const lines = payments(400);
    for (let i = 1; i <= 400; i += 50) lines[i] = lines[i]!.replace(',2026-', ',20x6-');
    writeLines(dir, 'a/payments.csv', lines);
    writeLines(dir, 'b/payments.csv', ['payment_id,payer_id,amount', 'p1,u1,2']);
    fs.mkdirSync(path.join(dir, 'c'));
    fs.writeFileSync(
      path.join(dir, 'c/payments.csv.gz'),
      zlib.gzipSync(payments(50).join('\n')).subarray(0, 200),
    );
    const { thread, dump } = await bothWays([
      { files: [path.join(dir, 'a')] },
      { files: [path.join(dir, 'b')] },
      { files: [path.join(dir, 'c')] },
    ]);
    const [a, b, c] = thread.map(
      (t) => (t as Array<{ loaded: boolean; reason: string; rejected: number }>)[0],
    );
    expect(a).toMatchObject({
      loaded: false,
      rejected: 8,
      reason: 'rejected 8 of 400 rows (2%), above the limit of 1%',
    });
    expect(b).toMatchObject({
      loaded: false,
      reason: 'header lacks required columns payee_id, currency, created_at',
    });
    expect(c!.loaded).toBe(false);
    expect(c!.reason).toMatch(/^cannot read the gzip stream/);
    const empty = tempDir('parse-empty');
    stores.push(await openTestStore(empty));
    expect(dump).toBe(dumpEntities(path.join(empty, 'store.db')));
  });

  it('gives new accounts and identifiers keys in the order they are first seen', async () => {
    const dir = tempDir('parse-keys');
    const store = await openTestStore(dir);
    stores.push(store);
    writeLines(dir, 'a/payments.csv', [
      PAYMENTS_HEADER,
      'p1,zed,amy,1,EUR,2026-01-01,K2,d9,',
      'p2,bob,zed,1,EUR,2026-01-01,k1,,',
      'p3,amy,cat,1,EUR,2026-01-01,K2,d1,',
    ]);
    await ingestPaths(store, [path.join(dir, 'a')], { rejectsDir: dir, parseThread: 'always' });
    const db = new Database(path.join(dir, 'store.db'), { readonly: true });
    try {
      expect(
        db.prepare('SELECT key, user_id, stub FROM accounts ORDER BY key').raw().all(),
      ).toEqual([
        [1, 'zed', 1],
        [2, 'amy', 1],
        [3, 'bob', 1],
        [4, 'cat', 1],
      ]);
      expect(
        db.prepare('SELECT key, kind, value, raw FROM identifiers ORDER BY key').raw().all(),
      ).toEqual([
        [1, 3, 'k2', 'K2'],
        [2, 5, 'd9', 'd9'],
        [3, 3, 'k1', 'k1'],
        [4, 5, 'd1', 'd1'],
      ]);
    } finally {
      db.close();
    }
  });

  it('writes packed batches whose intern tables restart as upsertPayments writes the rows', async () => {
    const rows: PaymentInput[] = [];
    for (let i = 0; i < 900; i++) {
      const payer = `u${(i * 7) % 50}`;
      const card =
        i % 9 === 0
          ? null
          : { kind: 'card' as const, value: `c${(i * 7) % 45}`, raw: `C${(i * 7) % 45}` };
      rows.push({
        paymentId: `p${i % 850}`,
        payerId: payer,
        payeeId: `u${(i * 13) % 70}`,
        amount: 1 + (i % 7),
        currency: i % 3 === 0 ? 'USD' : 'EUR',
        createdAt: Date.UTC(2026, 0, 1 + (i % 30)),
        cardId: card?.raw ?? null,
        deviceId: null,
        status: i % 11 === 0 ? 'chargeback' : 'settled',
        identifiers: card ? [card] : [],
      });
    }
    const dumps = [];
    for (const packed of [true, false]) {
      const dir = tempDir('parse-packed');
      const store = await openTestStore(dir);
      stores.push(store);
      // One packer for the whole load, as the parse thread has: its tables restart often.
      const packer = new PaymentPacker(20);
      await store.load(async (writer) => {
        for (let from = 0; from < rows.length; from += 100) {
          const slice = rows.slice(from, from + 100);
          if (!packed) {
            await writer.upsertPayments(slice);
            continue;
          }
          for (const row of slice) packer.add(row);
          await packedWriterOf(writer)!.upsertPackedPayments(packer.take());
        }
      });
      dumps.push(dumpEntities(path.join(dir, 'store.db')));
    }
    expect(dumps[0]).toContain('"payment_id":"p849"');
    expect(dumps[0]).toBe(dumps[1]);
  });
});
