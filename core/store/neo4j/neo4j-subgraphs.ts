/**
 * Neighbourhood and ring subgraphs from Neo4j, with the semantics of the SQLite adapter. A
 * neighbourhood is expanded breadth first from the adapter, one bounded query per hop (never an
 * unbounded `[*1..n]` path match): each frontier account's identifiers in kind then value order,
 * an identifier used by at most `hubCap` accounts followed to its accounts, a busier one kept as
 * one `hub` node and not followed; then its payment partners (at most `limit` each way). Depth
 * comes from the allow-list (1..MAX_HOPS); the node limit stops the walk.
 */
import {
  IDENTIFIER_KINDS,
  type IdentifierKind,
  type NeighbourhoodQuery,
  type Subgraph,
} from '../../types';
import { InvalidInputError, NotFoundError } from '../../errors';
import { hopBound } from './allow-list';
import type { CypherRunner } from './cypher-runner';
import { num, numOrNull, str, type Row } from './neo4j-values';
import { SubgraphBuilder } from './subgraph-builder';

const MAX_NODES = 5_000;

/** Rejects an out-of-range bound with the SQLite adapter's code. */
function requireIntIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(
      'INVALID_GRAPH_QUERY',
      `fraud-rings: ${name} must be an integer from ${min} to ${max}`,
      { [name]: value },
    );
  }
  return value;
}

const kindIndex = (r: Row) => IDENTIFIER_KINDS.indexOf(str(r.kind) as IdentifierKind);
const list = (v: Row[string]): Row[] => (Array.isArray(v) ? (v as Row[]) : []);

export class Neo4jSubgraphs {
  constructor(readonly runner: CypherRunner) {}

  async neighbourhood(query: NeighbourhoodQuery): Promise<Subgraph> {
    const depth = hopBound(query.depth);
    const limit = requireIntIn('limit', query.limit, 1, MAX_NODES);
    const hubCap = requireIntIn('hubCap', query.hubCap, 1, Number.MAX_SAFE_INTEGER);
    return this.runner.readTx('neighbourhood', async (tx) => {
      const root = await tx.run('account-nodes', { userIds: [query.userId] });
      if (root.length === 0)
        throw new NotFoundError('ACCOUNT_NOT_FOUND', `fraud-rings: no account ${query.userId}`);
      const graph = new SubgraphBuilder(limit);
      const expanded = new Set<string>();
      graph.addAccount(query.userId);
      let frontier = [query.userId];
      for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
        const next: string[] = [];
        const reach = (userId: string): boolean => {
          if (graph.hasAccount(userId)) return true;
          if (!graph.addAccount(userId)) return false;
          next.push(userId);
          return true;
        };
        const identifierRows = groupBy(await tx.run('account-neighbourhood', { frontier, hubCap }));
        const paymentRows = new Map(
          (await tx.run('account-payment-neighbours', { frontier, fanout: limit })).map((r) => [
            str(r.fromId),
            r,
          ]),
        );
        for (const from of frontier) {
          const rows = (identifierRows.get(from) ?? []).sort(
            (a, b) => kindIndex(a) - kindIndex(b) || (str(a.value) < str(b.value) ? -1 : 1),
          );
          for (const r of rows) {
            const node = graph.addIdentifier(
              str(r.kind) as IdentifierKind,
              str(r.value),
              str(r.raw),
              num(r.degree),
              hubCap,
            );
            if (node === null) continue;
            graph.addUses(from, node.id, numOrNull(r.firstSeen), numOrNull(r.lastSeen));
            if (node.type === 'hub' || expanded.has(node.id)) continue;
            expanded.add(node.id);
            const neighbours = list(r.neighbours).sort((a, b) => num(a.key) - num(b.key));
            for (const b of neighbours) {
              if (reach(str(b.userId)))
                graph.addUses(
                  str(b.userId),
                  node.id,
                  numOrNull(b.firstSeen),
                  numOrNull(b.lastSeen),
                );
            }
          }
          const pays = paymentRows.get(from);
          for (const link of list(pays?.sent ?? null))
            if (reach(str(link.otherId))) graph.addPays(from, str(link.otherId), link);
          for (const link of list(pays?.received ?? null))
            if (reach(str(link.otherId))) graph.addPays(str(link.otherId), from, link);
        }
        frontier = next;
      }
      return graph.build(await tx.run('account-nodes', { userIds: graph.accountIds }));
    });
  }

  async subgraphOf(userIds: string[], opts: { limit: number; hubCap: number }): Promise<Subgraph> {
    const limit = requireIntIn('limit', opts.limit, 1, MAX_NODES);
    const hubCap = requireIntIn('hubCap', opts.hubCap, 1, Number.MAX_SAFE_INTEGER);
    return this.runner.readTx('ring subgraph', async (tx) => {
      const graph = new SubgraphBuilder(limit);
      const known = await tx.run('account-nodes', { userIds: [...new Set(userIds)] });
      const knownIds = new Set(known.map((r) => str(r.userId)));
      for (const id of new Set(userIds)) {
        if (!knownIds.has(id)) continue;
        if (!graph.addAccount(id)) break;
      }
      const shared = (await tx.run('ring-subgraph', { userIds: graph.accountIds })).map((r) => ({
        r,
        users: list(r.users),
        id: `${str(r.kind)}:${str(r.value)}`,
      }));
      shared.sort(
        (a, b) => b.users.length - a.users.length || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
      );
      for (const { r, users } of shared) {
        const node = graph.addIdentifier(
          str(r.kind) as IdentifierKind,
          str(r.value),
          str(r.raw),
          num(r.degree),
          hubCap,
        );
        if (node === null) break;
        for (const u of users)
          graph.addUses(str(u.userId), node.id, numOrNull(u.firstSeen), numOrNull(u.lastSeen));
      }
      for (const link of await tx.run('payment-links-among', { userIds: graph.accountIds })) {
        graph.addPays(str(link.payerId), str(link.payeeId), link);
      }
      return graph.build(known);
    });
  }
}

function groupBy(rows: Row[]): Map<string, Row[]> {
  const out = new Map<string, Row[]>();
  for (const r of rows) {
    const key = str(r.fromId);
    const group = out.get(key);
    if (group) group.push(r);
    else out.set(key, [r]);
  }
  return out;
}
