/**
 * Neighbourhood and ring subgraphs from Neo4j. A neighbourhood is expanded hop by hop from the
 * adapter (one bounded query per hop rather than an unbounded `[*1..n]` path match): each hop
 * follows identifiers used by at most `hubCap` accounts and at most `limit` payment partners per
 * account, and a busier identifier becomes one hub node. Depth comes from the allow-list
 * (1..MAX_HOPS); the node limit stops the expansion.
 */
import type { IdentifierKind, NeighbourhoodQuery, Subgraph } from '../../types';
import { hopBound, positiveBound } from './allow-list';
import type { CypherRunner } from './cypher-runner';
import { num, numOrNull, str, type Row } from './neo4j-values';
import { SubgraphBuilder } from './subgraph-builder';

const MAX_NODES = 5_000;
const MAX_HUB_CAP = 1_000_000;

export class Neo4jSubgraphs {
  constructor(readonly runner: CypherRunner) {}

  async neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    const depth = hopBound(query.depth);
    const limit = positiveBound('limit', query.limit, MAX_NODES);
    const hubCap = positiveBound('hubCap', query.hubCap, MAX_HUB_CAP);
    return this.runner.readTx('neighbourhood', async (tx) => {
      const graph = new SubgraphBuilder(limit);
      const start = await tx.run('account-nodes', { userIds: [query.userId] });
      if (start.length === 0) return { nodes: [], edges: [], capped: false };
      graph.addAccount(query.userId);
      let frontier = [query.userId];
      for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
        const next: string[] = [];
        const reach = (userId: string) => {
          if (graph.hasAccount(userId)) return true;
          if (!graph.addAccount(userId)) return false;
          next.push(userId);
          return true;
        };
        for (const r of await tx.run('account-neighbourhood', { frontier, hubCap })) {
          const nodeId = graph.addIdentifier(str(r.kind) as IdentifierKind, str(r.value), str(r.raw), num(r.degree), hubCap);
          if (nodeId === null) continue;
          graph.addUses(str(r.fromId), nodeId, numOrNull(r.firstSeen), numOrNull(r.lastSeen));
          for (const b of (Array.isArray(r.neighbours) ? r.neighbours : []) as Row[]) {
            if (reach(str(b.userId))) graph.addUses(str(b.userId), nodeId, numOrNull(b.firstSeen), numOrNull(b.lastSeen));
          }
        }
        for (const r of await tx.run('account-payment-neighbours', { frontier, fanout: limit })) {
          for (const b of [...(Array.isArray(r.out) ? r.out : []), ...(Array.isArray(r.in) ? r.in : [])]) reach(str(b));
        }
        frontier = next;
      }
      const accounts = graph.accountIds;
      graph.addPays(await tx.run('payment-links-among', { userIds: accounts }));
      return graph.build(await tx.run('account-nodes', { userIds: accounts }));
    });
  }

  async subgraphOf(userIds: string[], opts: { limit: number; hubCap: number }): Promise<Subgraph> {
    const limit = positiveBound('limit', opts.limit, MAX_NODES);
    const hubCap = positiveBound('hubCap', opts.hubCap, MAX_HUB_CAP);
    return this.runner.readTx('ring subgraph', async (tx) => {
      const graph = new SubgraphBuilder(limit);
      const known = await tx.run('account-nodes', { userIds: [...new Set(userIds)] });
      const knownIds = new Set(known.map((r) => str(r.userId)));
      for (const id of userIds) if (knownIds.has(id)) graph.addAccount(id);
      const shared = await tx.run('ring-subgraph', { userIds: graph.accountIds });
      shared.sort((a, b) => (Array.isArray(b.users) ? b.users.length : 0) - (Array.isArray(a.users) ? a.users.length : 0));
      for (const r of shared) {
        const nodeId = graph.addIdentifier(str(r.kind) as IdentifierKind, str(r.value), str(r.raw), num(r.degree), hubCap);
        if (nodeId === null) continue;
        for (const u of (Array.isArray(r.users) ? r.users : []) as Row[]) {
          graph.addUses(str(u.userId), nodeId, numOrNull(u.firstSeen), numOrNull(u.lastSeen));
        }
      }
      graph.addPays(await tx.run('payment-links-among', { userIds: graph.accountIds }));
      return graph.build(known);
    });
  }
}
