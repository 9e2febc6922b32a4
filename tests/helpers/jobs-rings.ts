/**
 * Reading back what a pipeline produced, to compare a BullMQ run with the in-process steps:
 * the latest run's rings, and the entity counts.
 */
import type { Config } from '../../core/config';
import { runDetection } from '../../core/detect/run-detection';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { EntityCounts } from '../../core/types';

export interface RingDigest {
  ringId: string;
  score: number;
  flagged: boolean;
  members: string[];
}

export interface StoreDigest {
  runId: string | null;
  runs: number;
  rings: RingDigest[];
  counts: EntityCounts;
}

/** The latest run's rings (all of them, best first) and the entity counts of a SQLite store. */
export async function digestStore(dbPath: string): Promise<StoreDigest> {
  const store = openSqliteStore(dbPath);
  try {
    await store.migrate();
    const run = await store.latestRun();
    const rings: RingDigest[] = [];
    if (run) {
      let cursor: string | null = null;
      do {
        const page = await store.listRings({ runId: run.runId, cursor, limit: 1000 });
        rings.push(
          ...page.items.map((r) => ({
            ringId: r.ringId,
            score: r.score,
            flagged: r.flagged,
            members: r.members,
          })),
        );
        cursor = page.nextCursor;
      } while (cursor !== null);
    }
    return {
      runId: run?.runId ?? null,
      runs: (await store.listRuns(1000)).length,
      rings,
      counts: await store.counts(),
    };
  } finally {
    await store.close();
  }
}

/** `ingest PATHS` then `detect`, called directly in one process with no runner: the reference result. */
export async function referenceRun(
  dbPath: string,
  paths: string[],
  config: Config,
): Promise<StoreDigest> {
  const store = openSqliteStore(dbPath);
  try {
    await store.migrate();
    await ingestPaths(store, paths, {});
    await runDetection(store, { seed: config.detectSeed, resolution: config.detectResolution });
  } finally {
    await store.close();
  }
  return digestStore(dbPath);
}
