import { bindAll } from '../bind-all';
import type { AuditStore, GraphStore } from '../port';
import { migrate, openDatabase } from './database';
import { SqliteEntities } from './entities';
import { SqliteProjection } from './projection';
import { SqliteRings } from './rings';
import { SqliteCases } from './cases';
import { SqliteUsers } from './users';
import { SqliteAudit } from './audit';
import { bumpDataGeneration, dataGeneration } from './data-generation';

/**
 * What the SQLite adapter offers beyond the port: the store's data generation, a token that
 * changes whenever a graph view's data may have changed. It combines the counter of migration 006
 * (bumped in the same transaction as every load and detection run, in any process) with a count
 * of the loads started on this connection, and is null while a load is in progress here: a load
 * holds its transaction open across many turns of the event loop, and reads on its connection
 * see its uncommitted rows, which a rollback would take back without bumping the counter. The
 * API keeps built graph views while the token is unchanged (server/views/view-cache.ts).
 */
export interface DataGenerationSource {
  dataGeneration(): string | null;
}

/** The embedded default: one SQLite file, assembled from one class per concern of the port. */
export function openSqliteStore(file: string): GraphStore & DataGenerationSource {
  const db = openDatabase(file);
  const entities = bindAll(new SqliteEntities(db));
  const audit = new SqliteAudit(db);
  let loadsStarted = 0;
  let loadsInProgress = 0;
  return {
    kind: 'sqlite',
    ...entities,
    // The bump commits with the load (runLoad commits after `fn` and the writer's last rows).
    async load(fn) {
      loadsStarted++;
      loadsInProgress++;
      try {
        return await entities.load(async (writer) => {
          const result = await fn(writer);
          bumpDataGeneration(db);
          return result;
        });
      } finally {
        loadsInProgress--;
      }
    },
    ...bindAll(new SqliteProjection(db)),
    ...bindAll(new SqliteRings(db)),
    ...bindAll(new SqliteCases(db)),
    ...bindAll(new SqliteUsers(db)),
    ...bindAll<AuditStore>(audit),
    dataGeneration: () =>
      loadsInProgress > 0 || db.inTransaction ? null : `${dataGeneration(db)}.${loadsStarted}`,
    async migrate() {
      migrate(db);
    },
    async close() {
      if (!db.open) return;
      audit.flushAudit();
      db.close();
    },
  };
}
