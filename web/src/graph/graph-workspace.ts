/**
 * The graph canvas and its toolbar: layout choice, fit, undo of expansions, PNG export, the time
 * window and the legend. Ring and account screens both use it; they decide what to load and
 * what to show when a node is picked.
 *
 * The container carries `data-node-count`, `data-edge-count` and `data-ready` so tests (and
 * anyone inspecting the page) can see what is drawn; `window.__cy` is the live instance.
 */
import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import fcose from 'cytoscape-fcose';
import type { CyElements } from '../../../server/api-types';
import { h } from '../dom';
import { toCyElements, type NodeData } from './elements';
import { graphStylesheet } from './graph-style';
import {
  LARGE_GRAPH,
  LAYOUT_NAMES,
  LAYOUT_TITLES,
  isLayoutName,
  runLayout,
  type LayoutName,
} from './layouts';
import { createLegend } from './legend';
import { createTimeWindow } from './time-window';

cytoscape.use(fcose);

declare global {
  interface Window {
    __cy?: Core;
  }
}

export interface WorkspaceOptions {
  layout: LayoutName;
  /** A node was picked (null: the background). */
  onSelect: (node: NodeData | null) => void;
  /** The user asked to expand an account (double click or the details panel). */
  onExpandRequest: (userId: string) => void;
  onLayoutChange: (layout: LayoutName) => void;
  /** File name stem for the PNG export. */
  exportName: string;
}

interface Expansion {
  label: string;
  added: string[];
}

export interface GraphWorkspace {
  el: HTMLElement;
  cy: Core;
  /** Replaces the graph. */
  load(elements: CyElements, capped: boolean): Promise<void>;
  /** Adds the elements not yet on screen as one undoable step; returns how many were new. */
  merge(elements: CyElements, label: string, capped: boolean): Promise<number>;
  undo(): void;
  /** Selects and centres a node; false when it is not on screen. */
  focus(nodeId: string): boolean;
  dispose(): void;
}

