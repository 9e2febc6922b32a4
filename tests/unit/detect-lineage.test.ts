import { matchLineage, ringIdFor } from '../../core/detect/lineage';

const m = (prefix: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${prefix}${from + i}`).sort();

describe('lineage', () => {
  it('a ring id is the hash of its sorted member set, independent of anything else', () => {
    expect(ringIdFor(['a', 'b', 'c'])).toBe(ringIdFor(['a', 'b', 'c']));
    expect(ringIdFor(['a', 'b', 'c'])).not.toBe(ringIdFor(['a', 'b', 'd']));
    expect(ringIdFor(['a', 'b', 'c'])).toMatch(/^ring-[0-9a-f]{16}$/);
  });

  it('first run: every ring is new with its member-hash id', () => {
    const { rings, dissolved } = matchLineage([], [m('a', 1, 5)]);
    expect(rings).toEqual([
      { ringId: ringIdFor(m('a', 1, 5)), status: 'new', parents: [], jaccard: null },
    ]);
    expect(dissolved).toEqual([]);
  });

  it('ongoing, grown and shrunk keep the id', () => {
    const prev = [
      { ringId: 'R1', members: m('a', 1, 6) },
      { ringId: 'R2', members: m('b', 1, 6) },
      { ringId: 'R3', members: m('c', 1, 6) },
    ];
    const { rings, dissolved } = matchLineage(prev, [m('a', 1, 6), m('b', 1, 9), m('c', 1, 4)]);
    expect(rings).toEqual([
      { ringId: 'R1', status: 'ongoing', parents: ['R1'], jaccard: 1 },
      { ringId: 'R2', status: 'grown', parents: ['R2'], jaccard: 0.667 },
      { ringId: 'R3', status: 'shrunk', parents: ['R3'], jaccard: 0.667 },
    ]);
    expect(dissolved).toEqual([]);
  });

  it('merged: the largest parent id survives, both parents are listed', () => {
    const prev = [
      { ringId: 'R1', members: m('a', 1, 6) },
      { ringId: 'R2', members: m('b', 1, 4) },
    ];
    const { rings, dissolved } = matchLineage(prev, [[...m('a', 1, 6), ...m('b', 1, 4)].sort()]);
    expect(rings).toEqual([
      { ringId: 'R1', status: 'merged', parents: ['R1', 'R2'], jaccard: 0.6 },
    ]);
    expect(dissolved).toEqual([]);
  });

  it('split: the child with most of the parent keeps its id, the other gets a new one', () => {
    const prev = [{ ringId: 'R1', members: m('a', 1, 10) }];
    const big = m('a', 1, 6);
    const small = m('a', 7, 10);
    const { rings } = matchLineage(prev, [small, big]);
    expect(rings).toEqual([
      { ringId: ringIdFor(small), status: 'split', parents: ['R1'], jaccard: 0.4 },
      { ringId: 'R1', status: 'split', parents: ['R1'], jaccard: 0.6 },
    ]);
  });

  it('dissolved: a previous ring with no successor names where its members went', () => {
    const prev = [
      { ringId: 'R1', members: m('a', 1, 8) },
      { ringId: 'R2', members: m('b', 1, 4) },
    ];
    const next = [[...m('x', 1, 9), 'a1'].sort()];
    const { rings, dissolved } = matchLineage(prev, next);
    expect(rings[0].status).toBe('new');
    expect(dissolved).toEqual([
      { ringId: 'R1', kind: 'dissolved', related: [rings[0].ringId] },
      { ringId: 'R2', kind: 'dissolved', related: [] },
    ]);
  });

  it('a new ring never takes the id of a previous ring', () => {
    const members = m('a', 1, 4);
    const prev = [{ ringId: ringIdFor(members), members: m('z', 1, 4) }];
    const { rings } = matchLineage(prev, [members]);
    expect(rings[0]).toEqual({
      ringId: `${ringIdFor(members)}-2`,
      status: 'new',
      parents: [],
      jaccard: null,
    });
  });
});
