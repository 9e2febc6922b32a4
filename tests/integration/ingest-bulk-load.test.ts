import path from 'node:path';
import Database from 'better-sqlite3';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import type { GraphStore } from '../../core/store/port';
import {
  PAYMENTS_HEADER,
  dumpEntities,
  openTestStore,
  removeTempDirs,
  tempDir,
  writeLines,
} from '../helpers/ingest-fixtures';

afterAll(removeTempDirs);

/** `n` payments from 7 payers to 11 payees, so pairs repeat; amounts and days vary by row. */
function payments(n: number, from = 0, amountOf = (i: number) => 1 + (i % 13) / 4): string[] {
  const lines = [PAYMENTS_HEADER];
  for (let i = from; i < from + n; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const status = i % 10 === 0 ? 'chargeback' : 'settled';
    lines.push(
      `q${i},u${i % 7},u${(i * 5 + Math.floor(i / 7)) % 11},${amountOf(i)},EUR,2026-04-${day},card-${i % 7},DEV-${i % 5},${status}`,
    );
  }
  return lines;
}

function query<T>(dbFile: string, sql: string): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all() as T[];
  } finally {
    db.close();
  }
}

/** payment_links must equal the aggregate of payments, pair by pair. */
function linksMatchPayments(dbFile: string): void {
  const stored = query(dbFile, 'SELECT * FROM payment_links ORDER BY 1, 2');
  const expected = query(
    dbFile,
    `SELECT payer_key, payee_key, count(*) AS count, round(sum(amount) * 1e6) / 1e6 AS amount,
       sum(status = 1) AS chargebacks, min(created_at) AS first_at, max(created_at) AS last_at
     FROM payments GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  expect(stored.length).toBeGreaterThan(10);
  expect(stored).toEqual(expected);
}

/**
 * The secondary indexes (name and SQL) of payment_links and account_identifiers, which a first
 * load drops and rebuilds (all but the partial ones).
 */
function pausedIndexes(dbFile: string): string[] {
  return query<{ name: string; sql: string }>(
    dbFile,
    `SELECT name, sql FROM sqlite_schema WHERE type = 'index'
       AND tbl_name IN ('payment_links', 'account_identifiers') AND sql IS NOT NULL ORDER BY 1`,
  ).map((r) => `${r.name}: ${r.sql}`);
}

describe('ingest of batches large enough for multi-row statements', () => {
  let dir: string;
  let store: GraphStore;
  const dbFile = () => path.join(dir, 'store.db');

  beforeEach(async () => {
    dir = tempDir('ingest-bulk');
    store = await openTestStore(dir);
  });
  afterEach(() => store.close());

  it('keeps payment_links equal to the payments and keeps their indexes', async () => {
    const indexes = pausedIndexes(dbFile());
    expect(indexes.map((i) => i.split(':')[0])).toEqual([
      'account_identifiers_by_account',
      'payment_links_by_payee',
      'payment_links_chargebacks_received',
    ]);
    writeLines(dir, 'a/payments.csv', payments(1000));
    const report = await ingestPaths(store, [path.join(dir, 'a')], { rejectsDir: dir });
    expect(report.files[0]).toMatchObject({ read: 1000, accepted: 1000, loaded: true });
    expect(await store.counts()).toMatchObject({ payments: 1000, accounts: 11 });
    linksMatchPayments(dbFile());
    expect(pausedIndexes(dbFile())).toEqual(indexes);
  });

  it('is idempotent over re-loads, also with a repeated id inside one batch', async () => {
    const lines = payments(700);
    lines.splice(300, 0, 'q249,u1,u2,9.5,EUR,2026-04-02,card-1,DEV-1,settled');
    writeLines(dir, 'a/payments.csv', lines);
    await ingestPaths(store, [path.join(dir, 'a')], { rejectsDir: dir });
    expect(await store.counts()).toMatchObject({ payments: 700 });
    expect(
      query(dbFile(), "SELECT amount, created_at FROM payments WHERE payment_id = 'q249'"),
    ).toEqual([{ amount: 9.5, created_at: Date.UTC(2026, 3, 2) }]);
    linksMatchPayments(dbFile());
    const before = dumpEntities(dbFile());
    await ingestPaths(store, [path.join(dir, 'a')], { rejectsDir: dir });
    expect(dumpEntities(dbFile())).toBe(before);
  });

  it('moves updated payments between pairs when a later file changes them', async () => {
    writeLines(dir, 'a/payments.csv', payments(500));
    await ingestPaths(store, [path.join(dir, 'a')], { rejectsDir: dir });
    writeLines(
      dir,
      'b/payments.csv',
      payments(400, 300, (i) => 2 + (i % 5)),
    );
    await ingestPaths(store, [path.join(dir, 'b')], { rejectsDir: dir });
    expect(await store.counts()).toMatchObject({ payments: 700 });
    linksMatchPayments(dbFile());
    const [q310] = query<{ amount: number }>(
      dbFile(),
      "SELECT amount FROM payments WHERE payment_id = 'q310'",
    );
    expect(q310!.amount).toBe(2);
  });

  it('writes a first load with repeated ids as a load into earlier payments writes it', async () => {
    // A first load (no payment stored yet) writes ids it has not seen 64 per statement with OR
    // IGNORE and the rest one by one afterwards; a load into earlier payments finds known ids by
    // failing statements. Same file, same end: repeats near and far (other batches), with the
    // same or changed values, the last row winning.
    const lines = payments(20_000);
    for (let i = 2; i < lines.length; i += 97) {
      const far = i > 15_000 ? i - 14_000 : i - 1;
      const changed = i % 2 === 0;
      lines[i] = lines[far]!.replace(/,2026-04-(\d\d),/, (m, day: string) =>
        changed ? `,2026-05-${day},` : m,
      );
    }
    lines.splice(9000, 0, lines[1]!, lines[1]!.replace(',EUR,', ',USD,'));
    writeLines(dir, 'all/payments.csv', lines);
    writeLines(dir, 'first/payments.csv', lines.slice(0, 2));

    await ingestPaths(store, [path.join(dir, 'all')], { rejectsDir: dir });
    const fresh = dumpEntities(dbFile());
    const other = tempDir('ingest-bulk-known');
    const known = await openTestStore(other);
    try {
      await ingestPaths(known, [path.join(dir, 'first')], { rejectsDir: other });
      await ingestPaths(known, [path.join(dir, 'all')], { rejectsDir: other });
      expect(dumpEntities(path.join(other, 'store.db'))).toBe(fresh);
    } finally {
      await known.close();
    }
    const ids = new Set(lines.slice(1).map((l) => l.split(',')[0]));
    expect(ids.size).toBeLessThan(19_900);
    expect(await store.counts()).toMatchObject({ payments: ids.size });
    expect(query(dbFile(), "SELECT currency FROM payments WHERE payment_id = 'q0'")).toEqual([
      { currency: 'USD' },
    ]);
    linksMatchPayments(dbFile());
  });

  it('rolls a first load back whole, indexes included', async () => {
    const indexes = pausedIndexes(dbFile());
    const lines = payments(400);
    for (let i = 1; i <= 400; i += 3) lines[i] = lines[i]!.replace(',EUR,', ',EURO,');
    writeLines(dir, 'a/payments.csv', lines);
    const report = await ingestPaths(store, [path.join(dir, 'a')], {
      rejectsDir: dir,
      maxRejectRate: 0.1,
    });
    expect(report.files[0]).toMatchObject({ read: 400, rejected: 134, loaded: false });
    expect(await store.counts()).toMatchObject({ payments: 0, accounts: 0 });
    expect(pausedIndexes(dbFile())).toEqual(indexes);
  });
});
