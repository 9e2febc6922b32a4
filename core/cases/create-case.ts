import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../store/port';
import type { CaseRecord } from '../types';
import { InvalidInputError, NotFoundError } from '../errors';
import { recordAudit } from '../audit/record-audit';

export type NewCase =
  | { title?: string; ringId: string; runId?: string; accounts?: undefined }
  | { title?: string; accounts: string[]; ringId?: undefined; runId?: undefined };

/**
 * Opens a case on a ring (its members as of `runId`, default the latest run that has it) or on a
 * list of accounts, which must all exist (`UNKNOWN_ACCOUNTS` otherwise). Audited as `case.create`.
 */
export async function createCase(
  store: GraphStore,
  input: NewCase,
  actor: string,
  now: number = Date.now(),
): Promise<CaseRecord> {
  let accounts: string[];
  let ringId: string | null = null;
  let runId: string | null = null;
  if (input.ringId !== undefined) {
    const ring = await store.getRing(input.ringId, input.runId);
    if (!ring) throw new NotFoundError('RING_NOT_FOUND', `fraud-rings: no ring ${input.ringId}`);
    accounts = ring.members;
    ringId = ring.ringId;
    runId = ring.runId;
  } else {
    accounts = [...new Set(input.accounts)];
    const found = new Set((await store.getAccounts(accounts)).map((a) => a.userId));
    const missing = accounts.filter((id) => !found.has(id));
    if (missing.length > 0) {
      throw new InvalidInputError(
        'UNKNOWN_ACCOUNTS',
        `fraud-rings: ${missing.length} of the accounts do not exist`,
        { missing: missing.slice(0, 20) },
      );
    }
  }
  const record: CaseRecord = {
    caseId: randomUUID(),
    title: input.title ?? (ringId ? `Ring ${ringId}` : `${accounts.length} accounts`),
    ringId,
    runId,
    accounts,
    status: 'open',
    assignee: null,
    decisionNote: null,
    decidedBy: null,
    decidedAt: null,
    createdBy: actor,
    createdAt: now,
    updatedAt: now,
  };
  const created = await store.createCase(record);
  await recordAudit(store, {
    actor,
    action: 'case.create',
    target: `case:${created.caseId}`,
    at: now,
    detail: { ringId, accounts: accounts.length },
  });
  return created;
}
