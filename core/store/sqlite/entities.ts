import type { EntityStore, LoadWriter } from '../port';
import type {
  AccountView,
  EntityCounts,
  IdentifierKind,
  NeighbourhoodQuery,
  SearchHit,
  Subgraph,
} from '../../types';
import type { Db } from './database';
import { counts } from './entities/counts';
import { getAccount, getAccounts } from './entities/get-accounts';
import { neighbourhood } from './entities/neighbourhood';
import { runLoad } from './entities/run-load';
import { search } from './entities/search';
import { subgraphOf } from './entities/subgraph-of';

/**
 * The `EntityStore` part of the SQLite adapter: one operation per file under `entities/`, over
 * the tables of `migrations/001-entities.sql`. Reads are synchronous better-sqlite3 calls behind
 * the async port. Subgraph node and edge ids: see `entities/graph-elements.ts`.
 */
class EntitiesTable implements EntityStore {
  constructor(private readonly db: Db) {}

  load<T>(fn: (writer: LoadWriter) => Promise<T>): Promise<T> {
    return runLoad(this.db, fn);
  }

  async counts(): Promise<EntityCounts> {
    return counts(this.db);
  }

  async getAccount(userId: string): Promise<AccountView | null> {
    return getAccount(this.db, userId);
  }

  async getAccounts(userIds: string[]): Promise<AccountView[]> {
    return getAccounts(this.db, userIds);
  }

  async neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    return neighbourhood(this.db, query);
  }

  async subgraphOf(userIds: string[], opts: { limit: number; hubCap: number }): Promise<Subgraph> {
    return subgraphOf(this.db, userIds, opts);
  }

  async search(
    query: { kind: IdentifierKind | 'account'; value: string },
    limit: number,
  ): Promise<SearchHit[]> {
    return search(this.db, query, limit);
  }
}

/** Exported as a constructor of the port type, so `bindAll(new SqliteEntities(db))` is typed as `EntityStore`. */
export const SqliteEntities: new (db: Db) => EntityStore = EntitiesTable;
export type SqliteEntities = EntityStore;
