/**
 * The `GraphStore` port: everything the platform asks of a database. Two adapters implement it,
 * SQLite (`core/store/sqlite/`, the embedded default) and Neo4j (`core/store/neo4j/`), and both
 * are held to one contract suite (`tests/contract/`). Every method is async so that a networked
 * store fits; every argument is data (no query text crosses this boundary).
 *
 * The port is split by concern so that each part lives in its own files in each adapter.
 */
import type {
  AccountInput,
  AccountView,
  AppUser,
  AuditEntry,
  CaseNote,
  CaseRecord,
  CaseStatus,
  EntityCounts,
  IdentifierKind,
  LineageEvent,
  NeighbourhoodQuery,
  Page,
  PaymentInput,
  RingRecord,
  RingStatus,
  Role,
  RunRecord,
  SearchHit,
  SightingInput,
  Subgraph,
} from '../types';

/** Writes of one load. Batches are any size; the adapter chunks them as it needs. */
export interface LoadWriter {
  upsertAccounts(rows: AccountInput[]): Promise<void>;
  upsertSightings(rows: SightingInput[]): Promise<void>;
  upsertPayments(rows: PaymentInput[]): Promise<void>;
}

export interface EntityStore {
  /**
   * Runs `fn` as one atomic load: what it writes becomes visible only if it resolves; if it
   * throws, nothing it wrote persists. Ingest uses one load per input file (the reject-rate
   * roll-back of the data contract). Loads are idempotent: upserting a known id updates it.
   */
  load<T>(fn: (writer: LoadWriter) => Promise<T>): Promise<T>;
  counts(): Promise<EntityCounts>;
  getAccount(userId: string): Promise<AccountView | null>;
  getAccounts(userIds: string[]): Promise<AccountView[]>;
  /** Accounts within `depth` hops through shared identifiers and payments; hubs collapsed. */
  neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph>;
  /** The given accounts, the identifiers at least two of them share, and payments among them. */
  subgraphOf(userIds: string[], opts: { limit: number; hubCap: number }): Promise<Subgraph>;
  /** Exact lookups on an account id or a normalised identifier value; never a scan. */
  search(
    query: { kind: IdentifierKind | 'account'; value: string },
    limit: number,
  ): Promise<SearchHit[]>;
}

/** Columnar batch of account rows for projection. `key` is a store-assigned integer, unique per account. */
export interface AccountBatch {
  keys: Int32Array | number[];
  userIds: string[];
  createdAt: Float64Array | number[];
  /** 1 = fraud label, 0 = none, -1 = legit */
  labels: Int8Array | number[];
  stub: Uint8Array | number[];
}

/** Account–identifier incidences, ordered by identifier key. */
export interface IncidenceBatch {
  accountKeys: Int32Array | number[];
  identifierKeys: Int32Array | number[];
  /** index into IDENTIFIER_KINDS */
  kinds: Uint8Array | number[];
  firstSeen: Float64Array | number[];
}

/** Payments aggregated per ordered (payer, payee) pair of known accounts. */
export interface PaymentLinkBatch {
  payerKeys: Int32Array | number[];
  payeeKeys: Int32Array | number[];
  count: Int32Array | number[];
  amount: Float64Array | number[];
  chargebacks: Int32Array | number[];
  firstAt: Float64Array | number[];
  lastAt: Float64Array | number[];
}

/** Per-account payment totals over all payments (merchants included), for scoring candidate members. */
export interface PaymentTotals {
  keys: Int32Array | number[];
  /** Total amount the account paid (sum of its payment_links as payer). */
  sent: Float64Array | number[];
  /** Total amount the account received (sum of its payment_links as payee). */
  received: Float64Array | number[];
  /** Chargebacks on payments the account made or received. */
  chargebacks: Int32Array | number[];
}

/**
 * Filters detection passes to the streams. They let the store drop rows that cannot add an edge
 * before they cross into the process (most identifiers belong to one account; most payment pairs
 * involve a merchant). Detection applies the same rules again, so an adapter that ignores them is
 * correct, only slower.
 */
export interface IncidenceFilter {
  /** Only identifiers linked to at least 2 and at most this many accounts. */
  maxSharers?: number;
}

export interface PaymentLinkFilter {
  /**
   * Only pairs whose payer and payee each have at most this many counterparties, counted as the
   * number of payment_links rows in which the account is payer or payee.
   */
  maxCounterparties?: number;
}

