import { DEFAULT_DETECTION_CONFIG } from '../../core/detect/config';
import { detectGroup, type ComponentGraph } from '../../core/detect/groups';
import { componentCommunities, louvainPartition } from '../../core/detect/louvain';
import { mulberry32 } from '../../core/detect/rng';

const params = DEFAULT_DETECTION_CONFIG.communities;

/** Two 6-cliques (weight 1) joined by one weak edge (0.1). */
function twoCliques() {
  const src: number[] = [];
  const dst: number[] = [];
  const weight: number[] = [];
  for (const base of [0, 6]) {
    for (let i = 0; i < 6; i++) {
      for (let j = i + 1; j < 6; j++) {
        src.push(base + i);
        dst.push(base + j);
        weight.push(1);
      }
    }
  }
  src.push(5);
  dst.push(6);
  weight.push(0.1);
  return { nodeCount: 12, src, dst, weight };
}

/**
 * A 150-account community (each linked to 6 random others, weight 0.3) with a 5-account ring
 * inside (clique of weight 1.5) tied to it by two weak links; the graph's total weight is raised
 * by other components (50,000 in weight) so that, globally, the ring falls under modularity's resolution limit.
 */
function ringInsideCommunity() {
  const rnd = mulberry32(7);
  const comp: ComponentGraph = { nodes: [], src: [], dst: [], weight: [] };
  for (let i = 0; i < 155; i++) comp.nodes.push(i);
  const seen = new Set<string>();
  const link = (a: number, b: number, w: number) => {
    const [x, y] = a < b ? [a, b] : [b, a];
    if (x === y || seen.has(`${x}-${y}`)) return;
    seen.add(`${x}-${y}`);
    comp.src.push(x);
    comp.dst.push(y);
    comp.weight.push(w);
  };
  for (let i = 0; i < 150; i++) for (let k = 0; k < 3; k++) link(i, Math.floor(rnd() * 150), 0.3);
  for (let i = 150; i < 155; i++) for (let j = i + 1; j < 155; j++) link(i, j, 1.5);
  link(150, 3, 0.3);
  link(152, 77, 0.3);
  const own = comp.weight.reduce((s, w) => s + w, 0);
  return { comp, totalWeight: own + 50_000 };
}

describe('louvain communities', () => {
  it('separates two cliques joined by a weak edge, with modularity in tolerance', () => {
    const p = louvainPartition(twoCliques(), { resolution: 1, rng: mulberry32(1) });
    expect(Array.from(p.membership)).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1]);
    expect(p.count).toBe(2);
    // Q = 2 * (15/30.1 - (30.1/60.2)^2)
    expect(p.modularity).toBeCloseTo(2 * (15 / 30.1 - 0.25), 6);
  });

  it('takes components below louvainMinSize whole', () => {
    const g = { nodeCount: 4, src: [0, 2], dst: [1, 3], weight: [1, 1] };
    expect(componentCommunities(g, params, mulberry32(1), 2)).toEqual([[0, 1, 2, 3]]);
  });

  it('keeps a cohesive ring whole: a clique with a denser core is not split', () => {
    const src: number[] = [];
    const dst: number[] = [];
    const weight: number[] = [];
    for (let i = 0; i < 10; i++) {
      for (let j = i + 1; j < 10; j++) {
        src.push(i);
        dst.push(j);
        weight.push(i < 5 && j < 5 ? 2 : 1);
      }
    }
    const out = componentCommunities(
      { nodeCount: 10, src, dst, weight },
      params,
      mulberry32(3),
      1000,
    );
    expect(out).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9]]);
  });

  it('without refinement the 5-account ring is lost in the 150; with it the ring is found exactly', () => {
    const { comp, totalWeight } = ringInsideCommunity();
    const ring = [150, 151, 152, 153, 154];
    const plain = detectGroup(
      { components: [comp] },
      { seed: 5, totalWeight, communities: { ...params, refineAbove: 1e9 } },
    );
    expect(plain.communities.some((c) => c.length === 5 && c.every((n, i) => n === ring[i]))).toBe(
      false,
    );
    expect(plain.communities.find((c) => c.includes(150))?.length).toBeGreaterThan(100);
    const refined = detectGroup(
      { components: [comp] },
      { seed: 5, totalWeight, communities: params },
    );
    expect(refined.communities).toContainEqual(ring);
    expect(refined.communities.flat().sort((a, b) => a - b)).toEqual(comp.nodes);
  });

  it('is deterministic for a seed and independent of grouping', () => {
    const { comp, totalWeight } = ringInsideCommunity();
    const gp = { seed: 11, totalWeight, communities: params };
    const a = detectGroup({ components: [comp] }, gp);
    const b = detectGroup({ components: [comp] }, gp);
    expect(b).toEqual(a);
    const other: ComponentGraph = {
      nodes: [500, 501, 502],
      src: [0, 1],
      dst: [1, 2],
      weight: [1, 1],
    };
    const together = detectGroup({ components: [other, comp] }, gp);
    expect(together.communities.filter((c) => c[0] < 500)).toEqual(a.communities);
  });
});
