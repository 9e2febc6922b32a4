import type { AccountView, RingRecord, RunRecord } from '../../core/types';
import type { Masker } from '../../core/masking/masker';
import type { AccountSummary, RingSummary, RunSummary } from '../api-types';

/** A ring as lists show it; evidence masked unless `masked` is false. */
export function toRingSummary(r: RingRecord, masker: Masker, masked: boolean): RingSummary {
  return {
    ringId: r.ringId,
    runId: r.runId,
    score: r.score,
    flagged: r.flagged,
    size: r.size,
    status: r.status,
    parents: r.parents,
    evidence: masked ? r.evidence.map((e) => masker.evidence(e)) : r.evidence,
  };
}

/** An account's profile as lists show it. */
export function toAccountSummary(a: AccountView, masker: Masker, masked: boolean): AccountSummary {
  const v = masked ? masker.account(a) : a;
  return {
    userId: v.userId,
    name: v.name,
    email: v.email,
    phone: v.phone,
    country: v.country,
    label: v.label,
    stub: v.stub,
    createdAt: v.createdAt,
  };
}

export function toRunSummary(r: RunRecord): RunSummary {
  return { ...r };
}