export function createGraphWorkspace(options: WorkspaceOptions): GraphWorkspace {
  const canvas = h('div', {
    class: 'graph-canvas',
    data: { testid: 'graph', ready: 'false', nodeCount: 0, edgeCount: 0 },
  });
  const notice = h('div', { class: 'graph-notice', attrs: { hidden: true } });
  const history: Expansion[] = [];
  let layout = options.layout;

  // Created without a container (the canvas is not in the document yet) and mounted on first load.
  const cy = cytoscape({
    style: graphStylesheet(),
    styleEnabled: true,
    minZoom: 0.05,
    maxZoom: 4,
    boxSelectionEnabled: false,
  });
  window.__cy = cy;
  let mounted = false;
  const mount = (): void => {
    if (mounted) return;
    cy.mount(canvas);
    mounted = true;
  };

  const timeWindow = createTimeWindow(cy, () => undefined);

  const layoutSelect = h(
    'select',
    { attrs: { 'aria-label': 'Layout' }, data: { testid: 'layout-select' } },
    ...LAYOUT_NAMES.map((name) =>
      h('option', { attrs: { value: name, selected: name === layout } }, LAYOUT_TITLES[name]),
    ),
  );
  layoutSelect.addEventListener('change', () => {
    if (!isLayoutName(layoutSelect.value)) return;
    layout = layoutSelect.value;
    options.onLayoutChange(layout);
    void relayout(false);
  });
  const undoButton = h(
    'button',
    {
      class: 'btn btn-small',
      attrs: { type: 'button', disabled: true, title: 'Undo the last expansion' },
      data: { testid: 'undo' },
    },
    'Undo',
  );
  undoButton.addEventListener('click', () => undo());
  const fitButton = h('button', { class: 'btn btn-small', attrs: { type: 'button' } }, 'Fit');
  fitButton.addEventListener('click', () =>
    cy.animate({ fit: { eles: cy.elements(':visible'), padding: 30 } }, { duration: 250 }),
  );
  const pngButton = h(
    'button',
    { class: 'btn btn-small', attrs: { type: 'button' }, data: { testid: 'export-png' } },
    'Export PNG',
  );
  pngButton.addEventListener('click', () => exportPng());

  const toolbar = h(
    'div',
    { class: 'graph-toolbar' },
    h('label', { class: 'inline-field' }, 'Layout ', layoutSelect),
    fitButton,
    undoButton,
    pngButton,
    timeWindow.el,
  );
  const el = h(
    'section',
    { class: 'graph-workspace' },
    toolbar,
    h('div', { class: 'graph-stage' }, canvas, notice),
    createLegend(),
  );

  cy.on('tap', 'node', (event) =>
    options.onSelect((event.target as NodeSingular).data() as NodeData),
  );
  cy.on('tap', (event) => {
    if (event.target === cy) options.onSelect(null);
  });
  cy.on('dbltap', 'node.type-account', (event) => {
    const userId = ((event.target as NodeSingular).data() as NodeData).userId;
    if (userId) options.onExpandRequest(userId);
  });

  function publishCounts(): void {
    canvas.dataset.nodeCount = String(cy.nodes().length);
    canvas.dataset.edgeCount = String(cy.edges().length);
  }

  function showNotice(capped: boolean): void {
    notice.hidden = !capped;
    notice.textContent = capped
      ? 'Showing part of the graph: a size limit or hub cap applied.'
      : '';
  }

  /** First draws are not animated (the picture should appear at once); later changes are. */
  async function relayout(incremental: boolean, animate = true): Promise<void> {
    canvas.dataset.ready = 'false';
    await runLayout(cy, layout, {
      animate: animate && cy.elements().length < LARGE_GRAPH,
      incremental,
    });
    canvas.dataset.ready = 'true';
  }

  async function load(elements: CyElements, capped: boolean): Promise<void> {
    mount();
    history.length = 0;
    undoButton.disabled = true;
    cy.batch(() => {
      cy.elements().remove();
      cy.add(
        toCyElements(elements, [], {
          quietEdges: elements.nodes.length + elements.edges.length > LARGE_GRAPH,
        }),
      );
    });
    publishCounts();
    showNotice(capped);
    timeWindow.refresh();
    await relayout(false, false);
  }

  async function merge(elements: CyElements, label: string, capped: boolean): Promise<number> {
    const fresh = toCyElements(elements, ['expanded']).filter((def) =>
      cy.getElementById(String(def.data.id)).empty(),
    );
    const newNodeIds = new Set(
      fresh.filter((def) => def.group === 'nodes').map((def) => String(def.data.id)),
    );
    const known = (id: unknown): boolean =>
      newNodeIds.has(String(id)) || !cy.getElementById(String(id)).empty();
    const added = cy.add(
      fresh.filter(
        (def) => def.group === 'nodes' || (known(def.data.source) && known(def.data.target)),
      ),
    );
    if (added.length === 0) return 0;
    history.push({ label, added: added.map((ele) => ele.id()) });
    undoButton.disabled = false;
    undoButton.title = `Undo: ${label}`;
    publishCounts();
    if (capped) showNotice(true);
    timeWindow.refresh();
    await relayout(true);
    return added.length;
  }

  function undo(): void {
    const last = history.pop();
    if (!last) return;
    cy.batch(() => {
      for (const id of last.added) cy.getElementById(id).remove();
    });
    undoButton.disabled = history.length === 0;
    undoButton.title = history.length
      ? `Undo: ${history[history.length - 1].label}`
      : 'Undo the last expansion';
    publishCounts();
    timeWindow.refresh();
    options.onSelect(null);
  }

  function focus(nodeId: string): boolean {
    const node = cy.getElementById(nodeId);
    if (node.empty()) return false;
    cy.elements().unselect();
    node.select();
    cy.animate({ center: { eles: node }, zoom: Math.max(cy.zoom(), 1.2) }, { duration: 300 });
    options.onSelect(node.data() as NodeData);
    return true;
  }

  function exportPng(): void {
    const blob = cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }) as unknown as Blob;
    const url = URL.createObjectURL(blob);
    const link = h('a', { attrs: { href: url, download: `${options.exportName}.png` } });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  return {
    el,
    cy,
    load,
    merge,
    undo,
    focus,
    dispose: () => {
      cy.destroy();
      if (window.__cy === cy) delete window.__cy;
    },
  };
}
