import { bindAll } from '../bind-all';
import type { GraphStore } from '../port';
import { migrate, openDatabase } from './database';
import { SqliteEntities } from './entities';
import { SqliteProjection } from './projection';
import { SqliteRings } from './rings';
import { SqliteCases } from './cases';
import { SqliteUsers } from './users';
import { SqliteAudit } from './audit';

/** The embedded default: one SQLite file, assembled from one class per concern of the port. */
export function openSqliteStore(file: string): GraphStore {
  const db = openDatabase(file);
  return {
    kind: 'sqlite',
    ...bindAll(new SqliteEntities(db)),
    ...bindAll(new SqliteProjection(db)),
    ...bindAll(new SqliteRings(db)),
    ...bindAll(new SqliteCases(db)),
    ...bindAll(new SqliteUsers(db)),
    ...bindAll(new SqliteAudit(db)),
    async migrate() {
      migrate(db);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
