import type { CasePatch, GraphStore } from '../store/port';
import type { CaseRecord, CaseStatus } from '../types';
import { ConflictError, InvalidInputError, NotFoundError } from '../errors';
import { recordAudit } from '../audit/record-audit';
import { freezeEvidencePack } from '../export/evidence-pack';

export const DECISIONS: ReadonlySet<CaseStatus> = new Set<CaseStatus>([
  'confirmed_fraud',
  'dismissed',
]);

export interface CaseChange {
  status?: CaseStatus;
  /** A user name of this installation, or null to unassign. */
  assignee?: string | null;
  decisionNote?: string | null;
}

/**
 * Changes a case's status, assignee or decision note. Deciding (`confirmed_fraud`, `dismissed`)
 * records who and when, and freezes the case's evidence pack; a decision is final, so changing
 * the status of a decided case is `CASE_ALREADY_DECIDED`. Audited as `case.update` with the
 * fields changed (old and new status, assignee).
 */
export async function updateCase(
  store: GraphStore,
  caseId: string,
  change: CaseChange,
  actor: string,
  now: number = Date.now(),
): Promise<CaseRecord> {
  const current = await store.getCase(caseId);
  if (!current) throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${caseId}`);
  const decided = DECISIONS.has(current.status);
  if (decided && change.status !== undefined && change.status !== current.status) {
    throw new ConflictError(
      'CASE_ALREADY_DECIDED',
      `fraud-rings: case ${caseId} is already ${current.status}`,
    );
  }
  if (change.assignee != null && !(await store.getUserByName(change.assignee))) {
    throw new InvalidInputError(
      'UNKNOWN_ASSIGNEE',
      'fraud-rings: the assignee is not a user of this installation',
    );
  }
  const patch: CasePatch = { ...change };
  const deciding = !decided && change.status !== undefined && DECISIONS.has(change.status);
  if (deciding) {
    patch.decidedBy = actor;
    patch.decidedAt = now;
  }
  const updated = await store.updateCase(caseId, patch, now);
  await recordAudit(store, {
    actor,
    action: 'case.update',
    target: `case:${caseId}`,
    at: now,
    detail: {
      fields: Object.keys(change),
      ...(change.status !== undefined ? { from: current.status, to: updated.status } : {}),
      ...(change.assignee !== undefined ? { assignee: updated.assignee } : {}),
    },
  });
  if (deciding) await freezeEvidencePack(store, caseId, { actor, at: now });
  return updated;
}
