import type { Subgraph } from '../../core/types';
import type { CyElements } from '../api-types';

/** The graph node id of an account (the store's contract: `account:<user id>`). */
export function accountNodeId(userId: string): string {
  return `account:${userId}`;
}

/** A subgraph as Cytoscape `elements` (`{nodes: [{data}], edges: [{data}]}`). */
export function toCyElements(g: Subgraph): CyElements {
  return {
    nodes: g.nodes.map((n) => ({
      data: { id: n.id, type: n.type, label: n.label, props: n.props },
    })),
    edges: g.edges.map((e) => ({
      data: { id: e.id, source: e.source, target: e.target, type: e.type, props: e.props },
    })),
  };
}
