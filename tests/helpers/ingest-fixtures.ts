import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';

/** A fresh temporary directory for one test file. */
export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `fraud-rings-${prefix}-`));
}

/** A migrated SQLite store on a real file in `dir`. */
export async function openTestStore(dir: string, name = 'store.db'): Promise<GraphStore> {
  const store = openSqliteStore(path.join(dir, name));
  await store.migrate();
  return store;
}

/** Writes `lines` joined with `eol` (and a final `eol`) to `dir/name`; returns the path. */
export function writeLines(dir: string, name: string, lines: string[], eol = '\n', bom = false): string {
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
    const tables = ['accounts', 'identifiers', 'account_identifiers', 'sightings', 'payments', 'payment_links'];
    return tables.map((t) => `${t}\n${JSON.stringify(db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())}`).join('\n');
  } finally {
    db.close();
  }
}

const BIN = path.join(__dirname, '..', '..', 'bin', 'fraud-rings.js');

/** Runs the real command line (from source) and returns its exit status and output. */
export function runCli(args: string[], cwd: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, FRAUD_RINGS_FROM_SOURCE: '1', NEO4J_URI: '', REDIS_URL: '', LOG_LEVEL: 'silent' },
    timeout: 120_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
