/**
 * Response bodies of every `/api` route: the contract between the server and its clients (the web
 * UI imports this file with `import type`). Self-contained on purpose (no imports), so a client
 * build never pulls server code. Times are epoch milliseconds (UTC).
 *
 * PII: replies that carry emails, phones, addresses or card ids mask them unless the request had
 * `?reveal=true&reason=…`; such replies say which with `masked`. Masked identifier values keep
 * their shape (`j***@gmail.com`, `***-***-1234`, `****1234`, `*** , Springfield`); masked
 * identifier node ids become `${kind}:~${digest}` (stable for one value, not reversible).
 */

// ---------- shared ----------

/** Every non-2xx reply. `code` is stable (e.g. `RING_NOT_FOUND`, `UNAUTHENTICATED`, `FORBIDDEN`, `INVALID_INPUT`). */
export interface ApiError {
  error: { code: string; message: string };
}

export type ApiRole = 'analyst' | 'admin';
export type ApiIdentifierKind = 'email' | 'phone' | 'address' | 'card' | 'ip' | 'device';
export type ApiRingStatus = 'new' | 'ongoing' | 'grown' | 'shrunk' | 'merged' | 'split';
export type ApiLineageKind = ApiRingStatus | 'dissolved';
export type ApiCaseStatus = 'open' | 'in_progress' | 'confirmed_fraud' | 'dismissed';
export type ApiAccountLabel = 'fraud' | 'legit';

/** Cursor pagination: pass `nextCursor` back as `?cursor=`; `null` means the last page. */
export interface ApiPage<T> {
  items: T[];
  nextCursor: string | null;
}

// ---------- health, session ----------

/** `GET /api/health` (no authentication). */
export interface HealthResponse {
  status: 'ok';
  store: 'sqlite' | 'neo4j';
  version: string;
}

export interface SessionUser {
  userId: string;
  name: string;
  role: ApiRole;
}

/**
 * `POST /api/session` (201), `GET /api/session` (200). With a cookie session, `csrfToken` must be
 * sent back as the `X-CSRF-Token` header on every POST/PATCH/PUT/DELETE; bearer-token clients get
 * `csrfToken: null` and need no header. `DELETE /api/session` replies 204 with no body.
 */
export interface SessionResponse {
  user: SessionUser;
  via: 'cookie' | 'token';
  csrfToken: string | null;
  expiresAt: number | null;
}

// ---------- graphs (Cytoscape elements) ----------

export type ApiGraphNodeType = 'account' | ApiIdentifierKind | 'hub';
export type ApiGraphProps = Record<string, string | number | boolean | null>;

/**
 * Node `data`. Accounts: id = `account:${userId}`, props = userId and profile fields (masked),
 * label, stub, createdAt, chargebacks, and `center: true` on the neighbourhood's own account.
 * Identifiers: id = `${kind}:${value}` (masked: `${kind}:~${digest}`), props = kind, value, raw,
 * accounts. Hubs: an identifier shared by more accounts than the cap (same id), props = kind,
 * value, raw, count. Edge ids are `${type}:${source}->${target}` (or `e:~${digest}` when masked).
 */
export interface CyNodeData {
  id: string;
  type: ApiGraphNodeType;
  label: string;
  props: ApiGraphProps;
}

/** Edge `data`. `uses`: account -> identifier; `pays`: payer -> payee aggregate (props: count, amount, chargebacks). */
export interface CyEdgeData {
  id: string;
  source: string;
  target: string;
  type: 'uses' | 'pays';
  props: ApiGraphProps;
}

export interface CyElements {
  nodes: Array<{ data: CyNodeData }>;
  edges: Array<{ data: CyEdgeData }>;
}

export interface GraphResponse {
  elements: CyElements;
  /** True when the node limit or the hub cap cut the graph. */
  capped: boolean;
  masked: boolean;
}

/** `GET /api/rings/:id/graph?limit=&runId=`: members, the identifiers they share, payments among them. */
export interface RingGraphResponse extends GraphResponse {
  ringId: string;
  runId: string;
}

/** `GET /api/accounts/:id/neighborhood?depth=1..3&limit=`. */
export interface NeighbourhoodResponse extends GraphResponse {
  userId: string;
  depth: number;
  limit: number;
  hubCap: number;
}

// ---------- rings, runs ----------

export interface ApiEvidence {
  kind: string;
  value?: string;
  accounts?: number;
  /** A sentence a person can read (masked like the values it quotes). */
  text: string;
  [extra: string]: unknown;
}

/** A ring in a list: everything but its member list and features. */
export interface RingSummary {
  ringId: string;
  runId: string;
  score: number;
  flagged: boolean;
  size: number;
  status: ApiRingStatus;
  parents: string[];
  evidence: ApiEvidence[];
}

/** `GET /api/rings?status=&minScore=&newSince=RUN_ID&flagged=&sort=score|size&cursor=&limit=&runId=` */
export interface RingListResponse extends ApiPage<RingSummary> {
  /** The run the rings belong to (`null` when no detection has run yet). */
  runId: string | null;
}

