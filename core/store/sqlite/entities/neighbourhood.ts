import { NotFoundError } from '../../../errors';
import type { GraphEdge, GraphNode, NeighbourhoodQuery, Subgraph } from '../../../types';
import type { Db } from '../database';
import {
  accountKeyOf,
  accountsOf,
  degreeOf,
  identifiersOf,
  paymentsReceived,
  paymentsSent,
} from './account-links';
import {
  accountNode,
  identifierNode,
  identifierNodeId,
  paysEdge,
  sortedSubgraph,
  usesEdge,
} from './graph-elements';
import { requireIntIn } from './validate-graph-query';

export const MAX_DEPTH = 3;
export const MAX_NODES = 5000;

/**
 * Accounts within `depth` hops of `userId` (breadth first), through shared identifiers
 * (account -> identifier -> account is one hop) and payments (either direction, one hop),
 * with the identifiers and aggregated `pays` edges that connect them.
 *
 * An identifier used by more than `hubCap` accounts (public Wi-Fi, a payment processor's
 * device) becomes one `hub` node carrying its account count and is not expanded, so one hub
 * cannot pull thousands of strangers in. Nodes stop at `limit`; `capped` is true when the limit
 * or a hub cut the result. Output is sorted by id (deterministic). Throws `ACCOUNT_NOT_FOUND`
 * for an unknown account and `INVALID_GRAPH_QUERY` for bounds out of range.
 */
export function neighbourhood(db: Db, query: NeighbourhoodQuery): Subgraph {
  requireIntIn('depth', query.depth, 1, MAX_DEPTH);
  requireIntIn('limit', query.limit, 1, MAX_NODES);
  requireIntIn('hubCap', query.hubCap, 1, Number.MAX_SAFE_INTEGER);
  const rootKey = accountKeyOf(db, query.userId);
  if (rootKey === null)
    throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${query.userId}`);

  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const accountIds = new Map<number, string>();
  const expandedIdentifiers = new Set<number>();
  let capped = false;
  const put = (edge: GraphEdge) => edges.set(edge.id, edge);

  /** Node id of the account, adding it when there is room; null when the limit is reached. */
  const reach = (key: number, next: number[]): string | null => {
    const known = accountIds.get(key);
    if (known !== undefined) return known;
    if (nodes.size >= query.limit) {
      capped = true;
      return null;
    }
    const node = accountNode(db, key);
    if (!node) return null;
    nodes.set(node.id, node);
    accountIds.set(key, node.id);
    next.push(key);
    return node.id;
  };

  let frontier: number[] = [];
  reach(rootKey, frontier);
  for (let hop = 1; hop <= query.depth && frontier.length > 0; hop++) {
    const next: number[] = [];
    for (const accountKey of frontier) {
      const accountId = accountIds.get(accountKey)!;
      for (const ident of identifiersOf(db, accountKey)) {
        const id = identifierNodeId(ident.kind, ident.value);
        let node = nodes.get(id);
        if (!node) {
          if (nodes.size >= query.limit) {
            capped = true;
            continue;
          }
          const degree = degreeOf(db, ident.key);
          node = identifierNode(ident, degree, degree > query.hubCap);
          nodes.set(id, node);
        }
        put(usesEdge(accountId, id, ident.firstSeen, ident.lastSeen));
        if (node.type === 'hub') {
          capped = true;
          continue;
        }
        if (expandedIdentifiers.has(ident.key)) continue;
        expandedIdentifiers.add(ident.key);
        for (const use of accountsOf(db, ident.key, query.hubCap)) {
          const otherId = reach(use.accountKey, next);
          if (otherId !== null) put(usesEdge(otherId, id, use.firstSeen, use.lastSeen));
        }
      }
      for (const link of paymentsSent(db, accountKey, query.limit)) {
        const payeeId = reach(link.payee_key, next);
        if (payeeId !== null) put(paysEdge(accountId, payeeId, link));
      }
      for (const link of paymentsReceived(db, accountKey, query.limit)) {
        const payerId = reach(link.payer_key, next);
        if (payerId !== null) put(paysEdge(payerId, accountId, link));
      }
    }
    frontier = next;
  }
  return sortedSubgraph(nodes.values(), edges.values(), capped);
}
