import { DEFAULT_DETECTION_CONFIG, detectionConfig } from '../../core/detect/config';
import {
  identifierPairWeight,
  paymentPairWeight,
  projectGraph,
} from '../../core/detect/projection';
import { connectedComponents } from '../../core/detect/components';
import { EdgeBuffer } from '../../core/detect/edge-buffer';
import { fixtureSource, T0, type Fixture } from '../helpers/detect-fixture';

const edgesOf = (p: Awaited<ReturnType<typeof projectGraph>>) =>
  Array.from(p.edges.src, (s, e) => [
    p.accounts.userIds[s],
    p.accounts.userIds[p.edges.dst[e]],
    Math.round(p.edges.weight[e] * 1e6) / 1e6,
  ]);

describe('projection weights', () => {
  it('an identifier weighs most when two accounts share it and nothing above its cut-off', () => {
    expect(identifierPairWeight(1, 2, 50)).toBeCloseTo(1, 12);
    expect(identifierPairWeight(1, 10, 50)).toBeCloseTo(Math.log(51 / 10) / Math.log(51 / 2), 12);
    expect(identifierPairWeight(0.3, 40, 40)).toBeCloseTo(
      (0.3 * Math.log(41 / 40)) / Math.log(41 / 2),
      12,
    );
    expect(identifierPairWeight(1, 51, 50)).toBe(0);
    expect(identifierPairWeight(1, 1, 50)).toBe(0);
    expect(paymentPairWeight(0.5, 3)).toBeCloseTo(1, 12);
    expect(paymentPairWeight(0.5, 0)).toBe(0);
  });

  it('edge buffer sums repeated pairs in either order and sorts them', () => {
    const b = new EdgeBuffer(2);
    b.add(3, 1, 0.5);
    b.add(1, 3, 0.25);
    b.add(0, 2, 1);
    b.add(2, 2, 9);
    b.add(1, 0, 2);
    const e = b.compact(4);
    expect(Array.from(e.src)).toEqual([0, 0, 1]);
    expect(Array.from(e.dst)).toEqual([1, 2, 3]);
    expect(Array.from(e.weight)).toEqual([2, 1, 0.75]);
  });
});

describe('projectGraph', () => {
  const fixture: Fixture = {
    accounts: [
      { id: 'a', createdAt: T0 },
      { id: 'b', createdAt: T0 },
      { id: 'c', createdAt: T0 },
      { id: 'd', createdAt: T0 },
      { id: 'm', createdAt: null, stub: true },
      ...Array.from({ length: 60 }, (_, i) => ({ id: `x${i}`, createdAt: T0 })),
    ],
    identifiers: [
      { kind: 'device', value: 'd1', accounts: ['a', 'b', 'c'] },
      { kind: 'device', value: 'd1-dup', accounts: ['a', 'a', 'b'] },
      {
        kind: 'ip',
        value: 'wifi',
        accounts: ['a', 'd', ...Array.from({ length: 60 }, (_, i) => `x${i}`)],
      },
    ],
    payments: [
      { payer: 'c', payee: 'd', count: 3, amount: 30, chargebacks: 1 },
      { payer: 'd', payee: 'c', count: 1, amount: 10 },
      ...Array.from({ length: 60 }, (_, i) => ({ payer: `x${i}`, payee: 'm' })),
      { payer: 'a', payee: 'm' },
    ],
  };

  it('links sharers by rarity, skips hubs (IP of 62, merchant of 61 payers) and sums payments both ways', async () => {
    const p = await projectGraph(fixtureSource(fixture, 4), DEFAULT_DETECTION_CONFIG);
    const w3 = identifierPairWeight(1, 3, 50);
    const w2 = identifierPairWeight(1, 2, 50);
    const pay = paymentPairWeight(0.5, 3) + paymentPairWeight(0.5, 1);
    expect(edgesOf(p)).toEqual([
      ['a', 'b', Math.round((w3 + w2) * 1e6) / 1e6],
      ['a', 'c', Math.round(w3 * 1e6) / 1e6],
      ['b', 'c', Math.round(w3 * 1e6) / 1e6],
      ['c', 'd', Math.round(pay * 1e6) / 1e6],
    ]);
    expect(p.stats).toMatchObject({
      accounts: 65,
      stubAccounts: 1,
      incidences: 6,
      sharedIdentifiers: 2,
      paymentPairs: 2,
      edges: 4,
    });
    expect(Array.from(p.payments.payer, (x) => p.accounts.userIds[x])).toEqual(['c', 'd']);
    expect(Array.from(p.payments.chargebacks)).toEqual([1, 0]);
  });

  it('re-applies the filters when a store ignores them', async () => {
    const source = fixtureSource(fixture, 4);
    const unfiltered = {
      ...source,
      readIncidences: () => source.readIncidences(),
      readPaymentLinks: () => source.readPaymentLinks(),
    };
    const p = await projectGraph(unfiltered, DEFAULT_DETECTION_CONFIG);
    const q = await projectGraph(source, DEFAULT_DETECTION_CONFIG);
    expect(edgesOf(p)).toEqual(edgesOf(q));
    expect(p.stats.incidences).toBe(68);
  });

  it('a lower hub cut-off removes the shared device too', async () => {
    const p = await projectGraph(
      fixtureSource(fixture),
      detectionConfig({ projection: { hubCutoffs: { device: 2 } } }),
    );
    expect(edgesOf(p).map((e) => `${e[0]}-${e[1]}`)).toEqual(['a-b', 'c-d']);
  });

  it('components by union-find are numbered by their smallest node', () => {
    const c = connectedComponents(7, [0, 5, 2, 4], [2, 6, 3, 6]);
    expect(Array.from(c.componentOf)).toEqual([0, 1, 0, 0, 2, 2, 2]);
    expect(Array.from(c.sizes)).toEqual([3, 1, 3]);
    expect(c.count).toBe(3);
  });
});
