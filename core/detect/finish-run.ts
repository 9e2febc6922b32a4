/**
 * The last stage of detection: score every candidate community, write its evidence, match it to
 * the previous run's rings (lineage), and save the run atomically.
 */
import { createHash } from 'node:crypto';
import type { ProjectionSource, RingStore } from '../store/port';
import type { LineageEvent, RingRecord, RunRecord } from '../types';
import { buildEvidence } from './evidence';
import type { DetectionConfig } from './config';
import {
  candidateFacts,
  candidateMembers,
  type CandidateFacts,
  type RingFeatures,
} from './features';
import { mergeResults, type GroupResult } from './groups';
import { candidateMoney, type PrefetchedMoney } from './member-money';
import { matchLineage, type LineageInput } from './lineage';
import { modularity } from './modularity';
import type { DetectionParams } from './params';
import type { Projection } from './projection';
import { stitchRelays } from './relay';
import { isFlagged, scoreRing } from './scoring';
import { stitchFlagged } from './stitch';
import { trimFlagged } from './trim';

export interface FinishContext {
  /** When the run started (epoch ms); default now. */
  startedAt?: number;
  /** Timings of the earlier stages, stored with the run. */
  timingsMs?: Record<string, number>;
  /** Extra counts of the earlier stages (e.g. groups). */
  counts?: Record<string, number>;
  now?: () => number;
  /** Payment totals fetched early (see member-money.ts); used when they cover every candidate. */
  money?: Promise<PrefetchedMoney>;
}

export interface DetectionResult {
  run: RunRecord;
  /** Every candidate of the run, best score first, ties by ring id. */
  rings: RingRecord[];
}

/**
 * Scores, explains and links the communities found by `detectGroup` (or any engine, see
 * `communitiesFromAssignments`), then saves the run with its rings and lineage events.
 * Deterministic: the same projection, communities, parameters and previous run give the same
 * run id and rings.
 */
export async function finishRun(
  store: ProjectionSource & RingStore,
  projection: Projection,
  results: GroupResult[],
  params: DetectionParams,
  context: FinishContext = {},
): Promise<DetectionResult> {
  const now = context.now ?? Date.now;
  const startedAt = context.startedAt ?? now();
  const t0 = now();
  const config = params.detection;
  const communities = mergeResults(results);
  const { facts, scores, scored } = await scoredCandidates(
    store,
    projection,
    communities,
    config,
    context.money,
  );
  const keys = new Set<number>();
  for (const f of facts) {
    f.shared.slice(0, config.evidence.maxSharedItems).forEach((s) => keys.add(s.identifierKey));
    if (f.sync) keys.add(f.sync.identifierKey);
  }
  const values = await store.identifierValues([...keys].sort((a, b) => a - b));
  const display = (key: number) => values.get(key)?.raw ?? `#${key}`;
  const userIds = projection.accounts.userIds;
  const memberLists = facts.map((f) => f.members.map((i) => userIds[i]).sort(compare));
  const t1 = now();

  const previousRun = await store.latestRun();
  const previous = previousRun ? await allRings(store, previousRun.runId) : [];
  const { rings: outcomes, dissolved } = matchLineage(previous, memberLists);
  const draft: Array<Omit<RingRecord, 'runId'> & { jaccard: number | null }> = facts.map((f, i) => {
    const score = scores[i];
    return {
      jaccard: outcomes[i].jaccard,
      ringId: outcomes[i].ringId,
      score,
      flagged: isFlagged(score, config),
      size: f.features.size,
      members: memberLists[i],
      features: roundFeatures(f.features),
      evidence: buildEvidence(f, display, config.evidence.maxSharedItems),
      status: outcomes[i].status,
      parents: outcomes[i].parents,
    };
  });
  draft.sort((a, b) => b.score - a.score || compare(a.ringId, b.ringId));
  const runId = runIdFor(previousRun?.runId ?? null, params, draft);
  const rings: RingRecord[] = draft.map(({ jaccard: _j, ...r }) => ({ ...r, runId }));
  const lineage: LineageEvent[] = [
    ...draft.map((r) => ({
      runId,
      ringId: r.ringId,
      kind: r.status,
      related: r.parents,
      jaccard: r.jaccard,
    })),
    ...dissolved.map((d) => ({
      runId,
      ringId: d.ringId,
      kind: d.kind,
      related: d.related,
      jaccard: null,
    })),
  ];
  const t2 = now();
  const flagged = rings.filter((r) => r.flagged).length;
  const counts: Record<string, number> = {
    accounts: projection.stats.accounts,
    stubAccounts: projection.stats.stubAccounts,
    sharedIdentifiers: projection.stats.sharedIdentifiers,
    paymentPairs: projection.stats.paymentPairs,
    edges: projection.stats.edges,
    ...(context.counts ?? {}),
    communities: communities.length,
    scored,
    candidates: rings.length,
    flagged,
    dissolved: dissolved.length,
  };
  for (const status of ['new', 'ongoing', 'grown', 'shrunk', 'merged', 'split'] as const) {
    counts[status] = rings.filter((r) => r.status === status).length;
  }
  const run: RunRecord = {
    runId,
    startedAt,
    finishedAt: 0,
    status: 'completed',
    engine: params.engine,
    seed: params.seed,
    resolution: params.resolution,
    codeVersion: params.codeVersion,
    params: { ...params },
    modularity: roundTo(modularity(projection, communities, params.resolution), 6),
    counts,
    timingsMs: { ...(context.timingsMs ?? {}), scoring: t1 - t0, lineage: t2 - t1 },
  };
  const t3 = now();
  run.finishedAt = t3;
  await store.saveRun(run, rings, lineage);
  const t4 = now();
  run.timingsMs.save = t4 - t3;
  run.timingsMs.total = t4 - startedAt;
  return { run, rings };
}

