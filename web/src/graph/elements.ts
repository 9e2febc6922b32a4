/**
 * Turns the API's Cytoscape elements into the element definitions the UI draws: flat data fields
 * that style selectors can read (`fraud`, `chargebacks`, `amount`, a time span) and classes by
 * type. The API's `props` stay available under `data.props` for the details panel.
 */
import type { ElementDefinition } from 'cytoscape';
import type { ApiGraphProps, CyEdgeData, CyElements, CyNodeData } from '../../../server/api-types';
import { formatCompact } from '../format';

/** Data of a drawn node; `userId` is set on account nodes. */
export interface NodeData extends CyNodeData {
  userId: string | null;
  display: string;
  chargebacks: number;
  count: number;
  /** Links on screen when loaded; identifier nodes are drawn larger the more accounts they tie together. */
  degree: number;
}

/** Data of a drawn edge; `t0`/`t1` are the first and last time it was seen (ms), when known. */
export interface EdgeData extends CyEdgeData {
  amount: number;
  display: string;
  t0: number | null;
  t1: number | null;
}

const num = (props: ApiGraphProps, ...keys: string[]): number | null => {
  for (const key of keys) {
    const value = props[key];
    if (typeof value === 'number' && Number.isFinite(value)) return value;
  }
  return null;
};

const ACCOUNT_PREFIX = 'account:';

/** The graph node id of an account (the store's id scheme: `account:<user id>`). */
export function accountNodeId(userId: string): string {
  return `${ACCOUNT_PREFIX}${userId}`;
}

/** The user id of an account node: its `userId` prop, else its id without the prefix. */
export function userIdOf(node: CyNodeData): string | null {
  if (node.type !== 'account') return null;
  if (typeof node.props.userId === 'string') return node.props.userId;
  return node.id.startsWith(ACCOUNT_PREFIX) ? node.id.slice(ACCOUNT_PREFIX.length) : node.id;
}

const MAX_LABEL = 24;
const shorten = (text: string): string =>
  text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;

function nodeDisplay(node: CyNodeData): string {
  if (node.type === 'hub') {
    const count = num(node.props, 'count') ?? 0;
    const kind = typeof node.props.kind === 'string' ? node.props.kind : 'identifier';
    return `${kind} ×${count}`;
  }
  return shorten(node.label || userIdOf(node) || node.id);
}

function nodeClasses(node: CyNodeData, chargebacks: number): string[] {
  const classes = [`type-${node.type}`];
  if (node.type !== 'account') return node.type === 'hub' ? classes : [...classes, 'identifier'];
  if (node.props.label === 'fraud') classes.push('fraud');
  if (chargebacks > 0) classes.push('chargeback');
  if (node.props.stub === true) classes.push('stub');
  if (node.props.member === true) classes.push('member');
  if (node.props.center === true) classes.push('center');
  return classes;
}

/** Chargebacks per account: the node's own count when the API gives one, else summed from payment edges. */
function chargebacksByAccount(elements: CyElements): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { data } of elements.edges) {
    if (data.type !== 'pays') continue;
    const cb = num(data.props, 'chargebacks') ?? 0;
    if (cb > 0) counts.set(data.source, (counts.get(data.source) ?? 0) + cb);
  }
  for (const { data } of elements.nodes) {
    const own = num(data.props, 'chargebacks');
    if (own !== null) counts.set(data.id, own);
  }
  return counts;
}

/**
 * Converts API elements; `extraClasses` marks, for instance, elements added by an expansion.
 * `quietEdges` drops the amount labels of payment edges: on large graphs they cannot be read
 * anyway and measuring them costs a noticeable part of the first frame.
 */
export function toCyElements(
  elements: CyElements,
  extraClasses: string[] = [],
  opts: { quietEdges?: boolean } = {},
): ElementDefinition[] {
  const chargebacks = chargebacksByAccount(elements);
  const degree = new Map<string, number>();
  for (const { data } of elements.edges) {
    degree.set(data.source, (degree.get(data.source) ?? 0) + 1);
    degree.set(data.target, (degree.get(data.target) ?? 0) + 1);
  }
  const out: ElementDefinition[] = [];
  for (const { data } of elements.nodes) {
    const cb = chargebacks.get(data.id) ?? 0;
    const nodeData: NodeData = {
      ...data,
      userId: userIdOf(data),
      display: nodeDisplay(data),
      chargebacks: cb,
      count: num(data.props, 'count') ?? 0,
      degree: degree.get(data.id) ?? 0,
    };
    out.push({
      group: 'nodes',
      data: nodeData,
      classes: [...nodeClasses(data, cb), ...extraClasses],
    });
  }
  for (const { data } of elements.edges) {
    const amount = num(data.props, 'amount') ?? 0;
    const t0 = num(data.props, 'firstAt', 'firstSeen', 'at', 'seenAt');
    const t1 = num(data.props, 'lastAt', 'lastSeen', 'at', 'seenAt') ?? t0;
    const count = num(data.props, 'count');
    const display =
      data.type === 'pays'
        ? `${formatCompact(amount)}${count && count > 1 ? ` (${count})` : ''}`
        : '';
    const edgeData: EdgeData = { ...data, amount, display, t0, t1 };
    const classes = [`type-${data.type}`, ...extraClasses];
    if (data.type === 'pays' && (num(data.props, 'chargebacks') ?? 0) > 0)
      classes.push('chargeback');
    if (opts.quietEdges) classes.push('quiet');
    out.push({ group: 'edges', data: edgeData, classes });
  }
  return out;
}
