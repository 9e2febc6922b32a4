/**
 * Assembles a `Subgraph` under a node limit, with the node and edge ids and props the SQLite
 * adapter gives (core/store/sqlite/entities/graph-elements.ts), so the UI sees one shape:
 * - account node `account:<userId>`, props: profile, label, stub, createdAt, chargebacks;
 * - identifier node `<kind>:<value>` (type = kind, props kind, value, raw, accounts), or, when
 *   used by more accounts than the hub cap, the same id with type `hub` (props add `count`);
 * - edge `<type>:<source>-><target>`: `uses` account -> identifier (firstSeen, lastSeen), `pays`
 *   payer -> payee (count, amount, chargebacks, firstAt, lastAt).
 * Nodes and edges come out sorted by id, so equal data gives identical subgraphs.
 */
import type { GraphEdge, GraphNode, IdentifierKind, Subgraph } from '../../types';
import { money, num, numOrNull, str, strOrNull, type Row } from './neo4j-values';

export const accountNodeId = (userId: string) => `account:${userId}`;
export const identifierNodeId = (kind: string, value: string) => `${kind}:${value}`;
const edgeId = (type: GraphEdge['type'], source: string, target: string) =>
  `${type}:${source}->${target}`;
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export class SubgraphBuilder {
  private readonly nodes = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  private readonly accounts: string[] = [];
  capped = false;

  constructor(readonly limit: number) {}

  hasAccount(userId: string): boolean {
    return this.nodes.has(accountNodeId(userId));
  }

  get accountIds(): string[] {
    return [...this.accounts];
  }

  /** Adds an account (a placeholder until `build` fills its props); false, and `capped`, when the limit stops it. */
  addAccount(userId: string): boolean {
    const id = accountNodeId(userId);
    if (this.nodes.has(id)) return true;
    if (this.nodes.size >= this.limit) {
      this.capped = true;
      return false;
    }
    this.nodes.set(id, { id, type: 'account', label: userId, props: {} });
    this.accounts.push(userId);
    return true;
  }

  /**
   * Adds an identifier node, as a `hub` when `degree` exceeds `hubCap` (which also marks the
   * result capped). Returns the node, or null when the limit leaves no room.
   */
  addIdentifier(
    kind: IdentifierKind,
    value: string,
    raw: string,
    degree: number,
    hubCap: number,
  ): GraphNode | null {
    const id = identifierNodeId(kind, value);
    const known = this.nodes.get(id);
    if (known) return known;
    if (this.nodes.size >= this.limit) {
      this.capped = true;
      return null;
    }
    const hub = degree > hubCap;
    if (hub) this.capped = true;
    const node: GraphNode = {
      id,
      type: hub ? 'hub' : kind,
      label: hub ? `${raw} (${degree} accounts)` : raw,
      props: hub
        ? { kind, value, raw, count: degree, accounts: degree }
        : { kind, value, raw, accounts: degree },
    };
    this.nodes.set(id, node);
    return node;
  }

  addUses(userId: string, nodeId: string, firstSeen: number | null, lastSeen: number | null): void {
    const source = accountNodeId(userId);
    if (!this.nodes.has(source) || !this.nodes.has(nodeId)) return;
    const id = edgeId('uses', source, nodeId);
    this.edges.set(id, {
      id,
      source,
      target: nodeId,
      type: 'uses',
      props: { firstSeen, lastSeen },
    });
  }

  /** Adds the `pays` edge of one aggregate row (count, amount, chargebacks, firstAt, lastAt) between accounts in the graph. */
  addPays(payerId: string, payeeId: string, r: Row): void {
    const source = accountNodeId(payerId);
    const target = accountNodeId(payeeId);
    if (!this.nodes.has(source) || !this.nodes.has(target)) return;
    const id = edgeId('pays', source, target);
    this.edges.set(id, {
      id,
      source,
      target,
      type: 'pays',
      props: {
        count: num(r.count),
        amount: money(r.amount),
        chargebacks: num(r.chargebacks),
        firstAt: numOrNull(r.firstAt),
        lastAt: numOrNull(r.lastAt),
      },
    });
  }

  /** The subgraph, account props taken from rows of `account-nodes.cypher`. */
  build(accountRows: Row[]): Subgraph {
    for (const r of accountRows) {
      const node = this.nodes.get(accountNodeId(str(r.userId)));
      if (!node) continue;
      node.props = {
        userId: str(r.userId),
        name: strOrNull(r.name),
        email: strOrNull(r.email),
        phone: strOrNull(r.phone),
        address: strOrNull(r.address),
        country: strOrNull(r.country),
        label: strOrNull(r.label),
        stub: r.stub === true,
        createdAt: numOrNull(r.createdAt),
        chargebacks: num(r.chargebacks),
      };
    }
    return {
      nodes: [...this.nodes.values()].sort(byId),
      edges: [...this.edges.values()].sort(byId),
      capped: this.capped,
    };
  }
}
