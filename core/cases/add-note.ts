import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../store/port';
import type { CaseNote } from '../types';
import { recordAudit } from '../audit/record-audit';

/** Adds an investigator's note to a case (`CASE_NOT_FOUND` otherwise). Audited as `case.note`. */
export async function addCaseNote(
  store: GraphStore,
  caseId: string,
  text: string,
  actor: string,
  now: number = Date.now(),
): Promise<CaseNote> {
  const note = await store.addNote({
    noteId: randomUUID(),
    caseId,
    author: actor,
    text,
    createdAt: now,
  });
  await recordAudit(store, {
    actor,
    action: 'case.note',
    target: `case:${caseId}`,
    at: now,
    detail: { noteId: note.noteId },
  });
  return note;
}
