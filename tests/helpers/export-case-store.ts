import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { normalizeIdentifier } from '../../core/identifiers/normalize';
import type { GraphStore } from '../../core/store/port';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type {
  AccountInput,
  IdentifierRef,
  PaymentInput,
  RingRecord,
  RunRecord,
  SightingInput,
} from '../../core/types';

export const T0 = Date.UTC(2026, 3, 1, 8);
export const HOSTILE_NAME = '<img src=x onerror=alert(1)><script>alert(2)</script>';

const ref = (kind: IdentifierRef['kind'], raw: string): IdentifierRef =>
  normalizeIdentifier(kind, raw) as IdentifierRef;

function user(userId: string, name: string, email: string, phone: string): AccountInput {
  return {
    userId,
    createdAt: T0,
    name,
    email,
    phone,
    address: '12 Main St, Springfield',
    country: 'GB',
    label: null,
    identifiers: [
      ref('email', email),
      ref('phone', phone),
      ref('address', '12 Main St, Springfield'),
    ],
  };
}

/** Accounts of the seeded store: `a`, `b`, `c` share a device and a card; `d` joins them in run 2. */
export const ACCOUNTS = ['=acct-a', 'acct-b', 'acct-c', 'acct-d'] as const;

/**
 * A real SQLite store in a temporary directory, loaded with four accounts (one with a hostile name
 * and a formula-triggering id), their sightings and payments among them.
 */
export async function seededStore(): Promise<{
  store: GraphStore;
  dir: string;
  file: string;
  cleanup: () => Promise<void>;
}> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-store-'));
  const file = path.join(dir, 'fraud-rings.db');
  const store = openSqliteStore(file);
  await store.migrate();
  const [a, b, c, d] = ACCOUNTS;
  const users = [
    user(a, HOSTILE_NAME, 'John.Doe@gmail.com', '+44 20 7946 0001'),
    user(b, 'Bea', 'bea@example.com', '+44 20 7946 0002'),
    user(c, 'Cy', 'cy@example.com', '+44 20 7946 0003'),
    user(d, 'Di', 'di@example.com', '+44 20 7946 0004'),
  ];
  const sightings: SightingInput[] = ACCOUNTS.map((u, i) => ({
    userId: u,
    deviceId: 'dev-shared-1',
    ip: null,
    seenAt: T0 + i * 60_000,
    identifiers: [ref('device', 'dev-shared-1')],
  }));
  const payment = (id: string, payer: string, payee: string, amount: number): PaymentInput => ({
    paymentId: id,
    payerId: payer,
    payeeId: payee,
    amount,
    currency: 'GBP',
    createdAt: T0 + 3_600_000,
    cardId: 'card-77aa1234',
    deviceId: null,
    status: 'settled',
    identifiers: [ref('card', 'card-77aa1234')],
  });
  await store.load(async (w) => {
    await w.upsertAccounts(users);
    await w.upsertSightings(sightings);
    await w.upsertPayments([
      payment('p1', a, b, 50),
      payment('p2', b, c, 25.5),
      payment('p3', c, a, 10),
      payment('p4', d, a, 5),
    ]);
  });
  return {
    store,
    dir,
    file,
    cleanup: async () => {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Saves a completed detection run holding one ring `ring-1` with the given members and score. */
export async function saveRingRun(
  store: GraphStore,
  runId: string,
  at: number,
  members: string[],
  score: number,
): Promise<void> {
  const run: RunRecord = {
    runId,
    startedAt: at,
    finishedAt: at + 1000,
    status: 'completed',
    engine: 'graphology',
    seed: 42,
    resolution: 1,
    codeVersion: '0.1.0',
    params: {},
    modularity: 0.4,
    counts: { rings: 1 },
    timingsMs: { total: 1000 },
  };
  const ring: RingRecord = {
    ringId: 'ring-1',
    runId,
    score,
    flagged: true,
    size: members.length,
    members,
    features: { size: members.length, sharedDevices: 1 },
    evidence: [
      {
        kind: 'shared_device',
        value: 'dev-shared-1',
        accounts: members.length,
        text: `${members.length} accounts share device dev-shared-1`,
      },
    ],
    status: 'new',
    parents: [],
  };
  await store.saveRun(
    run,
    [ring],
    [{ runId, ringId: 'ring-1', kind: 'new', related: [], jaccard: null }],
  );
}
