/**
 * Connected components of the projection by union-find (union by size, path halving), the cheap
 * first cut: Louvain then runs per component, and components are the unit of work that the
 * scale-out splits across workers.
 */

export interface Components {
  /** Component of each node, numbered in order of each component's smallest node. */
  componentOf: Int32Array;
  /** Size of each component. */
  sizes: Int32Array;
  count: number;
}

/** Components of an undirected graph of `nodeCount` nodes given as parallel endpoint arrays. */
export function connectedComponents(
  nodeCount: number,
  src: ArrayLike<number>,
  dst: ArrayLike<number>,
): Components {
  const parent = new Int32Array(nodeCount);
  const size = new Int32Array(nodeCount).fill(1);
  for (let i = 0; i < nodeCount; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  for (let e = 0; e < src.length; e++) {
    let a = find(src[e]);
    let b = find(dst[e]);
    if (a === b) continue;
    if (size[a] < size[b]) [a, b] = [b, a];
    parent[b] = a;
    size[a] += size[b];
  }
  const componentOf = new Int32Array(nodeCount);
  const idOfRoot = new Int32Array(nodeCount).fill(-1);
  const sizes: number[] = [];
  for (let i = 0; i < nodeCount; i++) {
    const r = find(i);
    if (idOfRoot[r] < 0) {
      idOfRoot[r] = sizes.length;
      sizes.push(0);
    }
    componentOf[i] = idOfRoot[r];
    sizes[idOfRoot[r]]++;
  }
  return { componentOf, sizes: Int32Array.from(sizes), count: sizes.length };
}
