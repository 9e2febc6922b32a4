/**
 * Layout choices offered to the investigator, with settings scaled to the graph's size: fCoSE
 * gives the clearest picture of rings, but its cost grows quickly, so large graphs get a draft
 * pass with fewer iterations (see bench/ui.ts for the measured times).
 */
import type { Core, LayoutOptions } from 'cytoscape';

export const LAYOUT_NAMES = ['fcose', 'concentric', 'breadthfirst', 'circle', 'grid'] as const;
export type LayoutName = (typeof LAYOUT_NAMES)[number];

export const LAYOUT_TITLES: Record<LayoutName, string> = {
  fcose: 'Force-directed',
  concentric: 'Concentric (by links)',
  breadthfirst: 'Hierarchy',
  circle: 'Circle',
  grid: 'Grid',
};

/** Above this many elements fCoSE runs in draft quality with a bounded iteration count. */
export const LARGE_GRAPH = 1500;

export function isLayoutName(value: string | null): value is LayoutName {
  return value !== null && (LAYOUT_NAMES as readonly string[]).includes(value);
}

/** Layout options for `name` given the number of elements on screen. */
export function layoutOptions(name: LayoutName, elementCount: number, animate: boolean, incremental = false): LayoutOptions {
  const large = elementCount > LARGE_GRAPH;
  const common = { animate: animate && !large, animationDuration: 350, fit: true, padding: 30 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: large ? 'draft' : 'default',
        randomize: !incremental,
        numIter: large ? 600 : 2500,
        nodeRepulsion: () => 6500,
        idealEdgeLength: () => 60,
        edgeElasticity: () => 0.45,
        nodeSeparation: 60,
        packComponents: true,
        tile: true,
      } as LayoutOptions;
    case 'concentric':
      return { name: 'concentric', ...common, minNodeSpacing: 12, concentric: (node) => node.degree(false), levelWidth: () => 2 } as LayoutOptions;
    case 'breadthfirst':
      return { name: 'breadthfirst', ...common, directed: false, spacingFactor: 1.1 } as LayoutOptions;
    case 'circle':
      return { name: 'circle', ...common } as LayoutOptions;
    case 'grid':
      return { name: 'grid', ...common, avoidOverlap: true } as LayoutOptions;
  }
}

/**
 * Runs a layout over the whole graph and resolves when it has stopped. `incremental` keeps the
 * current positions as the starting point (after an expansion) so the picture does not jump.
 */
export function runLayout(cy: Core, name: LayoutName, opts: { animate?: boolean; incremental?: boolean } = {}): Promise<void> {
  const layout = cy.layout(layoutOptions(name, cy.elements().length, opts.animate ?? true, opts.incremental ?? false));
  const done = new Promise<void>((resolve) => layout.one('layoutstop', () => resolve()));
  layout.run();
  return done;
}
