/**
 * The SQLite projection reads that run in worker threads on a database file (payment links,
 * payment totals for many accounts) give exactly what the same statements give inline on an
 * in-memory database holding the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrate, openDatabase, type Db } from '../../core/store/sqlite/database';
import { SqliteProjection } from '../../core/store/sqlite/projection';
import { mulberry32 } from '../../core/detect/rng';
import type { PaymentLinkBatch } from '../../core/store/port';

const ACCOUNTS = 12_000;

function fill(db: Db): void {
  const rnd = mulberry32(7);
  const insert = db.prepare(
    'INSERT OR IGNORE INTO payment_links (payer_key, payee_key, count, amount, chargebacks, first_at, last_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const incidence = db.prepare(
    'INSERT OR IGNORE INTO account_identifiers (identifier_key, account_key, kind, first_seen) VALUES (?, ?, ?, ?)',
  );
  db.transaction(() => {
    for (let account = 1; account <= ACCOUNTS; account++) {
      for (let k = 0; k < 2; k++) {
        const identifier = 1 + Math.floor(rnd() * ACCOUNTS * 0.8);
        incidence.run(
          identifier,
          account,
          identifier % 6,
          rnd() < 0.1 ? null : 1_700_000_000_000 + account,
        );
      }
    }
    for (let payer = 1; payer <= ACCOUNTS; payer++) {
      for (let k = 0; k < 4; k++) {
        // Accounts 1..20 are merchants: most payments go to them, so they are hubs.
        const payee = rnd() < 0.5 ? 1 + Math.floor(rnd() * 20) : 1 + Math.floor(rnd() * ACCOUNTS);
        if (payee === payer) continue;
        const at = 1_700_000_000_000 + Math.floor(rnd() * 1e9);
        insert.run(
          payer,
          payee,
          1 + Math.floor(rnd() * 5),
          Math.round(rnd() * 1e6) / 100,
          rnd() < 0.05 ? 1 : 0,
          at,
          at + Math.floor(rnd() * 1e8),
        );
      }
    }
  })();
}

async function collect(source: InstanceType<typeof SqliteProjection>, max: number) {
  const out: Record<keyof PaymentLinkBatch, number[]> = {
    payerKeys: [],
    payeeKeys: [],
    count: [],
    amount: [],
    chargebacks: [],
    firstAt: [],
    lastAt: [],
  };
  for await (const b of source.readPaymentLinks({ maxCounterparties: max })) {
    for (const k of Object.keys(out) as Array<keyof PaymentLinkBatch>) out[k].push(...b[k]);
  }
  return out;
}

describe('SQLite projection reads in worker threads', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-detect-workers-'));
  const fileDb = openDatabase(path.join(dir, 'store.db'));
  const memoryDb = openDatabase(':memory:');
  const onFile = new SqliteProjection(fileDb);
  const inMemory = new SqliteProjection(memoryDb);

  beforeAll(() => {
    for (const db of [fileDb, memoryDb]) {
      migrate(db);
      db.pragma('foreign_keys = OFF');
      fill(db);
    }
  });

  afterAll(() => {
    fileDb.close();
    memoryDb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('streams the same non-hub payment links, in the same order', async () => {
    const worker = await collect(onFile, 50);
    const inline = await collect(inMemory, 50);
    expect(worker.payerKeys.length).toBeGreaterThan(10_000);
    expect(worker.payerKeys.length).toBeLessThan(4 * ACCOUNTS);
    expect(worker).toEqual(inline);
  });

  it('streams the same shared-identifier incidences, unknown first sightings as NaN', async () => {
    const read = async (source: InstanceType<typeof SqliteProjection>) => {
      const rows: number[][] = [];
      for await (const b of source.readIncidences({ maxSharers: 3 }))
        for (let i = 0; i < b.accountKeys.length; i++)
          rows.push([b.identifierKeys[i], b.accountKeys[i], b.kinds[i], b.firstSeen[i]]);
      return rows;
    };
    const worker = await read(onFile);
    const inline = await read(inMemory);
    expect(worker.length).toBeGreaterThan(5_000);
    expect(worker.some((r) => Number.isNaN(r[3]))).toBe(true);
    expect(worker).toEqual(inline);
  });

  it('gives the same payment totals for many accounts', async () => {
    const keys = Array.from({ length: ACCOUNTS }, (_, i) => ACCOUNTS - i);
    const worker = await onFile.paymentTotals(keys);
    const inline = await inMemory.paymentTotals(keys);
    expect(worker.keys.length).toBe(ACCOUNTS);
    expect(worker.sent.some((x) => x > 0)).toBe(true);
    expect(worker.chargebacks.some((x) => x > 0)).toBe(true);
    expect(worker).toEqual(inline);
  });
});
