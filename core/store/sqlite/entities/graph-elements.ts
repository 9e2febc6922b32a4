import type { GraphEdge, GraphNode, IdentifierKind } from '../../../types';
import type { Db } from '../database';
import { labelOf } from './codes';
import type { BoundedDegree } from './graph-batch-reads';
import { prepared } from './prepare';
import { dataGeneration } from '../data-generation';
import type { AccountRow } from './get-accounts';

/**
 * Node and edge ids of every `Subgraph` the store returns. The UI and the Neo4j adapter build
 * the same ids, so they are part of the port's contract:
 * - account node: `account:<user_id>`;
 * - identifier node: `<kind>:<normalised value>` (e.g. `email:jdoe@gmail.com`), also when the
 *   identifier is returned as a `hub` node (type `hub`, not expanded);
 * - edge: `<type>:<source node id>-><target node id>`, where `uses` goes account -> identifier
 *   and `pays` goes payer account -> payee account (one edge per ordered pair, aggregated).
 */
export function accountNodeId(userId: string): string {
  return `account:${userId}`;
}

export function identifierNodeId(kind: IdentifierKind, value: string): string {
  return `${kind}:${value}`;
}

export function edgeId(type: GraphEdge['type'], source: string, target: string): string {
  return `${type}:${source}->${target}`;
}

const ACCOUNTS_BY_KEY = `SELECT a.key, a.user_id, a.created_at, a.name, a.email, a.phone, a.address,
    a.country, a.label, a.stub,
    coalesce((SELECT sum(chargebacks) FROM payment_links WHERE payer_key = a.key AND chargebacks > 0), 0)
    + coalesce((SELECT sum(chargebacks) FROM payment_links WHERE payee_key = a.key AND chargebacks > 0), 0)
    AS chargebacks
  FROM json_each(?) j JOIN accounts a ON a.key = j.value`;

/**
 * Account nodes already read on a connection, valid for one data generation (migration 006):
 * the graphs an investigator opens one after another (a ring, then its members' neighbourhoods)
 * show many of the same accounts. Only used by reads that start outside any transaction on the
 * connection (no load of this process is in progress, so what they read is committed), and
 * checked against the generation read in the same snapshot. Bounded: emptied when full.
 */
export interface AccountNodeCache {
  gen: number;
  nodes: Map<number, GraphNode>;
}

const ACCOUNT_NODES_KEPT = 50_000;
const accountNodeCaches = new WeakMap<Db, AccountNodeCache>();

/**
 * The account node cache of `db` for the data generation read inside the current read
 * transaction (see `inOneRead`), emptied when the generation moved; null when the caller's read
 * began inside another transaction (a load in progress on this connection).
 */
export function accountNodeCache(db: Db, startedInTransaction: boolean): AccountNodeCache | null {
  if (startedInTransaction) return null;
  let gen: number;
  try {
    gen = dataGeneration(db);
  } catch {
    return null; // a store not migrated to 006: no generation to check against
  }
  let cache = accountNodeCaches.get(db);
  if (!cache || cache.gen !== gen || cache.nodes.size >= ACCOUNT_NODES_KEPT) {
    cache = { gen, nodes: new Map() };
    accountNodeCaches.set(db, cache);
  }
  return cache;
}

/**
 * The account nodes of `accountKeys` (unknown keys absent), in one query for those not in
 * `cache`. Props: the profile, `label` (`fraud`/`legit`/null), `stub`, `createdAt` (epoch ms or
 * null) and `chargebacks` (payments with status chargeback, sent or received; the received
 * side reads only the links with chargebacks, through the partial index of migration 005, so a
 * merchant costs its disputed links, not all its payers). Every node returned is the caller's
 * own copy.
 */
