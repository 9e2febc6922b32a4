import type { GraphEdge, GraphNode, Subgraph } from '../../../types';
import type { Db } from '../database';
import type { AccountIdentifierRow } from './account-links';
import {
  boundedDegrees,
  identifierKeysOfMany,
  identifierUses,
  inOneRead,
  keysOfUsers,
  paymentsAmong,
} from './graph-batch-reads';
import {
  accountNodeCache,
  accountNodes,
  degreeCeiling,
  identifierNode,
  identifierNodeId,
  paysEdge,
  sortedSubgraph,
  usesEdge,
  type AccountNodeCache,
} from './graph-elements';
import { MAX_NODES } from './neighbourhood';
import { requireIntIn } from './validate-graph-query';

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
 * kept: a hub shared by a ring is still evidence); its count stops at a ceiling (see
 * `identifierNode`). Five set-based queries whatever the ring's size. Node and edge ids: see
 * `graph-elements.ts`.
 */
export function subgraphOf(
  db: Db,
  userIds: string[],
  opts: { limit: number; hubCap: number },
): Subgraph {
  requireIntIn('limit', opts.limit, 1, MAX_NODES);
  requireIntIn('hubCap', opts.hubCap, 1, Number.MAX_SAFE_INTEGER);
  const startedInTransaction = db.inTransaction;
  return inOneRead(db, () =>
    readSubgraph(db, userIds, opts, accountNodeCache(db, startedInTransaction)),
  );
}

function readSubgraph(
  db: Db,
  userIds: string[],
  opts: { limit: number; hubCap: number },
  cache: AccountNodeCache | null,
): Subgraph {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  const put = (edge: GraphEdge) => edges.set(edge.id, edge);
  let capped = false;

  const memberKeys: number[] = [];
  for (const { key } of keysOfUsers(db, [...new Set(userIds)])) {
    if (memberKeys.length >= opts.limit) {
      capped = true;
      break;
    }
    memberKeys.push(key);
  }
  const members = new Map<number, string>();
  const loaded = accountNodes(db, memberKeys, cache);
  for (const key of memberKeys) {
    const node = loaded.get(key)!;
    nodes.set(node.id, node);
    members.set(key, node.id);
  }

  const usesByIdentifier = new Map<number, Array<{ identifierKey: number; accountKey: number }>>();
  for (const use of identifierKeysOfMany(db, memberKeys)) {
    const list = usesByIdentifier.get(use.identifierKey);
    if (list) list.push(use);
    else usesByIdentifier.set(use.identifierKey, [use]);
  }
  const sharedUses = [...usesByIdentifier.values()].filter((l) => l.length >= 2).flat();
  const shared = new Map<number, Shared>();
  for (const use of identifierUses(db, sharedUses)) {
    let entry = shared.get(use.key);
    if (!entry) shared.set(use.key, (entry = { ident: use, users: [] }));
    entry.users.push({
      accountId: members.get(use.accountKey)!,
      firstSeen: use.firstSeen,
      lastSeen: use.lastSeen,
    });
  }
  const candidates = [...shared.values()]
    .filter((s) => s.users.length >= 2)
    .map((s) => ({ ...s, id: identifierNodeId(s.ident.kind, s.ident.value) }))
    .sort((a, b) => b.users.length - a.users.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const shown = candidates.slice(0, Math.max(0, opts.limit - nodes.size));
  if (shown.length < candidates.length) capped = true;
  const degrees = boundedDegrees(
    db,
    shown.map((s) => s.ident.key),
    degreeCeiling(opts.hubCap),
  );
  for (const s of shown) {
    const degree = degrees.get(s.ident.key)!;
    nodes.set(s.id, identifierNode(s.ident, degree, degree.count > opts.hubCap));
    for (const u of s.users) put(usesEdge(u.accountId, s.id, u.firstSeen, u.lastSeen));
  }

  for (const link of paymentsAmong(db, memberKeys)) {
    put(paysEdge(members.get(link.payer_key)!, members.get(link.payee_key)!, link));
  }
  return sortedSubgraph(nodes.values(), edges.values(), capped);
}
