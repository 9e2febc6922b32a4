/**
 * Assembles a `Subgraph` (Cytoscape-ready nodes and edges) under a node limit: accounts, the
 * identifiers that link them, hub nodes standing for identifiers shared by more accounts than
 * the hub cap, `uses` and `pays` edges. Node ids: an account is its user id, an identifier
 * `${kind}:${value}`, a hub `hub:${kind}:${value}`.
 */
import type { GraphEdge, GraphNode, IdentifierKind, Subgraph } from '../../types';
import { num, numOrNull, str, strOrNull, type Row } from './neo4j-values';

export const identifierNodeId = (kind: string, value: string) => `${kind}:${value}`;
export const hubNodeId = (kind: string, value: string) => `hub:${kind}:${value}`;

export class SubgraphBuilder {
  private readonly accounts: string[] = [];
  private readonly accountSet = new Set<string>();
  private readonly others = new Map<string, GraphNode>();
  private readonly edges = new Map<string, GraphEdge>();
  capped = false;

  constructor(readonly limit: number) {}

  get size(): number {
    return this.accounts.length + this.others.size;
  }

  hasAccount(userId: string): boolean {
    return this.accountSet.has(userId);
  }

  get accountIds(): string[] {
    return [...this.accounts];
  }

  /** Adds an account if there is room; false (and `capped`) when the limit stops it. */
  addAccount(userId: string): boolean {
    if (this.accountSet.has(userId)) return true;
    if (this.size >= this.limit) {
      this.capped = true;
      return false;
    }
    this.accounts.push(userId);
    this.accountSet.add(userId);
    return true;
  }

  /** Adds an identifier node (or a hub node when `degree` exceeds `hubCap`); returns its id, or null when there is no room. */
  addIdentifier(kind: IdentifierKind, value: string, raw: string, degree: number, hubCap: number): string | null {
    const hub = degree > hubCap;
    const id = hub ? hubNodeId(kind, value) : identifierNodeId(kind, value);
    if (this.others.has(id)) return id;
    if (this.size >= this.limit) {
      this.capped = true;
      return null;
    }
    if (hub) this.capped = true;
    this.others.set(
      id,
      hub
        ? { id, type: 'hub', label: `${kind} shared by ${degree} accounts`, props: { kind, count: degree } }
        : { id, type: kind, label: raw, props: { kind, raw, accounts: degree } },
    );
    return id;
  }

  addUses(userId: string, nodeId: string, firstSeen: number | null, lastSeen: number | null): void {
    if (!this.accountSet.has(userId) || !this.others.has(nodeId)) return;
    const id = `uses:${userId}|${nodeId}`;
    this.edges.set(id, { id, source: userId, target: nodeId, type: 'uses', props: { firstSeen, lastSeen } });
  }

  /** Adds `pays` edges from rows of payment-links-among, between accounts already in the graph. */
  addPays(rows: Row[]): void {
    for (const r of rows) {
      const payer = str(r.payerId);
      const payee = str(r.payeeId);
      if (!this.accountSet.has(payer) || !this.accountSet.has(payee)) continue;
      const id = `pays:${payer}|${payee}`;
      this.edges.set(id, {
        id,
        source: payer,
        target: payee,
        type: 'pays',
        props: {
          count: num(r.count),
          amount: num(r.amount),
          chargebacks: num(r.chargebacks),
          firstAt: numOrNull(r.firstAt),
          lastAt: numOrNull(r.lastAt),
        },
      });
    }
  }

  /** The subgraph, with account nodes described by rows of account-nodes. */
  build(accountRows: Row[]): Subgraph {
    const byId = new Map(accountRows.map((r) => [str(r.userId), r]));
    const accountNodes: GraphNode[] = this.accounts.flatMap((userId) => {
      const r = byId.get(userId);
      if (!r) return [];
      return [
        {
          id: userId,
          type: 'account' as const,
          label: userId,
          props: {
            name: strOrNull(r.name),
            createdAt: numOrNull(r.createdAt),
            country: strOrNull(r.country),
            label: strOrNull(r.label),
            stub: r.stub === true,
            chargebacks: num(r.chargebacks),
          },
        },
      ];
    });
    return { nodes: [...accountNodes, ...this.others.values()], edges: [...this.edges.values()], capped: this.capped };
  }
}