export function accountNodes(
  db: Db,
  accountKeys: number[],
  cache: AccountNodeCache | null = null,
): Map<number, GraphNode> {
  const out = new Map<number, GraphNode>();
  if (accountKeys.length === 0) return out;
  const missing: number[] = [];
  for (const key of accountKeys) {
    const node = cache?.nodes.get(key);
    if (node) out.set(key, { ...node, props: { ...node.props } });
    else missing.push(key);
  }
  if (missing.length === 0) return out;
  const rows = prepared(db, ACCOUNTS_BY_KEY).all(JSON.stringify(missing)) as Array<
    AccountRow & { chargebacks: number }
  >;
  for (const row of rows) {
    const node: GraphNode = {
      id: accountNodeId(row.user_id),
      type: 'account',
      label: row.user_id,
      props: {
        userId: row.user_id,
        name: row.name,
        email: row.email,
        phone: row.phone,
        address: row.address,
        country: row.country,
        label: labelOf(row.label),
        stub: row.stub === 1,
        createdAt: row.created_at,
        chargebacks: row.chargebacks,
      },
    };
    cache?.nodes.set(row.key, node);
    out.set(row.key, cache ? { ...node, props: { ...node.props } } : node);
  }
  return out;
}

/**
 * Identifier account counts are counted no further than this (or than the hub cap, when that is
 * higher): above it the node says `accountsAtLeast: true` and the label `N+ accounts`.
 */
export const DEGREE_CEILING = 100;

/** The ceiling to count identifier degrees to for a query with this hub cap. */
export function degreeCeiling(hubCap: number): number {
  return Math.max(DEGREE_CEILING, hubCap + 1);
}

/**
 * An identifier node; props `accounts` (and `count` on a hub) is how many accounts use it, with
 * `accountsAtLeast: true` when that was counted only up to a ceiling (see `DEGREE_CEILING`).
 * With `hub`, a collapsed hub node.
 */
export function identifierNode(
  ident: { kind: IdentifierKind; value: string; raw: string },
  degree: BoundedDegree,
  hub: boolean,
): GraphNode {
  const accounts = degree.count;
  const shown = degree.atLeast ? `${accounts}+` : `${accounts}`;
  const base = { kind: ident.kind, value: ident.value, raw: ident.raw, accounts };
  const counted = degree.atLeast ? { ...base, accountsAtLeast: true } : base;
  return {
    id: identifierNodeId(ident.kind, ident.value),
    type: hub ? 'hub' : ident.kind,
    label: hub ? `${ident.raw} (${shown} accounts)` : ident.raw,
    props: hub ? { ...counted, count: accounts } : counted,
  };
}

/** `uses` edge; props `firstSeen`/`lastSeen` are epoch ms, null for profile identifiers. */
export function usesEdge(
  account: string,
  identifier: string,
  firstSeen: number | null,
  lastSeen: number | null,
): GraphEdge {
  return {
    id: edgeId('uses', account, identifier),
    source: account,
    target: identifier,
    type: 'uses',
    props: { firstSeen, lastSeen },
  };
}

export interface PaymentLinkRow {
  payer_key: number;
  payee_key: number;
  count: number;
  amount: number;
  chargebacks: number;
  first_at: number;
  last_at: number;
}

/** `pays` edge aggregating every payment payer -> payee: count, amount, chargebacks, firstAt, lastAt. */
export function paysEdge(payer: string, payee: string, link: PaymentLinkRow): GraphEdge {
  return {
    id: edgeId('pays', payer, payee),
    source: payer,
    target: payee,
    type: 'pays',
    props: {
      count: link.count,
      amount: link.amount,
      chargebacks: link.chargebacks,
      firstAt: link.first_at,
      lastAt: link.last_at,
    },
  };
}

/** Nodes and edges sorted by id, so equal data gives byte-identical subgraphs. */
export function sortedSubgraph(
  nodes: Iterable<GraphNode>,
  edges: Iterable<GraphEdge>,
  capped: boolean,
) {
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return { nodes: [...nodes].sort(byId), edges: [...edges].sort(byId), capped };
}
