import { createRequire } from 'node:module';
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { CsrGraphView } from '../../core/detect/csr-graph-view';
import { installTypedZoomOut } from '../../core/detect/louvain-zoom-out';
import { mulberry32 } from '../../core/detect/rng';

const req = createRequire(require.resolve('graphology-communities-louvain'));
const proto = (
  req('graphology-indices/louvain') as {
    UndirectedLouvainIndex: { prototype: { zoomOut: () => unknown } };
  }
).UndirectedLouvainIndex.prototype;

/** Random weighted graph: planted groups of `group` nodes plus noise edges, no duplicates. */
function randomGraph(n: number, group: number, seed: number) {
  const rnd = mulberry32(seed);
  const seen = new Set<number>();
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  const add = (a: number, b: number, w: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || seen.has(x * n + y)) return;
    seen.add(x * n + y);
    src.push(x);
    dst.push(y);
    weight.push(w);
  };
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++)
      add(i, Math.floor(i / group) * group + Math.floor(rnd() * group), 1 + rnd());
    add(i, Math.floor(rnd() * n), 0.3 * rnd());
  }
  return { nodeCount: n, src, dst, weight };
}

function run(g: ReturnType<typeof randomGraph>, seed: number, resolution: number) {
  const view = new CsrGraphView(g);
  const out = louvain.detailed(view as unknown as Graph, {
    getEdgeWeight: view.weightOf as unknown as (edge: string) => number,
    rng: mulberry32(seed),
    resolution,
  });
  return {
    communities: Array.from(
      { length: g.nodeCount },
      (_, i) => (out.communities as unknown as number[])[i],
    ),
    modularity: out.modularity,
    count: out.count,
    deltaComputations: out.deltaComputations,
    level: (out as unknown as { level: number }).level,
  };
}

describe('typed Louvain zoomOut', () => {
  const original = proto.zoomOut;
  afterAll(() => {
    installTypedZoomOut();
  });

  it('is installed on the supported graphology-indices', () => {
    expect(installTypedZoomOut()).toBe(true);
    expect(proto.zoomOut).not.toBe(original);
  });

  it.each([
    [300, 8, 1, 1],
    [2_000, 5, 2, 0.7],
    [5_000, 40, 3, 1.3],
    [70_000, 6, 4, 1],
  ])(
    'gives the library result exactly (n=%i, groups of %i, seed %i, resolution %f)',
    (n, group, seed, resolution) => {
      const g = randomGraph(n, group, seed);
      installTypedZoomOut();
      const typed = proto.zoomOut;
      proto.zoomOut = original;
      const expected = run(g, seed, resolution);
      proto.zoomOut = typed;
      const actual = run(g, seed, resolution);
      expect(expected.level).toBeGreaterThan(1);
      expect(actual).toEqual(expected);
    },
  );
});
