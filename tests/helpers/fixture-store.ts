/**
 * A real SQLite store with generated data, planted accounts and a detection run, for API and
 * browser tests: `generateDataset` (synthetic users, devices, payments with planted rings) plus a
 * few hand-written rows, loaded with `ingestPaths`, then `runDetection`, then two app users.
 * Returns the paths and the ids a test needs to know.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generateDataset } from '../../core/generate';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import { runDetection } from '../../core/detect/run-detection';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import { createUser } from '../../core/auth/create-user';
import type { Role } from '../../core/types';

export interface FixtureUser {
  userId: string;
  name: string;
  role: Role;
  password: string;
  token: string;
}

/** Values that look like queries or markup; stored and returned as plain data. */
export const HOSTILE_VALUES = {
  sql: "' OR 1=1 --",
  cypher: "x'}) DETACH DELETE n //",
  html: '<img src=x onerror=alert(1)>',
} as const;

export interface FixtureStore {
  dir: string;
  dbPath: string;
  dataDir: string;
  users: { admin: FixtureUser; analyst: FixtureUser };
  runId: string;
  /** The best-scoring flagged ring of the run, and its members. */
  ring: { ringId: string; members: string[] };
  planted: {
    /** An account with a Gmail address, a US phone and an address, sharing a device and a card with `hostileId`. */
    userId: string;
    email: string;
    phone: string;
    address: string;
    device: string;
    card: string;
    /** An account whose id is the Cypher-looking value, whose name is the SQL-looking one and address the HTML one. */
    hostileId: string;
  };
  /** Raw emails, phones and card ids of the input files (every planted one and a sample of the generated), for log checks. */
  pii: { emails: string[]; phones: string[]; cardIds: string[] };
  close(): void;
}

const PLANTED = {
  userId: 'planted-jane',
  email: 'jane.roe@gmail.com',
  phone: '+1 415 555 0134',
  address: '12 Elm Street, Dover',
  device: 'dev-planted-7781',
  card: 'card-planted-4242',
  hostileId: HOSTILE_VALUES.cypher,
};

function csvCell(v: string): string {
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

function writePlanted(dataDir: string): void {
  const row = (...cells: string[]) => cells.map(csvCell).join(',');
  fs.writeFileSync(
    path.join(dataDir, 'users-planted.csv'),
    [
      'user_id,created_at,name,email,phone,address,country,label',
      row(
        PLANTED.userId,
        '2026-01-05T10:00:00Z',
        'Jane Roe',
        PLANTED.email,
        PLANTED.phone,
        PLANTED.address,
        'US',
        '',
      ),
      row(
        PLANTED.hostileId,
        '2026-01-05T10:05:00Z',
        HOSTILE_VALUES.sql,
        'hostile@example.org',
        '',
        HOSTILE_VALUES.html,
        'US',
        '',
      ),
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dataDir, 'devices-planted.csv'),
    [
      'user_id,device_id,ip,seen_at',
      row(PLANTED.userId, PLANTED.device, '198.51.100.23', '2026-01-06T09:00:00Z'),
      row(PLANTED.hostileId, PLANTED.device, '198.51.100.23', '2026-01-06T09:30:00Z'),
      '',
    ].join('\n'),
  );
  fs.writeFileSync(
    path.join(dataDir, 'payments-planted.csv'),
    [
      'payment_id,payer_id,payee_id,amount,currency,created_at,card_id,device_id,status',
      row(
        'pay-planted-1',
        PLANTED.userId,
        PLANTED.hostileId,
        '120.50',
        'USD',
        '2026-01-07T12:00:00Z',
        PLANTED.card,
        PLANTED.device,
        'settled',
      ),
      row(
        'pay-planted-2',
        PLANTED.hostileId,
        PLANTED.userId,
        '99.00',
        'USD',
        '2026-01-08T12:00:00Z',
        PLANTED.card,
        '',
        'chargeback',
      ),
      '',
    ].join('\n'),
  );
}

/** Splits one RFC 4180 line (no embedded newlines in generated data). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') {
      cur += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else {
      cur += ch;
    }
  }
  out.push(cur);
  return out;
}

function columnValues(file: string, column: string, max: number): string[] {
  if (!fs.existsSync(file)) return [];
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const idx = cells(lines[0]).indexOf(column);
  const values = new Set<string>();
  for (const line of lines.slice(1)) {
    if (values.size >= max) break;
    const v = cells(line)[idx];
    if (v) values.add(v);
  }
  return [...values];
}

/**
 * Builds the fixture. `users` generated accounts (default 2,000), `seed` for the generator and
 * detection (default 7), in `dir` (default a fresh temporary directory; removed by `close`).
 */
export async function buildFixtureStore(
  opts: { users?: number; rings?: number; seed?: number; dir?: string } = {},
): Promise<FixtureStore> {
  const dir = opts.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'fr-fixture-'));
  const dataDir = path.join(dir, 'data');
  const dbPath = path.join(dir, 'fixture.db');
  fs.mkdirSync(dataDir, { recursive: true });
  const seed = opts.seed ?? 7;
  await generateDataset({
    outDir: dataDir,
    users: opts.users ?? 2000,
    rings: opts.rings ?? 12,
    seed,
  });
  writePlanted(dataDir);

  const store = openSqliteStore(dbPath);
  await store.migrate();
  try {
    await ingestPaths(store, [dataDir], {});
    await runDetection(store, { seed });
    const admin = await createUser(store, {
      name: 'fixture-admin',
      role: 'admin',
      password: 'admin-password-1',
    });
    const analyst = await createUser(store, {
      name: 'fixture-analyst',
      role: 'analyst',
      password: 'analyst-password-1',
    });
    const run = await store.latestRun();
    const top = await store.listRings({ flaggedOnly: true, limit: 1 });
    if (!run || top.items.length === 0) throw new Error('fixture-store: detection flagged no ring');
    const user = (u: typeof admin, password: string): FixtureUser => ({
      userId: u.user.userId,
      name: u.user.name,
      role: u.user.role,
      password,
      token: u.token,
    });
    return {
      dir,
      dbPath,
      dataDir,
      users: {
        admin: user(admin, 'admin-password-1'),
        analyst: user(analyst, 'analyst-password-1'),
      },
      runId: run.runId,
      ring: { ringId: top.items[0].ringId, members: top.items[0].members },
      planted: { ...PLANTED },
      pii: {
        emails: [
          PLANTED.email,
          'hostile@example.org',
          ...columnValues(path.join(dataDir, 'users.csv'), 'email', 3000),
        ],
        phones: [PLANTED.phone, ...columnValues(path.join(dataDir, 'users.csv'), 'phone', 3000)],
        cardIds: [
          PLANTED.card,
          ...columnValues(path.join(dataDir, 'payments.csv'), 'card_id', 3000),
        ],
      },
      close: () => {
        if (!opts.dir) fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  } finally {
    await store.close();
  }
}
