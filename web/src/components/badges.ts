/** Small status and score marks shared by every screen. */
import type { ApiCaseStatus, ApiJobState, ApiLineageKind } from '../../../server/api-types';
import { h } from '../dom';
import { humanize } from '../format';

/** A ring status or lineage kind: `new`, `grown`, `dissolved`, … */
export function ringStatusBadge(status: ApiLineageKind): HTMLSpanElement {
  return h(
    'span',
    { class: ['badge', `badge-ring-${status}`], data: { status } },
    humanize(status),
  );
}

export function caseStatusBadge(status: ApiCaseStatus): HTMLSpanElement {
  return h(
    'span',
    { class: ['badge', `badge-case-${status.replace(/_/g, '-')}`], data: { status } },
    humanize(status),
  );
}

export function jobStateBadge(state: ApiJobState): HTMLSpanElement {
  return h('span', { class: ['badge', `badge-job-${state}`], data: { state } }, humanize(state));
}

/** Score 0–100 as a coloured pill: high ≥ 70, medium ≥ 40, low below. */
export function scorePill(score: number): HTMLSpanElement {
  const band = score >= 70 ? 'high' : score >= 40 ? 'medium' : 'low';
  return h(
    'span',
    { class: ['score', `score-${band}`], attrs: { title: `Score ${score} of 100` } },
    String(Math.round(score)),
  );
}

/** `fraud` / `legit` account label, or nothing. */
export function labelBadge(label: string | null): HTMLSpanElement | null {
  if (!label) return null;
  return h('span', { class: ['badge', `badge-label-${label}`] }, humanize(label));
}
