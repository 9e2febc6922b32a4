import { quickRelayArcs, stitchRelays } from '../../core/detect/relay';
import { dormantSince, type MemberMoney } from '../../core/detect/features';
import { DEFAULT_DETECTION_CONFIG, detectionConfig } from '../../core/detect/config';
import type { Projection } from '../../core/detect/projection';

const H = 3_600_000;
const DAY = 24 * H;
const T0 = Date.UTC(2026, 0, 10, 8, 0);

/** Payment pairs [payer, payee, amount, first payment time]. */
type Pair = [number, number, number, number];

/** A projection holding what relays and dormancy read: accounts, payment pairs, shared identifiers. */
function projection(
  n: number,
  pairs: Pair[],
  opts: {
    stub?: number[];
    createdAt?: number[];
    identifiers?: Array<{ members: number[]; firstSeen: number[] }>;
  } = {},
): Projection {
  const stub = new Uint8Array(n);
  for (const i of opts.stub ?? []) stub[i] = 1;
  const groups = opts.identifiers ?? [];
  const start = [0];
  for (const g of groups) start.push(start[start.length - 1] + g.members.length);
  return {
    accounts: {
      count: n,
      stub,
      createdAt: Float64Array.from(opts.createdAt ?? new Array<number>(n).fill(T0 - 400 * DAY)),
    },
    identifiers: {
      count: groups.length,
      start: Int32Array.from(start),
      members: Int32Array.from(groups.flatMap((g) => g.members)),
      firstSeen: Float64Array.from(groups.flatMap((g) => g.firstSeen)),
    },
    payments: {
      count: pairs.length,
      payer: Int32Array.from(pairs.map((p) => p[0])),
      payee: Int32Array.from(pairs.map((p) => p[1])),
      amount: Float64Array.from(pairs.map((p) => p[2])),
      firstAt: Float64Array.from(pairs.map((p) => p[3])),
      payments: Int32Array.from(pairs.map(() => 1)),
      chargebacks: Int32Array.from(pairs.map(() => 0)),
    },
  } as unknown as Projection;
}

/** Payment totals as the store would give them: the sums over the pairs. */
function totals(n: number, pairs: Pair[]): MemberMoney {
  const money = {
    sent: new Float64Array(n),
    received: new Float64Array(n),
    chargebacks: new Int32Array(n),
  };
  for (const [p, q, amount] of pairs) {
    money.sent[p] += amount;
    money.received[q] += amount;
  }
  return money;
}

const RELAY = { minShare: 0.5, hours: 72 };

// Ring [0, 1, 2] feeds a chain 2 -> 3 -> 4 -> 5 that cashes out to 9; each relay pays on what it
// received within two hours. 8 (outside) pays 1 and 2 what they pass on; 6 and 7 pay 4 a little.
const CHAIN: Pair[] = [
  [8, 2, 1000, T0 - 2 * H],
  [8, 1, 300, T0 - DAY],
  [1, 0, 290, T0 - 20 * H],
  [0, 9, 280, T0 - 10 * H],
  [2, 3, 950, T0],
  [3, 4, 900, T0 + 2 * H],
  [4, 5, 880, T0 + 4 * H],
  [5, 9, 870, T0 + 5 * H],
  [6, 4, 20, T0 - 30 * DAY],
  [7, 6, 15, T0 - 29 * DAY],
];

