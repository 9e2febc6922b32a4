/**
 * Writes one spooled batch in one transaction: the upsert, the PAYS refresh for payments, and
 * the integer keys of accounts and identifiers the batch created (so ProjectionSource never
 * sees an account without a key). Every statement is an idempotent MERGE on a constrained key,
 * so a batch that failed (or a whole load re-run after a crash) converges to the same state.
 */
import type { AccountInput, IdentifierRef, PaymentInput, SightingInput } from '../../types';
import type { QueryTx } from './cypher-runner';
import type { SpooledBatch } from './load-spool';

function identifierRefs(
  rows: Array<{ identifiers: IdentifierRef[] }>,
): Array<{ kind: string; value: string }> {
  const seen = new Map<string, { kind: string; value: string }>();
  for (const r of rows)
    for (const i of r.identifiers)
      seen.set(`${i.kind}\u0000${i.value}`, { kind: i.kind, value: i.value });
  return [...seen.values()];
}

const refRows = (ids: IdentifierRef[]) =>
  ids.map((i) => ({ kind: i.kind, value: i.value, raw: i.raw }));

/** The key of a sighting: the whole normalised row, as in the data contract. */
export function sightingId(row: SightingInput): string {
  const device = row.identifiers.find((i) => i.kind === 'device')?.value ?? row.deviceId;
  const ip = row.identifiers.find((i) => i.kind === 'ip')?.value ?? '';
  return JSON.stringify([row.userId, device, row.seenAt, ip]);
}

async function writeAccounts(tx: QueryTx, rows: AccountInput[]): Promise<void> {
  await tx.run('upsert-accounts', {
    rows: rows.map((r) => ({
      userId: r.userId,
      createdAt: r.createdAt,
      name: r.name,
      email: r.email,
      phone: r.phone,
      address: r.address,
      country: r.country,
      label: r.label,
    })),
  });
  await tx.run('upsert-profile-identifiers', {
    rows: rows.map((r) => ({ userId: r.userId, identifiers: refRows(r.identifiers) })),
  });
  await tx.run('assign-account-keys', { userIds: rows.map((r) => r.userId) });
  await tx.run('assign-identifier-keys', { refs: identifierRefs(rows) });
}

async function writeSightings(tx: QueryTx, rows: SightingInput[]): Promise<void> {
  await tx.run('upsert-sightings', {
    rows: rows.map((r) => ({
      sightingId: sightingId(r),
      userId: r.userId,
      deviceId: r.deviceId,
      ip: r.ip,
      seenAt: r.seenAt,
      identifiers: refRows(r.identifiers),
    })),
  });
  await tx.run('assign-account-keys', { userIds: [...new Set(rows.map((r) => r.userId))] });
  await tx.run('assign-identifier-keys', { refs: identifierRefs(rows) });
}

async function writePayments(tx: QueryTx, rows: PaymentInput[]): Promise<void> {
  const before = await tx.run('payment-pairs', { paymentIds: rows.map((r) => r.paymentId) });
  await tx.run('upsert-payments', {
    rows: rows.map((r) => ({
      paymentId: r.paymentId,
      payerId: r.payerId,
      payeeId: r.payeeId,
      amount: r.amount,
      currency: r.currency,
      createdAt: r.createdAt,
      cardId: r.cardId,
      deviceId: r.deviceId,
      status: r.status,
      identifiers: refRows(r.identifiers),
    })),
  });
  const pairs = new Map<string, { payerId: string; payeeId: string }>();
  for (const p of [
    ...before.map((b) => ({ payerId: String(b.payerId), payeeId: String(b.payeeId) })),
    ...rows,
  ]) {
    pairs.set(JSON.stringify([p.payerId, p.payeeId]), { payerId: p.payerId, payeeId: p.payeeId });
  }
  await tx.run('refresh-payment-links', { pairs: [...pairs.values()] });
  await tx.run('assign-account-keys', {
    userIds: [...new Set(rows.flatMap((r) => [r.payerId, r.payeeId]))],
  });
  await tx.run('assign-identifier-keys', { refs: identifierRefs(rows) });
}

/** Writes one batch with the statements of its kind, inside the caller's transaction. */
export async function writeBatch(tx: QueryTx, batch: SpooledBatch): Promise<void> {
  if (batch.kind === 'accounts') return writeAccounts(tx, batch.rows);
  if (batch.kind === 'sightings') return writeSightings(tx, batch.rows);
  return writePayments(tx, batch.rows);
}
