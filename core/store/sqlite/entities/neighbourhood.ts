import { NotFoundError } from '../../../errors';
import type { GraphEdge, GraphNode, NeighbourhoodQuery, Subgraph } from '../../../types';
import type { Db } from '../database';
import { accountKeyOf, paymentsReceived, paymentsSent } from './account-links';
import {
  boundedDegrees,
  boundedPaymentDegrees,
  identifiersOfMany,
  inOneRead,
  usesOfMany,
} from './graph-batch-reads';
import {
  accountNodeCache,
  accountNodes,
  degreeCeiling,
  identifierNode,
  paysEdge,
  sortedSubgraph,
  usesEdge,
  type AccountNodeCache,
  type PaymentLinkRow,
} from './graph-elements';
import { requireIntIn } from './validate-graph-query';

export const MAX_DEPTH = 3;
export const MAX_NODES = 5000;

/** Frontier accounts expanded per batch of queries; the walk stops between batches once full. */
const BATCH = 8;

/**
 * Accounts within `depth` hops of `userId` (breadth first), through shared identifiers
 * (account -> identifier -> account is one hop) and payments (either direction, one hop),
 * with the identifiers and aggregated `pays` edges that connect them.
 *
 * An identifier used by more than `hubCap` accounts (public Wi-Fi, a payment processor's
 * device) becomes one `hub` node carrying its account count and is not expanded, so one hub
 * cannot pull thousands of strangers in. Payment counterparties follow the same rule: an
 * account reached on the way (not the one asked for) with more than `hubCap` payers or payees
 * (a merchant) is shown but those payments are not followed. Nodes stop at `limit`; `capped`
 * is true when the limit or a hub cut the result. Each hop reads its frontier in small batches,
 * a few set-based queries each, and stops between batches once the limit is reached (so a full
 * graph does not pay for the rest of the frontier). Hub counts stop at a ceiling (see
 * `identifierNode`). Output is sorted by id (deterministic). Throws `ACCOUNT_NOT_FOUND` for an
 * unknown account and `INVALID_GRAPH_QUERY` for bounds out of range.
 */
