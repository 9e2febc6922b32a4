import { createHash } from 'node:crypto';
import { codeVersion } from '../config';
import { ConflictError, FraudRingsError } from '../errors';
import type { GraphStore } from '../store/port';
import { canonicalJson } from './canonical-json';
import {
  collectCaseSnapshot,
  isDecided,
  requireCase,
  SNAPSHOT_FORMAT,
  type CaseSnapshot,
} from './case-snapshot';

/** What identifies a frozen pack: the sha256 (hex) of its canonical JSON body, and when it was frozen. */
export interface EvidencePackRef {
  hash: string;
  createdAt: number;
}

/** sha256 (lower-case hex) of the canonical JSON of `body`: the pack's identity and tamper check. */
export function evidenceHash(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body), 'utf8').digest('hex');
}

/**
 * Freezes what is known about a decided case, so that later detection runs, ingests or edits never
 * change what an export of that decision says. Called when a case becomes `confirmed_fraud` or
 * `dismissed` (the case PATCH handler does this).
 *
 * The pack holds the case and its decision, the ring (members, features, score, evidence), the
 * run id and the code versions (the run's and `detectorVersion`, default `codeVersion()`), the
 * accounts with raw values (masking is a matter of who reads, decided at render time), their
 * subgraph, the payments among them and the notes. Its body is stored in canonical JSON form and
 * hashed; the hash is also written to the append-only audit log (`case.evidence_pack`), so a pack
 * altered later no longer matches a record it cannot rewrite.
 *
 * Idempotent for one decision: a pack already frozen for the same status and decision time is
 * returned as it is. Throws `CASE_NOT_FOUND`, or `CASE_NOT_DECIDED` for an open case.
 */
export async function freezeEvidencePack(
  store: GraphStore,
  caseId: string,
  opts: { actor: string; at: number; detectorVersion?: string },
): Promise<EvidencePackRef> {
  const record = await requireCase(store, caseId);
  if (!isDecided(record.status)) {
    throw new ConflictError(
      'CASE_NOT_DECIDED',
      `fraud-rings: case ${JSON.stringify(caseId)} is ${record.status}; only a decided case has an evidence pack`,
    );
  }
  const existing = await readEvidencePack(store, caseId);
  if (
    existing &&
    existing.body.decision?.status === record.status &&
    existing.body.decision.decidedAt === record.decidedAt
  ) {
    return { hash: existing.hash, createdAt: existing.createdAt };
  }
  const snapshot = await collectCaseSnapshot(store, record, {
    detectorVersion: opts.detectorVersion ?? codeVersion(),
    frozen: { at: opts.at, by: opts.actor },
  });
  const body = JSON.parse(canonicalJson(snapshot)) as CaseSnapshot;
  const ref = { hash: evidenceHash(body), createdAt: opts.at };
  await store.saveEvidencePack(caseId, { ...ref, body });
  await store.appendAudit({
    at: opts.at,
    actor: opts.actor,
    action: 'case.evidence_pack',
    target: `case:${caseId}`,
    detail: { hash: ref.hash, status: record.status },
  });
  return ref;
}

/**
 * The stored pack of a case, checked: its body must be a snapshot this code understands and must
 * hash to the stored hash, else `EVIDENCE_PACK_CORRUPT` (an export never presents altered
 * evidence as frozen). `null` when the case has no pack.
 */
export async function readEvidencePack(
  store: GraphStore,
  caseId: string,
): Promise<(EvidencePackRef & { body: CaseSnapshot }) | null> {
  const pack = await store.getEvidencePack(caseId);
  if (pack === null) return null;
  const body = pack.body as Partial<CaseSnapshot> | null;
  if (body === null || typeof body !== 'object' || body.format !== SNAPSHOT_FORMAT) {
    throw new FraudRingsError(
      'EVIDENCE_PACK_CORRUPT',
      `fraud-rings: evidence pack of case ${JSON.stringify(caseId)} has an unknown format`,
    );
  }
  if (evidenceHash(body) !== pack.hash) {
    throw new FraudRingsError(
      'EVIDENCE_PACK_CORRUPT',
      `fraud-rings: evidence pack of case ${JSON.stringify(caseId)} does not match its hash`,
    );
  }
  return { hash: pack.hash, createdAt: pack.createdAt, body: body as CaseSnapshot };
}

/**
 * What an export of a case shows: the frozen pack of a decided case, else the live state. A case
 * decided without a pack (decided before packs existed, or its freeze failed) is exported live
 * with `pack: null`, so the export says plainly that nothing was frozen; so is a case whose pack
 * belongs to an earlier decision (re-opened and decided again before its new pack was written).
 */
export async function loadCaseSnapshot(
  store: GraphStore,
  caseId: string,
): Promise<{ snapshot: CaseSnapshot; pack: EvidencePackRef | null }> {
  const record = await requireCase(store, caseId);
  if (isDecided(record.status)) {
    const pack = await readEvidencePack(store, caseId);
    if (
      pack &&
      pack.body.decision?.status === record.status &&
      pack.body.decision.decidedAt === record.decidedAt
    )
      return { snapshot: pack.body, pack: { hash: pack.hash, createdAt: pack.createdAt } };
  }
  return {
    snapshot: await collectCaseSnapshot(store, record, {
      detectorVersion: codeVersion(),
      frozen: null,
    }),
    pack: null,
  };
}
