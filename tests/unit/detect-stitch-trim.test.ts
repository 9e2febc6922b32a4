import { stitchFlagged } from '../../core/detect/stitch';
import { trimFlagged } from '../../core/detect/trim';
import type { MemberMoney } from '../../core/detect/features';
import type { Projection } from '../../core/detect/projection';

/** A projection holding only what stitching and trimming read: the account count and the edges. */
function graph(n: number, edges: Array<[number, number, number]>): Projection {
  return {
    accounts: { count: n },
    edges: {
      src: Int32Array.from(edges.map((e) => e[0])),
      dst: Int32Array.from(edges.map((e) => e[1])),
      weight: Float64Array.from(edges.map((e) => e[2])),
    },
  } as unknown as Projection;
}

const noMoney = (n: number): MemberMoney => ({
  sent: new Float64Array(n),
  received: new Float64Array(n),
  chargebacks: new Int32Array(n),
});

describe('stitching flagged parts', () => {
  // Two halves of a chain 0-1-2 | 3-4-5, joined by 2-3 (weight 1), each half with one outside link (weight 1).
  const chain = graph(8, [
    [0, 1, 1],
    [1, 2, 1],
    [2, 3, 1],
    [3, 4, 1],
    [4, 5, 1],
    [0, 6, 1],
    [5, 7, 1],
  ]);

  it('joins two flagged parts linked by a large share of their boundary', () => {
    // boundary of each half = 2 (the join + its outside link); between = 1 >= 0.2 * 2
    expect(
      stitchFlagged(
        chain,
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        [true, true],
        0.2,
      ),
    ).toEqual([[0, 1, 2, 3, 4, 5]]);
  });

  it('puts joined parts where the first of them was, members ascending, others untouched', () => {
    const parts = [[3, 4, 5], [6], [0, 1, 2], [7]];
    const stitched = stitchFlagged(chain, parts, [true, false, true, false], 0.2);
    expect(stitched).toEqual([[0, 1, 2, 3, 4, 5], [6], [7]]);
    expect(stitched[1]).toBe(parts[1]);
  });

  it('leaves parts alone when one is not flagged or the link is a small share', () => {
    expect(
      stitchFlagged(
        chain,
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        [true, false],
        0.2,
      ),
    ).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
    expect(
      stitchFlagged(
        chain,
        [
          [0, 1, 2],
          [3, 4, 5],
        ],
        [true, true],
        0.6,
      ),
    ).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});

describe('trimming flagged rings', () => {
  // A triangle 0-1-2 (weight 1 each) with account 3 paid once by 0 (weight 0.5), and 4 tied to 1 and 2 weakly but mostly elsewhere (to 5).
  const g = graph(6, [
    [0, 1, 1],
    [0, 2, 1],
    [1, 2, 1],
    [0, 3, 0.5],
    [1, 4, 0.2],
    [2, 4, 0.2],
    [4, 5, 3],
  ]);

  it('drops members tied to one member only, or mostly tied elsewhere', () => {
    expect(
      trimFlagged(g, [[0, 1, 2, 3, 4]], [true], noMoney(6), { minInsideShare: 0.35, minSize: 3 }),
    ).toEqual([[0, 1, 2]]);
  });

  it('keeps a one-link member that relays money (in = out), and never trims below minSize or unflagged rings', () => {
    const money = noMoney(6);
    money.sent[3] = 90;
    money.received[3] = 100;
    expect(
      trimFlagged(g, [[0, 1, 2, 3, 4]], [true], money, { minInsideShare: 0.35, minSize: 3 }),
    ).toEqual([[0, 1, 2, 3]]);
    expect(
      trimFlagged(g, [[0, 1, 2, 3, 4]], [true], noMoney(6), { minInsideShare: 0.35, minSize: 4 }),
    ).toEqual([[0, 1, 2, 3, 4]]);
    expect(
      trimFlagged(g, [[0, 1, 2, 3, 4]], [false], noMoney(6), { minInsideShare: 0.35, minSize: 3 }),
    ).toEqual([[0, 1, 2, 3, 4]]);
  });
});
