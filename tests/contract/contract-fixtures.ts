/**
 * Builders for the contract suite. Every test takes its ids from `uniqueIds()`, so tests never
 * see each other's data and the suite can run against a store that already holds data (a
 * shared Neo4j test database): counts are compared as differences, lists are filtered by id.
 */
import type {
  AccountInput,
  IdentifierKind,
  IdentifierRef,
  PaymentInput,
  RingRecord,
  RunRecord,
  SightingInput,
} from '../../core/types';
import type { GraphStore } from '../../core/store/port';

let counter = 0;

/** A fresh id prefix per call: `t<n>-<random>-`. */
export function uniqueIds(): (name: string) => string {
  const prefix = `t${++counter}-${Math.random().toString(36).slice(2, 8)}-`;
  return (name: string) => prefix + name;
}

export const ref = (kind: IdentifierKind, value: string, raw = value): IdentifierRef => ({
  kind,
  value,
  raw,
});

export const T0 = Date.UTC(2026, 2, 1, 10, 0, 0);
export const HOUR = 3_600_000;

export function account(userId: string, over: Partial<AccountInput> = {}): AccountInput {
  return {
    userId,
    createdAt: T0,
    name: `Name of ${userId}`,
    email: null,
    phone: null,
    address: null,
    country: 'GB',
    label: null,
    identifiers: [],
    ...over,
  };
}

/** An account whose profile email is `email` (normalised = lower case). */
export function accountWithEmail(
  userId: string,
  email: string,
  over: Partial<AccountInput> = {},
): AccountInput {
  return account(userId, {
    email,
    identifiers: [ref('email', email.toLowerCase(), email)],
    ...over,
  });
}

export function sighting(
  userId: string,
  device: string,
  seenAt: number,
  ip: string | null = null,
): SightingInput {
  return {
    userId,
    deviceId: device,
    ip,
    seenAt,
    identifiers: [ref('device', device), ...(ip ? [ref('ip', ip)] : [])],
  };
}

export function payment(
  paymentId: string,
  payerId: string,
  payeeId: string,
  amount: number,
  over: Partial<PaymentInput> = {},
): PaymentInput {
  return {
    paymentId,
    payerId,
    payeeId,
    amount,
    currency: 'EUR',
    createdAt: T0,
    cardId: null,
    deviceId: null,
    status: 'settled',
    identifiers: [],
    ...over,
  };
}

export function run(runId: string, over: Partial<RunRecord> = {}): RunRecord {
  return {
    runId,
    startedAt: T0,
    finishedAt: T0 + 1000,
    status: 'completed',
    engine: 'graphology',
    seed: 42,
    resolution: 1,
    codeVersion: '0.1.0',
    params: { hubCutoff: 50, weights: { email: 1, device: 0.8 } },
    modularity: 0.42,
    counts: { rings: 3, accounts: 12 },
    timingsMs: { projection: 12, louvain: 34 },
    ...over,
  };
}

export function ring(
  ringId: string,
  runId: string,
  score: number,
  members: string[],
  over: Partial<RingRecord> = {},
): RingRecord {
  return {
    ringId,
    runId,
    score,
    flagged: score >= 50,
    size: members.length,
    members,
    features: { density: 0.5, sharedIdentifiers: 2 },
    evidence: [
      {
        kind: 'shared_device',
        value: 'dev-1',
        accounts: members.length,
        text: `${members.length} accounts share device dev-1`,
      },
    ],
    status: 'new',
    parents: [],
    ...over,
  };
}

/** Loads accounts, sightings and payments in one load. */
export async function loadAll(
  store: GraphStore,
  data: { accounts?: AccountInput[]; sightings?: SightingInput[]; payments?: PaymentInput[] },
): Promise<void> {
  await store.load(async (w) => {
    if (data.accounts) await w.upsertAccounts(data.accounts);
    if (data.sightings) await w.upsertSightings(data.sightings);
    if (data.payments) await w.upsertPayments(data.payments);
  });
}

/** Difference of two count snapshots, key by key. */
export function delta<T extends object>(after: T, before: T): Record<keyof T, number> {
  const out = {} as Record<keyof T, number>;
  for (const k of Object.keys(after) as Array<keyof T>)
    out[k] = (after[k] as number) - (before[k] as number);
  return out;
}
