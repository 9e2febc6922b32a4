/**
 * The EntityStore part of the Neo4j adapter (loads, counts, account views, search); the
 * subgraph reads live in `neo4j-subgraphs.ts`.
 *
 * `load(fn)` is validate-then-write: `fn`'s rows go to a spool on disk, and only when `fn`
 * resolves are they written, in batches of `batchSize` rows, each batch one managed write
 * transaction (retried by the driver on transient errors); a batch that still fails is retried
 * from that batch on (`resumable-writes.ts`), and since every batch is an idempotent MERGE,
 * re-running the same file after a hard failure converges to the state a clean load would give.
 * While the batches are being written, readers can see a partly applied file; a load whose
 * function throws writes nothing.
 */
import type { LoadWriter } from '../port';
import {
  IDENTIFIER_KINDS,
  type AccountLabel,
  type AccountView,
  type EntityCounts,
  type IdentifierKind,
  type SearchHit,
} from '../../types';
import { normalizeIdentifier } from '../../identifiers/normalize';
import { identifierKind } from './allow-list';
import { writeBatch } from './batch-writer';
import type { CypherRunner } from './cypher-runner';
import { LoadSpool } from './load-spool';
import { writeResumably } from './resumable-writes';
import { money, num, numOrNull, str, strOrNull, type Row } from './neo4j-values';

export interface LoadOptions {
  batchSize: number;
  batchAttempts: number;
  /** Pause before re-trying a failed batch, multiplied by the attempt number. */
  retryPauseMs: number;
  spoolDir?: string;
}

const MAX_SEARCH_IDS = 10_000;

export const DEFAULT_LOAD_OPTIONS: LoadOptions = {
  batchSize: 2000,
  batchAttempts: 3,
  retryPauseMs: 1000,
};

/** Identifier order of the SQLite adapter: kind (as in IDENTIFIER_KINDS), then value. */
function byKindThenValue(a: Row, b: Row): number {
  const k =
    IDENTIFIER_KINDS.indexOf(str(a.kind) as IdentifierKind) -
    IDENTIFIER_KINDS.indexOf(str(b.kind) as IdentifierKind);
  return k !== 0 ? k : str(a.value) < str(b.value) ? -1 : str(a.value) > str(b.value) ? 1 : 0;
}

function toAccountView(r: Row): AccountView {
  const identifiers = (Array.isArray(r.identifiers) ? r.identifiers : []) as Row[];
  return {
    userId: str(r.userId),
    createdAt: numOrNull(r.createdAt),
    name: strOrNull(r.name),
    email: strOrNull(r.email),
    phone: strOrNull(r.phone),
    address: strOrNull(r.address),
    country: strOrNull(r.country),
    label: strOrNull(r.label) as AccountLabel | null,
    stub: r.stub === true,
    identifiers: [...identifiers].sort(byKindThenValue).map((i) => ({
      kind: str(i.kind) as IdentifierKind,
      value: str(i.value),
      raw: str(i.raw),
      accounts: num(i.accounts),
      firstSeen: numOrNull(i.firstSeen),
      lastSeen: numOrNull(i.lastSeen),
    })),
    payments: {
      sent: num(r.sent),
      received: num(r.received),
      chargebacks: num(r.chargebacks),
      amountSent: money(r.amountSent),
      amountReceived: money(r.amountReceived),
    },
  };
}

export class Neo4jEntities {
  constructor(
    readonly runner: CypherRunner,
    readonly loadOptions: LoadOptions = DEFAULT_LOAD_OPTIONS,
  ) {}

  async load<T>(fn: (writer: LoadWriter) => Promise<T>): Promise<T> {
    const spool = new LoadSpool(this.loadOptions.spoolDir);
    try {
      const writer: LoadWriter = {
        upsertAccounts: async (rows) => spool.append('accounts', rows),
        upsertSightings: async (rows) => spool.append('sightings', rows),
        upsertPayments: async (rows) => spool.append('payments', rows),
      };
      const result = await fn(writer);
      const { batchSize, batchAttempts, retryPauseMs } = this.loadOptions;
      await writeResumably(
        spool.batches(batchSize),
        (batch) => this.runner.writeTx('load', (tx) => writeBatch(tx, batch)),
        {
          attempts: batchAttempts,
          pauseMs: retryPauseMs,
          totalRows: spool.rows,
        },
      );
      return result;
    } finally {
      spool.dispose();
    }
  }

  async counts(): Promise<EntityCounts> {
    const [r] = await this.runner.read('count-entities');
    return {
      accounts: num(r.accounts),
      stubAccounts: num(r.stubAccounts),
      devices: num(r.devices),
      sightings: num(r.sightings),
      identifiers: num(r.identifiers),
      identifierLinks: num(r.identifierLinks),
      payments: num(r.payments),
    };
  }

  async getAccount(userId: string): Promise<AccountView | null> {
    const [account] = await this.getAccounts([userId]);
    return account ?? null;
  }

  async getAccounts(userIds: string[]): Promise<AccountView[]> {
    if (userIds.length === 0) return [];
    const unique = [...new Set(userIds)];
    const rows = await this.runner.read('account-by-id', { userIds: unique });
    const byId = new Map(rows.map((r) => [str(r.userId), toAccountView(r)]));
    return unique.flatMap((id) => {
      const view = byId.get(id);
      return view ? [view] : [];
    });
  }

  /**
   * Exact lookups on constrained keys, never a scan. An identifier value is normalised first (so
   * `J.Doe+x@GMail.com` finds `jdoe@gmail.com`); a value that does not normalise is looked up as
   * given. At most one hit, with up to `limit` user ids in load order.
   */
  async search(
    query: { kind: IdentifierKind | 'account'; value: string },
    limit: number,
  ): Promise<SearchHit[]> {
    if (!(limit >= 1)) return [];
    const max = Math.min(Math.floor(limit), MAX_SEARCH_IDS);
    if (query.kind === 'account') {
      const rows = await this.runner.read('search-account', { value: query.value });
      return rows.map((r) => ({
        kind: 'account' as const,
        value: str(r.userId),
        userIds: [str(r.userId)],
      }));
    }
    const kind = identifierKind(query.kind);
    const value = normalizeIdentifier(kind, query.value)?.value ?? query.value;
    const rows = await this.runner.read('search-identifier', { kind, value, limit: max });
    return rows.map((r) => ({
      kind: str(r.kind) as IdentifierKind,
      value: str(r.value),
      userIds: Array.isArray(r.userIds) ? r.userIds.map(str) : [],
    }));
  }
}