/** Profile of an account as lists show it (masked unless revealed). */
export interface AccountSummary {
  userId: string;
  name: string | null;
  email: string | null;
  phone: string | null;
  country: string | null;
  label: ApiAccountLabel | null;
  stub: boolean;
  createdAt: number | null;
}

export interface ApiLineageEvent {
  runId: string;
  ringId: string;
  kind: ApiLineageKind;
  related: string[];
  jaccard: number | null;
}

export interface RunSummary {
  runId: string;
  startedAt: number;
  finishedAt: number;
  status: 'completed' | 'failed';
  engine: 'graphology' | 'gds';
  seed: number;
  resolution: number;
  codeVersion: string;
  params: Record<string, unknown>;
  modularity: number | null;
  counts: Record<string, number>;
  timingsMs: Record<string, number>;
}

/** `GET /api/rings/:id?runId=` */
export interface RingDetailResponse {
  ring: RingSummary & { members: string[]; features: Record<string, number> };
  /** Member profiles, in `ring.members` order (masked unless revealed). */
  members: AccountSummary[];
  lineage: ApiLineageEvent[];
  run: RunSummary | null;
  masked: boolean;
}

/** `GET /api/runs?limit=` (newest first). */
export interface RunListResponse {
  items: RunSummary[];
}

// ---------- accounts, search ----------

export interface ApiAccountIdentifier {
  kind: ApiIdentifierKind;
  value: string;
  raw: string;
  accounts: number;
  firstSeen: number | null;
  lastSeen: number | null;
}

export interface ApiAccount {
  userId: string;
  createdAt: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  country: string | null;
  label: ApiAccountLabel | null;
  stub: boolean;
  identifiers: ApiAccountIdentifier[];
  payments: {
    sent: number;
    received: number;
    chargebacks: number;
    amountSent: number;
    amountReceived: number;
  };
}

/** `GET /api/accounts/:id` */
export interface AccountResponse {
  account: ApiAccount;
  /** Rings of the latest run that include the account. */
  rings: RingSummary[];
  masked: boolean;
}

export interface ApiSearchHit {
  kind: ApiIdentifierKind | 'account';
  /** The normalised value that matched (masked unless revealed). */
  value: string;
  userIds: string[];
}

/** `GET /api/search?q=&limit=`: `kinds` lists what `q` was tried as, after normalisation. */
export interface SearchResponse {
  kinds: Array<ApiIdentifierKind | 'account'>;
  hits: ApiSearchHit[];
  masked: boolean;
}

// ---------- cases ----------

export interface ApiCase {
  caseId: string;
  title: string;
  ringId: string | null;
  runId: string | null;
  accounts: string[];
  status: ApiCaseStatus;
  assignee: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface ApiCaseNote {
  noteId: string;
  caseId: string;
  author: string;
  text: string;
  createdAt: number;
}

/** `POST /api/cases` (201), `PATCH /api/cases/:id` (200). */
export interface CaseResponse {
  case: ApiCase;
}

/** `GET /api/cases?assignee=&status=&cursor=&limit=` */
export type CaseListResponse = ApiPage<ApiCase>;

/** `GET /api/cases/:id` */
export interface CaseDetailResponse {
  case: ApiCase;
  notes: ApiCaseNote[];
  accounts: AccountSummary[];
  /** Frozen evidence of a decided case (its hash and time), `null` before a decision. */
  evidencePack: { hash: string; createdAt: number } | null;
  masked: boolean;
}

/** `POST /api/cases/:id/notes` (201) */
export interface NoteResponse {
  note: ApiCaseNote;
}

// ---------- jobs (admin) ----------

export type ApiJobState =
  | 'waiting'
  | 'waiting-children'
  | 'delayed'
  | 'prioritized'
  | 'active'
  | 'completed'
  | 'failed'
  | 'unknown';

/** A job of the pipeline (the job runner's `JobView`, as it is). */
export interface ApiJob {
  id: string;
  name: 'nightly' | 'ingest-file' | 'detect' | 'detect-group' | 'export-decided';
  queue: 'ingest' | 'detect' | 'export';
  state: ApiJobState;
  progress: { stage: string; done: number; total: number | null } | null;
  /** The processor's JSON result once completed (e.g. a detection run summary). */
  result: unknown;
  /** `CODE: message` of the last failure, or null. */
  failedReason: string | null;
  attemptsMade: number;
  parentId: string | null;
  data: Record<string, unknown>;
  timestamps: { created: number; started: number | null; finished: number | null };
}

/** `POST /api/jobs/detect` (202), `GET /api/jobs/:id` (200). */
export interface JobResponse {
  job: ApiJob;
}

/** `GET /api/jobs` */
export interface JobListResponse {
  items: ApiJob[];
}

// ---------- audit (admin) ----------

export interface ApiAuditEntry {
  id: number;
  at: number;
  actor: string;
  /** e.g. `ring.view`, `account.view`, `pii.reveal`, `case.create`, `case.update`, `case.note`, `case.export`, `session.login`. */
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

/** `GET /api/audit?actor=&action=&target=&cursor=&limit=` (newest first). */
export type AuditListResponse = ApiPage<ApiAuditEntry>;
