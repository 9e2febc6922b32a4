import type { AuditStore } from '../store/port';
import type { AuditEntry } from '../types';
import type { AuditAction } from './audit-actions';

/** Who did what to which target, and when. `actor` is an app user id (or `anonymous` for a failed login). */
export interface AuditFact {
  actor: string;
  action: AuditAction;
  target: string;
  detail?: Record<string, unknown>;
  at?: number;
}

/** Appends one fact to the append-only audit log. */
export function recordAudit(store: AuditStore, fact: AuditFact): Promise<AuditEntry> {
  return store.appendAudit({
    at: fact.at ?? Date.now(),
    actor: fact.actor,
    action: fact.action,
    target: fact.target,
    detail: fact.detail ?? {},
  });
}

/**
 * Records a PII reveal: the reason given, the reply it applied to. Callers reveal only after this
 * resolved, so a reply never shows data whose reveal was not written down.
 */
export function recordReveal(
  store: AuditStore,
  reveal: { actor: string; target: string; reason: string; at?: number },
): Promise<AuditEntry> {
  return recordAudit(store, {
    actor: reveal.actor,
    action: 'pii.reveal',
    target: reveal.target,
    at: reveal.at,
    detail: { reason: reveal.reason },
  });
}