/** What detection reads: one pass over each stream, in batches, integer keys only. */
export interface ProjectionSource {
  readAccounts(): AsyncIterable<AccountBatch>;
  /** Incidences ordered by identifier key (all of one identifier's rows together). */
  readIncidences(filter?: IncidenceFilter): AsyncIterable<IncidenceBatch>;
  readPaymentLinks(filter?: PaymentLinkFilter): AsyncIterable<PaymentLinkBatch>;
  /** Payment totals of the given accounts (keys absent from the result have none). */
  paymentTotals(keys: number[]): Promise<PaymentTotals>;
  /** Display value (raw) of identifiers, for evidence sentences. */
  identifierValues(
    keys: number[],
  ): Promise<Map<number, { kind: IdentifierKind; value: string; raw: string }>>;
}

export interface RingQuery {
  runId?: string;
  flaggedOnly?: boolean;
  status?: RingStatus;
  minScore?: number;
  sort?: 'score' | 'size';
  cursor?: string | null;
  limit?: number;
}

export interface RingStore {
  /** Stores a finished run with its rings and lineage events atomically. */
  saveRun(run: RunRecord, rings: RingRecord[], lineage: LineageEvent[]): Promise<void>;
  getRun(runId: string): Promise<RunRecord | null>;
  latestRun(): Promise<RunRecord | null>;
  listRuns(limit: number): Promise<RunRecord[]>;
  /** Rings of one run (default: the latest), best score first, ties by ring id. */
  listRings(query: RingQuery): Promise<Page<RingRecord>>;
  /** A ring as of the given run (default: the latest run in which it exists). */
  getRing(ringId: string, runId?: string): Promise<RingRecord | null>;
  ringLineage(ringId: string): Promise<LineageEvent[]>;
  ringsOfAccount(userId: string, runId?: string): Promise<RingRecord[]>;
}

export interface CaseQuery {
  assignee?: string;
  status?: CaseStatus;
  cursor?: string | null;
  limit?: number;
}

export interface CasePatch {
  status?: CaseStatus;
  assignee?: string | null;
  decisionNote?: string | null;
  decidedBy?: string | null;
  decidedAt?: number | null;
}

export interface CaseStore {
  createCase(record: CaseRecord): Promise<CaseRecord>;
  getCase(caseId: string): Promise<CaseRecord | null>;
  listCases(query: CaseQuery): Promise<Page<CaseRecord>>;
  updateCase(caseId: string, patch: CasePatch, at: number): Promise<CaseRecord>;
  addNote(note: CaseNote): Promise<CaseNote>;
  listNotes(caseId: string): Promise<CaseNote[]>;
  /** Cases whose decision time is after `since`, oldest first. */
  casesDecidedSince(since: number): Promise<CaseRecord[]>;
  /** Frozen, hashed evidence of a decided case; written once per decision. */
  saveEvidencePack(
    caseId: string,
    pack: { hash: string; createdAt: number; body: unknown },
  ): Promise<void>;
  getEvidencePack(
    caseId: string,
  ): Promise<{ hash: string; createdAt: number; body: unknown } | null>;
  /** Small named markers, e.g. the time of the last nightly export. */
  getMarker(name: string): Promise<string | null>;
  setMarker(name: string, value: string): Promise<void>;
}

export interface UserStore {
  createUser(user: AppUser): Promise<AppUser>;
  getUserByName(name: string): Promise<AppUser | null>;
  getUserById(userId: string): Promise<AppUser | null>;
  listUsers(): Promise<AppUser[]>;
  /** Stores only a hash of the token; `userByToken` takes the same hash. */
  addToken(userId: string, tokenHash: string, createdAt: number): Promise<void>;
  userByTokenHash(tokenHash: string): Promise<AppUser | null>;
}

export interface AuditStore {
  /** Append-only: there is no update or delete. */
  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry>;
  listAudit(query: {
    actor?: string;
    action?: string;
    target?: string;
    cursor?: string | null;
    limit?: number;
  }): Promise<Page<AuditEntry>>;
}

export interface GraphStore
  extends EntityStore, ProjectionSource, RingStore, CaseStore, UserStore, AuditStore {
  readonly kind: 'sqlite' | 'neo4j';
  /** Creates or upgrades the schema; idempotent. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type { Role };
