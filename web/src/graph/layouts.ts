/**
 * Layout choices offered to the investigator, with settings scaled to the graph's size. fCoSE
 * gives the clearest picture of rings, but its force-directed refinement grows quickly with size
 * (it ignores a lower `numIter`: about 10 s for 5,000 elements on a loaded 2-core machine), so
 * above `LARGE_GRAPH` elements it runs in draft quality (its spectral pass alone, about 1 s) and
 * nodes the spectral pass puts on the same spot are then fanned out. See bench/ui.ts.
 */
import type { Core, LayoutOptions, NodeSingular } from 'cytoscape';

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
export function layoutOptions(
  name: LayoutName,
  elementCount: number,
  animate: boolean,
  incremental = false,
): LayoutOptions {
  const large = elementCount > LARGE_GRAPH;
  const common = { animate: animate && !large, animationDuration: 350, fit: true, padding: 30 };
  switch (name) {
    case 'fcose':
      return {
        name: 'fcose',
        ...common,
        quality: large ? 'draft' : 'default',
        randomize: !incremental,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 85,
        edgeElasticity: () => 0.45,
        nodeSeparation: 75,
        packComponents: true,
        tile: true,
      } as LayoutOptions;
    case 'concentric':
      return {
        name: 'concentric',
        ...common,
        minNodeSpacing: 12,
        concentric: (node) => node.degree(false),
        levelWidth: () => 2,
      } as LayoutOptions;
    case 'breadthfirst':
      return {
        name: 'breadthfirst',
        ...common,
        directed: false,
        spacingFactor: 1.1,
      } as LayoutOptions;
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
export function runLayout(
  cy: Core,
  name: LayoutName,
  opts: { animate?: boolean; incremental?: boolean } = {},
): Promise<void> {
  const large = cy.elements().length > LARGE_GRAPH;
  const layout = cy.layout(
    layoutOptions(name, cy.elements().length, opts.animate ?? true, opts.incremental ?? false),
  );
  const done = new Promise<void>((resolve) =>
    layout.one('layoutstop', () => {
      if (large && name === 'fcose') {
        fanOutCoincident(cy);
        cy.fit(undefined, 30);
      }
      resolve();
    }),
  );
  layout.run();
  return done;
}

/**
 * Spreads nodes that share (nearly) one position onto a small circle around it, in linear time
 * with a grid of buckets. The spectral draft places nodes with the same neighbours on one spot;
 * after this each stays visible and clickable.
 */
export function fanOutCoincident(cy: Core, cell = 4): void {
  const buckets = new Map<string, NodeSingular[]>();
  cy.nodes().forEach((node) => {
    const p = node.position();
    const key = `${Math.round(p.x / cell)}:${Math.round(p.y / cell)}`;
    const bucket = buckets.get(key);
    if (bucket) bucket.push(node);
    else buckets.set(key, [node]);
  });
  cy.batch(() => {
    for (const nodes of buckets.values()) {
      if (nodes.length < 2) continue;
      const centre = { ...nodes[0].position() };
      const radius = 14 * Math.sqrt(nodes.length);
      nodes.forEach((node, i) => {
        const angle = (2 * Math.PI * i) / nodes.length;
        node.position({
          x: centre.x + radius * Math.cos(angle),
          y: centre.y + radius * Math.sin(angle),
        });
      });
    }
  });
}
