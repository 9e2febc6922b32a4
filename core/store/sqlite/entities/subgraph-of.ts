import type { GraphEdge, GraphNode, Subgraph } from '../../../types';
import type { Db } from '../database';
import { accountKeyOf, degreeOf, identifiersOf, type AccountIdentifierRow } from './account-links';
import {
  accountNode,
  identifierNode,
  identifierNodeId,
  paysEdge,
  sortedSubgraph,
  usesEdge,
  type PaymentLinkRow,
} from './graph-elements';
import { MAX_NODES } from './neighbourhood';
import { prepared } from './prepare';
import { requireIntIn } from './validate-graph-query';

const PAYMENTS_AMONG = `SELECT * FROM payment_links
  WHERE payer_key = ? AND payee_key IN (SELECT value FROM json_each(?)) ORDER BY payee_key`;

interface Shared {
  ident: AccountIdentifierRow;
  users: Array<{ accountId: string; firstSeen: number | null; lastSeen: number | null }>;
}

/**
 * The given accounts (unknown ids are skipped, duplicates ignored), every identifier at least
 * two of them use, and the aggregated payments among them: the picture of a ring.
 *
 * Members come first, then shared identifiers by how many members share them (most first), until
 * `limit` nodes; `capped` is true when the limit cut members or identifiers. An identifier used
 * by more than `hubCap` accounts overall is shown as a `hub` node (its edges to the members are
 * kept: a hub shared by a ring is still evidence). Node and edge ids: see `graph-elements.ts`.
 */
export function subgraphOf(
  db: Db,
  userIds: string[],
  opts: { limit: number; hubCap: number },
): Subgraph {
  requireIntIn('limit', opts.limit, 1, MAX_NODES);
  requireIntIn('hubCap', opts.hubCap, 1, Number.MAX_SAFE_INTEGER);
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const put = (edge: GraphEdge) => edges.set(edge.id, edge);
  let capped = false;

  const members = new Map<number, string>();
  for (const userId of new Set(userIds)) {
    const key = accountKeyOf(db, userId);
    if (key === null || members.has(key)) continue;
    if (nodes.size >= opts.limit) {
      capped = true;
      break;
    }
    const node = accountNode(db, key)!;
    nodes.set(node.id, node);
    members.set(key, node.id);
  }

  const shared = new Map<number, Shared>();
  for (const [key, accountId] of members) {
    for (const ident of identifiersOf(db, key)) {
      let entry = shared.get(ident.key);
      if (!entry) shared.set(ident.key, (entry = { ident, users: [] }));
      entry.users.push({ accountId, firstSeen: ident.firstSeen, lastSeen: ident.lastSeen });
    }
  }
  const candidates = [...shared.values()]
    .filter((s) => s.users.length >= 2)
    .map((s) => ({ ...s, id: identifierNodeId(s.ident.kind, s.ident.value) }))
    .sort((a, b) => b.users.length - a.users.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const s of candidates) {
    if (nodes.size >= opts.limit) {
      capped = true;
      break;
    }
    const degree = degreeOf(db, s.ident.key);
    nodes.set(s.id, identifierNode(s.ident, degree, degree > opts.hubCap));
    for (const u of s.users) put(usesEdge(u.accountId, s.id, u.firstSeen, u.lastSeen));
  }

  const memberKeys = JSON.stringify([...members.keys()]);
  for (const [key, payerId] of members) {
    for (const link of prepared(db, PAYMENTS_AMONG).all(key, memberKeys) as PaymentLinkRow[]) {
      put(paysEdge(payerId, members.get(link.payee_key)!, link));
    }
  }
  return sortedSubgraph(nodes.values(), edges.values(), capped);
}
