import { UndirectedGraph } from 'graphology';
import type Graph from 'graphology';
import louvain from 'graphology-communities-louvain';
import { CsrGraphView } from '../../core/detect/csr-graph-view';
import { mulberry32 } from '../../core/detect/rng';

/** A random weighted graph of `n` nodes with planted groups of 8, no duplicate edges. */
function randomGraph(n: number, seed: number) {
  const rnd = mulberry32(seed);
  const seen = new Set<string>();
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  const add = (a: number, b: number, w: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || seen.has(`${x}:${y}`)) return;
    seen.add(`${x}:${y}`);
    src.push(x);
    dst.push(y);
    weight.push(w);
  };
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) add(i, Math.floor(i / 8) * 8 + Math.floor(rnd() * 8), 1 + rnd());
    add(i, Math.floor(rnd() * n), 0.2 * rnd());
  }
  return { nodeCount: n, src, dst, weight };
}

describe('CsrGraphView', () => {
  it('gives graphology-communities-louvain exactly the result of a real graphology graph', () => {
    const g = randomGraph(400, 9);
    const real = new UndirectedGraph();
    for (let i = 0; i < g.nodeCount; i++) real.addNode(i);
    g.src.forEach((s, e) => real.addEdgeWithKey(e, s, g.dst[e], { weight: g.weight[e] }));
    const expected = louvain.detailed(real, {
      getEdgeWeight: 'weight',
      rng: mulberry32(5),
      resolution: 1.2,
    });
    const view = new CsrGraphView(g);
    const got = louvain.detailed(view as unknown as Graph, {
      getEdgeWeight: view.weightOf as unknown as (edge: string) => number,
      rng: mulberry32(5),
      resolution: 1.2,
    });
    expect(got.communities).toEqual(expected.communities);
    expect(got.modularity).toBeCloseTo(expected.modularity, 12);
    expect(got.count).toBe(expected.count);
    expect(got.count).toBeGreaterThan(10);
  });

  it('is read-only', () => {
    const view = new CsrGraphView({ nodeCount: 2, src: [0], dst: [1], weight: [1] });
    expect(() => view.addUndirectedEdgeWithKey()).toThrow(/read-only/);
    expect(view.undirectedDegreeWithoutSelfLoops(1)).toBe(1);
  });
});
