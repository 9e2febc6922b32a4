/**
 * Domain types shared by every layer. Times are epoch milliseconds (UTC); ids are the strings
 * found in the input files. Store-internal integer keys appear only in the projection stream.
 */

export const IDENTIFIER_KINDS = ['email', 'phone', 'address', 'card', 'ip', 'device'] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];

export const ACCOUNT_LABELS = ['fraud', 'legit'] as const;
export type AccountLabel = (typeof ACCOUNT_LABELS)[number];

export const PAYMENT_STATUSES = ['settled', 'chargeback', 'refunded', 'failed'] as const;
export type PaymentStatus = (typeof PAYMENT_STATUSES)[number];

/** An identifier after normalisation (`value`, what is compared) with what was typed (`raw`, what is shown). */
export interface IdentifierRef {
  kind: IdentifierKind;
  value: string;
  raw: string;
}

/** One row of users.csv after validation and normalisation. */
export interface AccountInput {
  userId: string;
  createdAt: number;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  country: string | null;
  label: AccountLabel | null;
  /** Normalised email/phone/address of the profile; replaces the account's previous profile identifiers. */
  identifiers: IdentifierRef[];
}

/** One row of devices.csv: an account seen on a device (and IP) at a time. */
export interface SightingInput {
  userId: string;
  deviceId: string;
  ip: string | null;
  seenAt: number;
  /** The device and (if any) IP as identifiers of the account. */
  identifiers: IdentifierRef[];
}

/** One row of payments.csv. */
export interface PaymentInput {
  paymentId: string;
  payerId: string;
  payeeId: string;
  amount: number;
  currency: string;
  createdAt: number;
  cardId: string | null;
  deviceId: string | null;
  status: PaymentStatus;
  /** The card and device (if any) as identifiers of the payer. */
  identifiers: IdentifierRef[];
}

export interface EntityCounts {
  accounts: number;
  /** Accounts created by a reference (payment or sighting) without a users row. */
  stubAccounts: number;
  devices: number;
  sightings: number;
  identifiers: number;
  identifierLinks: number;
  payments: number;
}

/** An account as the API and exports show it (raw values; masking happens at the edge). */
export interface AccountView {
  userId: string;
  createdAt: number | null;
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
  country: string | null;
  label: AccountLabel | null;
  stub: boolean;
  identifiers: Array<
    IdentifierRef & { accounts: number; firstSeen: number | null; lastSeen: number | null }
  >;
  payments: {
    sent: number;
    received: number;
    chargebacks: number;
    amountSent: number;
    amountReceived: number;
  };
}

export type GraphNodeType = 'account' | IdentifierKind | 'hub';

/** A node of a subgraph (Cytoscape `data`). Identifier nodes have id `${kind}:${value}`. */
export interface GraphNode {
  id: string;
  type: GraphNodeType;
  label: string;
  /** Accounts: profile fields, label, stub. Identifiers: kind, raw, accounts (degree). Hubs: kind, count. */
  props: Record<string, string | number | boolean | null>;
}

/** `uses` links an account to an identifier; `pays` is an aggregate of payments payer -> payee. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
  type: 'uses' | 'pays';
  props: Record<string, string | number | boolean | null>;
}

export interface Subgraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** True when a node limit or hub cap cut the result. */
  capped: boolean;
}

export interface NeighbourhoodQuery {
  userId: string;
  /** Account hops, 1..3 (account -> identifier -> account is one hop). */
  depth: number;
  /** Maximum nodes returned. */
  limit: number;
  /** An identifier linked to more accounts than this is returned as one `hub` node with its count. */
  hubCap: number;
}

export interface SearchHit {
  kind: IdentifierKind | 'account';
  value: string;
  userIds: string[];
}

export type RingStatus = 'new' | 'ongoing' | 'grown' | 'shrunk' | 'merged' | 'split';
export type LineageEventKind = RingStatus | 'dissolved';

/** A readable piece of evidence; `text` is the sentence shown to a person. */
export interface Evidence {
  kind: string;
  value?: string;
  accounts?: number;
  text: string;
  [extra: string]: unknown;
}

export interface RingRecord {
  ringId: string;
  runId: string;
  score: number;
  flagged: boolean;
  size: number;
  members: string[];
  features: Record<string, number>;
  evidence: Evidence[];
  status: RingStatus;
  /** Ring ids of the previous run this ring descends from (merged/split have several). */
  parents: string[];
}

export interface LineageEvent {
  runId: string;
  ringId: string;
  kind: LineageEventKind;
  /** Related ring ids: parents for merged/split/grown/shrunk/ongoing, successors for dissolved. */
  related: string[];
  jaccard: number | null;
}

export interface RunRecord {
  runId: string;
  startedAt: number;
  finishedAt: number;
  status: 'completed' | 'failed';
  engine: 'graphology' | 'gds';
  seed: number;
  resolution: number;
  codeVersion: string;
  /** Every parameter of the run (weights, cut-offs, thresholds), as given to detection. */
  params: Record<string, unknown>;
  modularity: number | null;
  counts: Record<string, number>;
  timingsMs: Record<string, number>;
}

export const CASE_STATUSES = ['open', 'in_progress', 'confirmed_fraud', 'dismissed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface CaseRecord {
  caseId: string;
  title: string;
  ringId: string | null;
  runId: string | null;
  accounts: string[];
  status: CaseStatus;
  assignee: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

export interface CaseNote {
  noteId: string;
  caseId: string;
  author: string;
  text: string;
  createdAt: number;
}

export type Role = 'analyst' | 'admin';

export interface AppUser {
  userId: string;
  name: string;
  role: Role;
  passwordHash: string | null;
  createdAt: number;
}

export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: Record<string, unknown>;
}

/** Cursor pagination: `cursor` is opaque to clients. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