interface ScoredFacts {
  f: CandidateFacts;
  score: number;
}

/**
 * The candidates of a run with their facts and scores: communities without stubs and of at least
 * `minSize` members, flagged parts stitched together (stitch.ts), flagged rings trimmed of loosely
 * attached members (trim.ts), flagged rings joined with the quick money relays they feed
 * (relay.ts), then only those scoring at least `candidates.minScore`.
 */
async function scoredCandidates(
  store: ProjectionSource,
  projection: Projection,
  communities: number[][],
  config: DetectionConfig,
  prefetched?: Promise<PrefetchedMoney>,
) {
  const parts = candidateMembers(projection, communities, config);
  const money = await candidateMoney(store, projection, parts, prefetched);
  // Most lists come through every step unchanged (the same array): facts and score once each.
  const known = new Map<number[], ScoredFacts>();
  const scoredOf = (lists: number[][]): ScoredFacts[] => {
    const fresh = lists.filter((c) => !known.has(c));
    // Each call makes full passes over the projection: skip it when every list is known.
    if (fresh.length > 0) {
      candidateFacts(projection, fresh, money, config).forEach((f, i) =>
        known.set(fresh[i], { f, score: scoreRing(f.features, config) }),
      );
    }
    return lists.map((c) => known.get(c) as ScoredFacts);
  };
  const flaggedOf = (lists: number[][]) => scoredOf(lists).map((c) => isFlagged(c.score, config));
  const stitched = stitchFlagged(
    projection,
    parts,
    flaggedOf(parts),
    config.candidates.stitchMinShare,
  );
  const trimmed = trimFlagged(projection, stitched, flaggedOf(stitched), money, {
    minInsideShare: config.candidates.trimMinInsideShare,
    minSize: config.candidates.minSize,
  });
  const relayed = stitchRelays(projection, trimmed, flaggedOf(trimmed), money, {
    minShare: config.candidates.relayMinShare,
    hours: config.candidates.relayHours,
  }).candidates.filter((c) => c.length >= config.candidates.minSize);
  const all = scoredOf(relayed);
  const kept = all.filter((c) => c.score >= config.candidates.minScore);
  return { facts: kept.map((c) => c.f), scores: kept.map((c) => c.score), scored: all.length };
}

/** Every ring of a run (all pages). */
async function allRings(store: RingStore, runId: string): Promise<LineageInput[]> {
  const out: LineageInput[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listRings({ runId, cursor, limit: 10_000 });
    for (const r of page.items) out.push({ ringId: r.ringId, members: r.members });
    cursor = page.nextCursor;
  } while (cursor !== null);
  return out;
}

/** Content-derived run id: previous run, parameters and the rings found, so reruns on equal stores agree. */
function runIdFor(
  previous: string | null,
  params: DetectionParams,
  rings: Array<Omit<RingRecord, 'runId'>>,
): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ previous, params }));
  for (const r of rings) h.update(`${r.ringId}:${r.score}:${r.members.join(',')}\n`);
  return `run-${h.digest('hex').slice(0, 16)}`;
}

function roundFeatures(f: RingFeatures): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(f)) out[k] = roundTo(v, 4);
  return out;
}

function roundTo(x: number, digits: number): number {
  const p = 10 ** digits;
  return Math.round(x * p) / p;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
