import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';

const created: string[] = [];

/** A fresh temporary directory; `removeTempDirs` (call it in `afterAll`) deletes them all. */
export function tempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `fraud-rings-${prefix}-`));
  created.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A migrated SQLite store on a real file in `dir`. */
export async function openTestStore(dir: string, name = 'store.db'): Promise<GraphStore> {
  const store = openSqliteStore(path.join(dir, name));
  await store.migrate();
  return store;
}

/** Writes `lines` joined with `eol` (and a final `eol`) to `dir/name`; returns the path. */
export function writeLines(
  dir: string,
  name: string,
  lines: string[],
  eol = '\n',
  bom = false,
): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, (bom ? '\uFEFF' : '') + lines.join(eol) + eol);
  return file;
}

/** Every row of every entity table, as text, for "byte-identical store" comparisons. */
export function dumpEntities(dbFile: string): string {
  const Database = require('better-sqlite3') as typeof import('better-sqlite3');
  const db = new Database(dbFile, { readonly: true });
  try {
    const tables = [
      'accounts',
      'identifiers',
      'account_identifiers',
      'sightings',
      'payments',
      'payment_links',
    ];
    return tables
      .map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())}`)
      .join('\n');
  } finally {
    db.close();
  }
}

const BIN = path.join(__dirname, '..', '..', 'bin', 'fraud-rings.js');

/** Runs the real command line (from source) and returns its exit status and output. */
export function runCli(
  args: string[],
  cwd: string,
): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      FRAUD_RINGS_FROM_SOURCE: '1',
      NEO4J_URI: '',
      REDIS_URL: '',
      LOG_LEVEL: 'silent',
    },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const PAYMENTS_HEADER =
  'payment_id,payer_id,payee_id,amount,currency,created_at,card_id,device_id,status';

/** A payments file with one of each kind of bad row; line numbers are physical lines. */
export const BAD_PAYMENTS = [
  PAYMENTS_HEADER, // 1 (after a BOM)
  'p1,u1,u2,10.00,EUR,2026-03-01T10:00:00Z,c1,d1,settled', // 2 ok (later replaced by line 16)
  ',u1,u2,5,EUR,2026-03-01,c1,d1,', // 3 missing id
  'p3,u1,u2,5,EUR,yesterday,c1,d1,', // 4 bad time
  'p4,u1,u2,abc,EUR,2026-03-01,c1,d1,', // 5 bad amount
  'p5,u1,u2,-5,EUR,2026-03-01,c1,d1,', // 6 negative amount
  'p6,u1,u2,5,EUR,2026-03-01,c1,d1,pending', // 7 unknown status
  'p7,u1,u2,"5,EUR,2026-03-01,c1,d1,', // 8 unclosed quote
  'p8,u1,u2,5,EUR,2026-03-01,c1,d1', // 9 too few columns
  'p9,u1,u2,5,EUR,2026-03-01,c1,d1,settled,extra', // 10 too many columns
  '', // 11 blank line
  'p10,u1,"u2",7.5,EUR,2026-03-02,"c,1","d ""x""",settled', // 12 ok: quoted comma and quotes
  'p11,u1,u3,1,EUR,2026-03-02,c1,"dev', // 13 ok: quoted field with a line break…
  'ice",refunded', // 14 …ending here
  'p12,"=HYPERLINK(""http://evil"",""x"")",u2,2,EUR,2026-03-03,,,', // 15 ok: a formula is data
  'p1,u1,u2,20.00,EUR,2026-03-01T10:00:00Z,c1,d1,chargeback', // 16 ok: duplicate id, later row wins
  'p13,u1,u2,5,EUR,2026-02-30,c1,d1,', // 17 impossible date
  'p14,u1,u2,0,EUR,2026-03-01,c1,d1,', // 18 zero amount
  'p15,u1,u2,5,EURO,2026-03-01,c1,d1,', // 19 bad currency
];
