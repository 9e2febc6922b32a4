/**
 * How the graph looks. One table of node kinds (colour, shape, size) feeds both the Cytoscape
 * stylesheet and the legend, so the two cannot drift apart.
 */
import type { StylesheetJson } from 'cytoscape';
import type { ApiGraphNodeType } from '../../../server/api-types';

export interface NodeKindStyle {
  type: ApiGraphNodeType;
  title: string;
  colour: string;
  shape:
    | 'ellipse'
    | 'round-rectangle'
    | 'diamond'
    | 'tag'
    | 'round-triangle'
    | 'hexagon'
    | 'rectangle'
    | 'octagon';
  size: number;
}

export const NODE_KINDS: readonly NodeKindStyle[] = [
  { type: 'account', title: 'Account', colour: '#2563eb', shape: 'ellipse', size: 30 },
  { type: 'device', title: 'Device', colour: '#7c3aed', shape: 'round-rectangle', size: 20 },
  { type: 'ip', title: 'IP address', colour: '#0891b2', shape: 'diamond', size: 20 },
  { type: 'email', title: 'Email', colour: '#db2777', shape: 'tag', size: 20 },
  { type: 'phone', title: 'Phone', colour: '#059669', shape: 'round-triangle', size: 20 },
  { type: 'address', title: 'Address', colour: '#b45309', shape: 'hexagon', size: 20 },
  { type: 'card', title: 'Card', colour: '#ca8a04', shape: 'rectangle', size: 20 },
  {
    type: 'hub',
    title: 'Shared by many (collapsed)',
    colour: '#475569',
    shape: 'octagon',
    size: 34,
  },
];

export const MARK_COLOURS = {
  fraud: '#dc2626',
  chargeback: '#f97316',
  payment: '#0f766e',
  uses: '#cbd5e1',
  selected: '#111827',
} as const;

/** The Cytoscape stylesheet. Labels are drawn on the canvas as text, never parsed as markup. */
export function graphStylesheet(): StylesheetJson {
  const kinds: StylesheetJson = NODE_KINDS.map((kind) => ({
    selector: `node.type-${kind.type}`,
    style: {
      'background-color': kind.colour,
      shape: kind.shape,
      width: kind.size,
      height: kind.size,
    },
  }));
  return [
    {
      selector: 'node',
      style: {
        label: 'data(display)',
        'font-size': 9,
        'font-family': 'Inter, system-ui, sans-serif',
        color: '#1f2937',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#ffffff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 7,
        'border-width': 0,
      },
    },
    ...kinds,
    {
      selector: 'node.identifier',
      style: { width: 'mapData(degree, 1, 16, 16, 40)', height: 'mapData(degree, 1, 16, 16, 40)' },
    },
    { selector: 'node.type-account', style: { 'font-size': 10, 'font-weight': 600 } },
    {
      selector: 'node.type-account.member',
      style: { 'border-width': 2, 'border-color': '#1e3a8a' },
    },
    {
      selector: 'node.type-account.stub',
      style: {
        'background-color': '#94a3b8',
        'border-style': 'dashed',
        'border-width': 2,
        'border-color': '#475569',
      },
    },
    {
      selector: 'node.type-account.center',
      style: { width: 40, height: 40, 'border-width': 4, 'border-color': '#111827' },
    },
    {
      selector: 'node.type-account.chargeback',
      style: { 'border-width': 5, 'border-color': MARK_COLOURS.chargeback },
    },
    { selector: 'node.type-account.fraud', style: { 'background-color': MARK_COLOURS.fraud } },
    {
      selector: 'node.type-hub',
      style: {
        color: '#ffffff',
        'text-valign': 'center',
        'text-margin-y': 0,
        'text-outline-color': '#475569',
        width: 56,
        height: 30,
        'font-size': 10,
      },
    },
    { selector: 'node.expanded', style: { opacity: 0.9 } },
    {
      selector: 'edge',
      style: {
        width: 1,
        'line-color': MARK_COLOURS.uses,
        'curve-style': 'haystack',
        'haystack-radius': 0,
      },
    },
    {
      selector: 'edge.type-pays',
      style: {
        'curve-style': 'bezier',
        'line-color': MARK_COLOURS.payment,
        'target-arrow-color': MARK_COLOURS.payment,
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.9,
        width: 'mapData(amount, 0, 20000, 1.5, 6)',
        label: 'data(display)',
        'font-size': 8,
        color: '#0f766e',
        'text-rotation': 'autorotate',
        'text-background-color': '#ffffff',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 6,
      },
    },
    {
      selector: 'edge.type-pays.chargeback',
      style: {
        'line-color': MARK_COLOURS.chargeback,
        'target-arrow-color': MARK_COLOURS.chargeback,
        'line-style': 'dashed',
      },
    },
    { selector: 'edge.quiet', style: { label: '' } },
    { selector: '.out-of-window', style: { display: 'none' } },
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node:selected',
      style: {
        'overlay-color': MARK_COLOURS.selected,
        'overlay-opacity': 0.15,
        'overlay-padding': 6,
        'border-width': 3,
        'border-color': MARK_COLOURS.selected,
      },
    },
    {
      selector: 'edge:selected',
      style: { 'overlay-color': MARK_COLOURS.selected, 'overlay-opacity': 0.15 },
    },
  ];
}