describe('quick relays', () => {
  it('are dominant flows between pass-through accounts that forward money within hours', () => {
    const p = projection(10, CHAIN);
    const money = totals(10, CHAIN);
    const arcs = quickRelayArcs(p, money, RELAY).map((e) => [CHAIN[e][0], CHAIN[e][1]]);
    // 8 -> 2 and 8 -> 1: 8 only sends (not a relay); 0 -> 9 and 5 -> 9: 9 only receives.
    // 1 -> 0 is a dominant flow between two balanced accounts, but 0 pays nobody on along a relay
    // arc and 1 received along none: not quick. 6 -> 4 is all of 6's outflow and 6 is balanced
    // (15 in, 20 out), but 4 pays on 30 days later: not quick.
    expect(arcs).toEqual([
      [2, 3],
      [3, 4],
      [4, 5],
    ]);
  });

  it('money that waits weeks before moving on is not a quick relay', () => {
    const slow = CHAIN.map(([a, b, amount, t]): Pair => [
      a,
      b,
      amount,
      a === 3 || a === 4 ? t + 20 * DAY * (a - 2) : t,
    ]);
    // 3 pays on 20 days after receiving, 4 another 20 days later: none is quick
    expect(quickRelayArcs(projection(10, slow), totals(10, slow), RELAY)).toEqual([]);
  });

  it('join the flagged ring they feed, taking relays out of unflagged candidates', () => {
    const p = projection(10, CHAIN);
    const money = totals(10, CHAIN);
    const out = stitchRelays(
      p,
      [
        [0, 1, 2],
        [4, 6, 7],
      ],
      [true, false],
      money,
      RELAY,
    );
    expect(out.candidates).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7],
    ]);
    expect(out.flagged).toEqual([true, false]);
  });

  it('join two flagged rings on one chain into one ring, and leave everything alone when nothing is flagged', () => {
    const p = projection(10, CHAIN);
    const money = totals(10, CHAIN);
    const two = [
      [0, 1, 2],
      [5, 6, 7],
    ];
    expect(stitchRelays(p, two, [true, true], money, RELAY)).toEqual({
      candidates: [[0, 1, 2, 3, 4, 5, 6, 7]],
      flagged: [true],
    });
    const none = stitchRelays(p, two, [false, false], money, RELAY);
    expect(none.candidates[0]).toBe(two[0]);
    expect(none.candidates[1]).toBe(two[1]);
  });

  it('never go through stub accounts (external accounts and merchants)', () => {
    // without 3 the chain is broken: 4 -> 5 follows no relay payment into 4 but 6's, 30 days old
    const p = projection(10, CHAIN, { stub: [3] });
    expect(quickRelayArcs(p, totals(10, CHAIN), RELAY)).toEqual([]);
  });
});

describe('dormant accounts', () => {
  const config = detectionConfig({ evidence: { dormantDays: 90 } });

  it('are first seen long after their creation and after the data begins', () => {
    const start = T0 - 300 * DAY;
    const pairs: Pair[] = [
      [0, 1, 10, start], // the data begins: 0 and 1 active at once
      [2, 3, 10, T0], // 2 and 3 first active 300 days in
      [4, 5, 10, T0 + H],
    ];
    const p = projection(7, pairs, {
      // 3 was opened 10 days before its first payment: a new customer, not a sleeper
      createdAt: [
        start - 50 * DAY,
        start - 900 * DAY,
        start - 900 * DAY,
        T0 - 10 * DAY,
        start,
        Number.NaN,
        start,
      ],
      // 6 is first seen on a shared device 200 days in; 5's device sighting comes before its payment
      identifiers: [{ members: [5, 6], firstSeen: [T0 - 5 * DAY, start + 200 * DAY] }],
    });
    const d = dormantSince(p, config);
    expect(Array.from(d.dormant)).toEqual([0, 0, 1, 0, 1, 1, 1]);
    expect(d.firstActive[5]).toBe(T0 - 5 * DAY);
    expect(Array.from(dormantSince(p, DEFAULT_DETECTION_CONFIG).dormant)).toEqual([
      0, 0, 1, 0, 1, 1, 1,
    ]);
    // with a year of silence required, only those first seen a year after creation and the data start
    const year = detectionConfig({ evidence: { dormantDays: 365 } });
    expect(Array.from(dormantSince(p, year).dormant)).toEqual([0, 0, 0, 0, 0, 0, 0]);
  });
});
