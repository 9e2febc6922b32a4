/**
 * The Neo4j graph model in one place: every node label, relationship type and property key the
 * files in `cypher/` may use. The Cypher check (`scripts/check-cypher.ts`) hands this to Neo4j's
 * semantic analysis as the database schema, so a misspelt label or property fails the tests
 * instead of silently matching nothing in production.
 *
 * Times are epoch milliseconds stored as integers; nested maps (features, evidence, params,
 * audit detail, evidence-pack bodies) are stored as JSON strings because Neo4j properties
 * cannot hold maps.
 */
export const NODE_LABELS = [
  'Account',
  'Identifier',
  'Sighting',
  'Payment',
  'Sequence',
  'Run',
  'Ring',
  'LineageEvent',
  'Case',
  'CaseNote',
  'EvidencePack',
  'Marker',
  'AppUser',
  'ApiToken',
  'AuditEntry',
] as const;

export const RELATIONSHIP_TYPES = [
  /** (:Account)-[:USES {firstSeen, lastSeen}]->(:Identifier) */
  'USES',
  /** (:Account)-[:PAID]->(:Payment) */
  'PAID',
  /** (:Payment)-[:TO]->(:Account) */
  'TO',
  /** (:Account)-[:PAYS {count, amount, chargebacks, firstAt, lastAt}]->(:Account): payments aggregated per ordered pair. */
  'PAYS',
  /** (:Run)-[:FOUND]->(:Ring) */
  'FOUND',
  /** (:CaseNote)-[:ON]->(:Case) */
  'ON',
  /** (:ApiToken)-[:OF]->(:AppUser) */
  'OF',
] as const;

export const PROPERTY_KEYS = [
  // accounts
  'userId',
  'key',
  'createdAt',
  'name',
  'email',
  'phone',
  'address',
  'country',
  'label',
  'stub',
  // identifiers and links
  'kind',
  'value',
  'raw',
  'firstSeen',
  'lastSeen',
  // sightings
  'sightingId',
  'deviceId',
  'ip',
  'seenAt',
  // payments and their aggregate
  'paymentId',
  'payerId',
  'payeeId',
  'amount',
  'currency',
  'cardId',
  'status',
  'count',
  'chargebacks',
  'firstAt',
  'lastAt',
  // sequences
  'next',
  // runs, rings, lineage
  'runId',
  'startedAt',
  'finishedAt',
  'engine',
  'seed',
  'resolution',
  'codeVersion',
  'params',
  'modularity',
  'counts',
  'timingsMs',
  'ringId',
  'versionId',
  'score',
  'flagged',
  'size',
  'members',
  'features',
  'evidence',
  'parents',
  'related',
  'jaccard',
  'seq',
  'runSeq',
  // cases, notes, packs, markers
  'caseId',
  'title',
  'assignee',
  'decisionNote',
  'decidedBy',
  'decidedAt',
  'createdBy',
  'updatedAt',
  'noteId',
  'author',
  'text',
  'hash',
  'body',
  // users, tokens, audit
  'role',
  'passwordHash',
  'nameKey',
  'tokenHash',
  'id',
  'at',
  'actor',
  'action',
  'target',
  'detail',
] as const;

/** Names of the counters that hand out integer keys (see `assign-*-keys.cypher`). */
export const SEQUENCES = ['account', 'identifier', 'run', 'audit'] as const;

/** Which relationship joins which labels: checked against the patterns of every file. */
export const GRAPH_SCHEMA: ReadonlyArray<{ from: string; to: string; relType: string }> = [
  { from: 'Account', relType: 'USES', to: 'Identifier' },
  { from: 'Account', relType: 'PAID', to: 'Payment' },
  { from: 'Payment', relType: 'TO', to: 'Account' },
  { from: 'Account', relType: 'PAYS', to: 'Account' },
  { from: 'Run', relType: 'FOUND', to: 'Ring' },
  { from: 'CaseNote', relType: 'ON', to: 'Case' },
  { from: 'ApiToken', relType: 'OF', to: 'AppUser' },
];
