/**
 * The RingStore part of the Neo4j adapter. A run is one `Run` node numbered in save order; each
 * ring of a run is one `Ring` node (a version of the ring: its id persists across runs) linked
 * from the run; lineage events are `LineageEvent` nodes numbered within their run. `saveRun`
 * writes all of it in one transaction. Features, evidence and run maps are JSON strings.
 */
import type { RingQuery } from '../port';
import type { Evidence, LineageEvent, Page, RingRecord, RunRecord } from '../../types';
import { ConflictError, InvalidInputError } from '../../errors';
import { ringSortKey } from './allow-list';
import type { CypherRunner, QueryTx } from './cypher-runner';
import { decodeCursor, encodeCursor } from './page-cursor';
import { json, num, numOrNull, str, strList, type Row } from './neo4j-values';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;
const WRITE_CHUNK = 1_000;

function clampLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidInputError('BAD_LIMIT', 'fraud-rings: limit must be a positive integer');
  return Math.min(limit, MAX_LIMIT);
}

const toRun = (r: Row): RunRecord => ({
  runId: str(r.runId),
  startedAt: num(r.startedAt),
  finishedAt: num(r.finishedAt),
  status: str(r.status) as RunRecord['status'],
  engine: str(r.engine) as RunRecord['engine'],
  seed: num(r.seed),
  resolution: num(r.resolution),
  codeVersion: str(r.codeVersion),
  params: json<Record<string, unknown>>(r.params, {}),
  modularity: numOrNull(r.modularity),
  counts: json<Record<string, number>>(r.counts, {}),
  timingsMs: json<Record<string, number>>(r.timingsMs, {}),
});

const toRing = (r: Row): RingRecord => ({
  ringId: str(r.ringId),
  runId: str(r.runId),
  score: num(r.score),
  flagged: r.flagged === true,
  size: num(r.size),
  members: strList(r.members),
  features: json<Record<string, number>>(r.features, {}),
  evidence: json<Evidence[]>(r.evidence, []),
  status: str(r.status) as RingRecord['status'],
  parents: strList(r.parents),
});

const toEvent = (r: Row): LineageEvent => ({
  runId: str(r.runId),
  ringId: str(r.ringId),
  kind: str(r.kind) as LineageEvent['kind'],
  related: strList(r.related),
  jaccard: numOrNull(r.jaccard),
});

const field = (rows: Row[], name: string): Row[] => rows.map((r) => r[name] as Row);

/** Runs `query` with `rows` under `key` in chunks, inside the caller's transaction. */
async function writeChunks(
  tx: QueryTx,
  query: string,
  key: string,
  rows: unknown[],
  extra: Record<string, unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    await tx.run(query, { ...extra, [key]: rows.slice(i, i + WRITE_CHUNK) });
  }
}

export class Neo4jRings {
  constructor(readonly runner: CypherRunner) {}

  async saveRun(run: RunRecord, rings: RingRecord[], lineage: LineageEvent[]): Promise<void> {
    await this.runner.writeTx('save run', async (tx) => {
      if ((await tx.run('get-run', { runId: run.runId })).length > 0) {
        throw new ConflictError('RUN_EXISTS', `fraud-rings: run ${run.runId} is already saved`);
      }
      const [saved] = await tx.run('save-run', {
        run: {
          ...run,
          params: JSON.stringify(run.params),
          counts: JSON.stringify(run.counts),
          timingsMs: JSON.stringify(run.timingsMs),
        },
      });
      await writeChunks(
        tx,
        'save-rings',
        'rings',
        rings.map((r) => ({
          versionId: `${run.runId}|${r.ringId}`,
          ringId: r.ringId,
          runId: run.runId,
          score: r.score,
          flagged: r.flagged,
          size: r.size,
          members: r.members,
          features: JSON.stringify(r.features),
          evidence: JSON.stringify(r.evidence),
          status: r.status,
          parents: r.parents,
        })),
        { runId: run.runId },
      );
      const events = lineage.map((e, seq) => ({
        seq,
        ringId: e.ringId,
        kind: e.kind,
        related: e.related,
        jaccard: e.jaccard,
      }));
      await writeChunks(tx, 'save-lineage', 'events', events, {
        runId: run.runId,
        runSeq: num(saved.seq),
      });
    });
  }

  async getRun(runId: string): Promise<RunRecord | null> {
    const [row] = await this.runner.read('get-run', { runId });
    return row ? toRun(row.run as Row) : null;
  }

  async latestRun(): Promise<RunRecord | null> {
    const [row] = await this.runner.read('latest-run');
    return row ? toRun(row.run as Row) : null;
  }

  async listRuns(limit: number): Promise<RunRecord[]> {
    return field(await this.runner.read('list-runs', { limit: clampLimit(limit) }), 'run').map(
      toRun,
    );
  }

  async listRings(query: RingQuery): Promise<Page<RingRecord>> {
    const sort = ringSortKey(query.sort);
    const runId = query.runId ?? (await this.latestRun())?.runId;
    if (runId === undefined) return { items: [], nextCursor: null };
    const limit = clampLimit(query.limit ?? DEFAULT_LIMIT);
    const [afterValue, afterId] = query.cursor
      ? decodeCursor(query.cursor, ['number', 'string'], 'BAD_CURSOR')
      : [null, null];
    const rows = await this.runner.read(
      'list-rings',
      {
        runId,
        flaggedOnly: query.flaggedOnly === true,
        status: query.status ?? null,
        minScore: query.minScore ?? null,
        afterValue,
        afterId,
        limit: limit + 1,
      },
      { ringSort: sort },
    );
    const items = field(rows, 'ring').slice(0, limit).map(toRing);
    const last = items[items.length - 1];
    const nextCursor =
      rows.length > limit && last
        ? encodeCursor([sort === 'size' ? last.size : last.score, last.ringId])
        : null;
    return { items, nextCursor };
  }

  async getRing(ringId: string, runId?: string): Promise<RingRecord | null> {
    const [row] = await this.runner.read('get-ring', { ringId, runId: runId ?? null });
    return row ? toRing(row.ring as Row) : null;
  }

  async ringLineage(ringId: string): Promise<LineageEvent[]> {
    return field(await this.runner.read('ring-lineage', { ringId }), 'event').map(toEvent);
  }

  async ringsOfAccount(userId: string, runId?: string): Promise<RingRecord[]> {
    const run = runId ?? (await this.latestRun())?.runId;
    if (run === undefined) return [];
    return field(await this.runner.read('rings-of-account', { runId: run, userId }), 'ring').map(
      toRing,
    );
  }
}