export function neighbourhood(db: Db, query: NeighbourhoodQuery): Subgraph {
  requireIntIn('depth', query.depth, 1, MAX_DEPTH);
  requireIntIn('limit', query.limit, 1, MAX_NODES);
  requireIntIn('hubCap', query.hubCap, 1, Number.MAX_SAFE_INTEGER);
  const startedInTransaction = db.inTransaction;
  return inOneRead(db, () => {
    const rootKey = accountKeyOf(db, query.userId);
    if (rootKey === null)
      throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${query.userId}`);
    const cache = accountNodeCache(db, startedInTransaction);
    return new NeighbourhoodWalk(db, query, cache).run(rootKey);
  });
}

/** A pending edge to an account not yet known to be in the graph. */
interface Reach {
  accountKey: number;
  edge: (accountId: string) => GraphEdge;
}

class NeighbourhoodWalk {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly accountIds = new Map<number, string>();
  private readonly identifierIds = new Map<number, string>();
  private readonly expanded = new Set<number>();
  private readonly ceiling: number;
  private capped = false;

  constructor(
    private readonly db: Db,
    private readonly query: NeighbourhoodQuery,
    private readonly cache: AccountNodeCache | null,
  ) {
    this.ceiling = degreeCeiling(query.hubCap);
  }

  run(rootKey: number): Subgraph {
    let frontier = this.addAccounts([rootKey]);
    for (let hop = 1; hop <= this.query.depth && frontier.length > 0; hop++) {
      const next: number[] = [];
      for (let at = 0; at < frontier.length; at += BATCH) {
        if (this.full()) {
          this.capped = true;
          break;
        }
        next.push(...this.expand(frontier.slice(at, at + BATCH), rootKey));
      }
      frontier = next;
    }
    return sortedSubgraph(this.nodes.values(), this.edges.values(), this.capped);
  }

  /** Expands a batch of frontier accounts; returns the accounts it added (next frontier). */
  private expand(batch: number[], rootKey: number): number[] {
    const reaches = this.identifierHop(batch);
    const degrees = boundedPaymentDegrees(this.db, batch, this.query.hubCap);
    for (const key of batch) {
      reaches.push(...this.paymentHop(key, key === rootKey, degrees.get(key)!));
    }
    const added = this.addAccounts(reaches.map((r) => r.accountKey));
    for (const r of reaches) {
      const accountId = this.accountIds.get(r.accountKey);
      if (accountId !== undefined) this.put(r.edge(accountId));
    }
    return added;
  }

  private full(): boolean {
    return this.nodes.size >= this.query.limit;
  }

  /** Adds the identifiers of the frontier and returns the accounts their non-hub ones reach. */
  private identifierHop(frontier: number[]): Reach[] {
    const uses = identifiersOfMany(this.db, frontier);
    const unseen = [...new Set(uses.map((u) => u.key).filter((k) => !this.identifierIds.has(k)))];
    const degrees = boundedDegrees(this.db, unseen, this.ceiling);
    const toExpand: number[] = [];
    for (const use of uses) {
      let id = this.identifierIds.get(use.key);
      if (id === undefined) {
        if (this.full()) {
          this.capped = true;
          continue;
        }
        const degree = degrees.get(use.key)!;
        const node = identifierNode(use, degree, degree.count > this.query.hubCap);
        this.nodes.set(node.id, node);
        this.identifierIds.set(use.key, (id = node.id));
      }
      this.put(usesEdge(this.accountIds.get(use.accountKey)!, id, use.firstSeen, use.lastSeen));
      if (this.nodes.get(id)!.type === 'hub') {
        this.capped = true;
      } else if (!this.expanded.has(use.key)) {
        this.expanded.add(use.key);
        toExpand.push(use.key);
      }
    }
    return usesOfMany(this.db, toExpand).map((use) => {
      const target = this.identifierIds.get(use.identifierKey)!;
      return {
        accountKey: use.accountKey,
        edge: (accountId) => usesEdge(accountId, target, use.firstSeen, use.lastSeen),
      };
    });
  }

  /**
   * The payments of one frontier account, both ways. The account asked for shows up to `limit`
   * counterparties each way; any other account with more than `hubCap` in a direction is a
   * payment hub and that direction is not followed.
   */
  private paymentHop(
    accountKey: number,
    root: boolean,
    degree: { sent: number; received: number },
  ): Reach[] {
    const accountId = this.accountIds.get(accountKey)!;
    const read = (count: number, links: (limit: number) => PaymentLinkRow[]) => {
      if (count === 0) return [];
      if (root) return links(this.query.limit);
      if (count <= this.query.hubCap) return links(count);
      this.capped = true;
      return [];
    };
    const sent = read(degree.sent, (n) => paymentsSent(this.db, accountKey, n)).map((link) => ({
      accountKey: link.payee_key,
      edge: (payeeId: string) => paysEdge(accountId, payeeId, link),
    }));
    const received = read(degree.received, (n) => paymentsReceived(this.db, accountKey, n)).map(
      (link) => ({
        accountKey: link.payer_key,
        edge: (payerId: string) => paysEdge(payerId, accountId, link),
      }),
    );
    return [...sent, ...received];
  }

  /**
   * Adds the accounts new to the graph, in order, while there is room (one batched read), and
   * returns their keys: the next frontier.
   */
  private addAccounts(accountKeys: number[]): number[] {
    const wanted: number[] = [];
    const seen = new Set<number>();
    for (const key of accountKeys) {
      if (this.accountIds.has(key) || seen.has(key)) continue;
      if (this.nodes.size + wanted.length >= this.query.limit) {
        this.capped = true;
        break;
      }
      seen.add(key);
      wanted.push(key);
    }
    const loaded = accountNodes(this.db, wanted, this.cache);
    const next: number[] = [];
    for (const key of wanted) {
      const node = loaded.get(key);
      if (!node) continue;
      this.nodes.set(node.id, node);
      this.accountIds.set(key, node.id);
      next.push(key);
    }
    return next;
  }

  private put(edge: GraphEdge): void {
    this.edges.set(edge.id, edge);
  }
}
