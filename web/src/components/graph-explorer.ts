/**
 * The graph workspace wired to the API: picking a node shows its details, expanding an account
 * merges its neighbourhood (hubs arrive collapsed from the server) as one undoable step, and the
 * selected node and layout are kept in the URL.
 */
import { endpoints } from '../api/endpoints';
import { h } from '../dom';
import type { NodeData } from '../graph/elements';
import { createGraphWorkspace, type GraphWorkspace } from '../graph/graph-workspace';
import { isLayoutName } from '../graph/layouts';
import { replaceQuery, type Route } from '../router';
import { showNodeDetails, type NodeDetailsActions } from './node-details';
import { toast, toastError } from './toast';

export interface GraphExplorer {
  workspace: GraphWorkspace;
  /** The details panel (put it wherever the screen wants it). */
  details: HTMLElement;
  expand(userId: string): Promise<void>;
  /** Selects the node named in the URL, if it is on screen; otherwise shows the overview. */
  restoreSelection(): void;
  /** Sets what the details panel shows when nothing is picked. */
  setOverview(render: () => HTMLElement): void;
  dispose(): void;
}

/** `onSelected` lets the screen react to a pick (for instance, bring the details tab forward). */
export function createGraphExplorer(
  route: Route,
  exportName: string,
  onSelected?: (node: NodeData | null) => void,
): GraphExplorer {
  const details = h('div', { class: 'node-details', data: { testid: 'node-details' } });
  const layoutParam = route.query.get('layout');

  const workspace: GraphWorkspace = createGraphWorkspace({
    layout: isLayoutName(layoutParam) ? layoutParam : 'fcose',
    exportName,
    onSelect: (node) => select(node),
    onExpandRequest: (userId) => void expand(userId),
    onLayoutChange: (layout) => replaceQuery(route, { layout: layout === 'fcose' ? null : layout }),
  });

  const actions: NodeDetailsActions = {
    expand: (userId: string) => void expand(userId),
    focus: (nodeId: string) => workspace.focus(nodeId),
    neighboursOf: (nodeId: string) =>
      workspace.cy
        .getElementById(nodeId)
        .neighborhood('node.type-account')
        .map((node) => ({ id: node.id(), label: String(node.data('display')) })),
  };

  function select(node: NodeData | null): void {
    replaceQuery(route, { node: node?.id ?? null });
    showNodeDetails(details, node, actions);
    onSelected?.(node);
  }

  async function expand(userId: string): Promise<void> {
    try {
      const reply = await endpoints.neighbourhood(userId, 1, 200);
      const added = await workspace.merge(reply.elements, `expand ${userId}`, reply.capped);
      toast(
        added
          ? `Added ${added} elements around ${userId}.`
          : `Everything around ${userId} is already on screen.`,
      );
    } catch (err) {
      toastError(err);
    }
  }

  showNodeDetails(details, null, actions);
  return {
    workspace,
    details,
    expand,
    restoreSelection: () => {
      const nodeId = route.query.get('node');
      if (!nodeId || !workspace.focus(nodeId)) showNodeDetails(details, null, actions);
    },
    setOverview: (render) => {
      actions.overview = render;
    },
    dispose: () => workspace.dispose(),
  };
}
