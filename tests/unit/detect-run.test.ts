import { ringsDocument } from '../../core/detect/ring-output';
import {
  detectGroup,
  detectionParams,
  finishRun,
  groupParams,
  projectGraph,
  runDetection,
  splitComponents,
} from '../../core/detect/run-detection';
import {
  fixtureSource,
  fixtureStore,
  memoryRingStore,
  referenceScene,
} from '../helpers/detect-fixture';

describe('runDetection on the reference scene', () => {
  it('finds the ring, scores it high, and flags neither the household nor the office nor the hotspot', async () => {
    const store = fixtureStore(referenceScene());
    const { run, rings } = await runDetection(store, { seed: 1 });
    expect(rings.map((r) => [r.members.join(' '), r.score, r.flagged])).toEqual([
      ['r1 r2 r3 r4 r5 r6 r7 r8', 100, true],
      // a home: 20 sharing + 15 money inside, no harm evidence
      ['h1 h2 h3 h4', 35, false],
    ]);
    // The office (20 accounts behind one IP and address) scores 15 (size only, no behaviour):
    // below candidates.minScore, so it is not even kept as a candidate.
    const ring = rings[0];
    expect(ring.evidence.map((e) => e.text)).toEqual([
      '8 of 8 accounts used device d-41f',
      '5 of 8 accounts paid with card 4111 **** 0077',
      '8 of 8 accounts first used device d-41f within 28 hours (3 May 2026 to 4 May 2026)',
      '8 of 8 accounts were created within 21 hours (3 May 2026 to 4 May 2026)',
      '8 chargebacks on payments made or received by 5 of 8 accounts',
      '1 of 8 accounts is labelled fraud by earlier investigations',
      '3 of 8 accounts pass money round in a cycle',
      '100% of the money the 8 accounts paid went to other members (9 payments)',
      '3 of 8 accounts passed on about what they received (money in close to money out)',
    ]);
    expect(ring.features).toMatchObject({
      size: 8,
      burstAccounts: 8,
      syncAccounts: 8,
      chargebacks: 8,
      chargebackAccounts: 5,
      cycleAccounts: 3,
      moneyInside: 1,
      homeAccounts: 0,
    });
    expect(rings[1].features).toMatchObject({
      homeAccounts: 4,
      sharingAccounts: 4,
      burstAccounts: 0,
    });
    expect(run.counts).toMatchObject({
      accounts: 72,
      sharedIdentifiers: 7,
      components: 3,
      communities: 3,
      scored: 3,
      candidates: 2,
      flagged: 1,
      new: 2,
    });
    // Every edge is inside a community, so Q = 1 - sum of squared weight shares (ring 26.47, household 10.80, office 28.74 of 66.01).
    expect(run.modularity).toBeCloseTo(0.623, 2);
    expect(run.params).toMatchObject({ seed: 1, resolution: 1, engine: 'graphology' });
    expect(Object.keys(run.timingsMs).sort()).toEqual([
      'components',
      'lineage',
      'louvain',
      'projection',
      'save',
      'scoring',
      'total',
    ]);
    expect(await store.latestRun()).toMatchObject({ runId: run.runId, modularity: run.modularity });
    store.close();
  });

  it('same data and seed give byte-identical ring output in two stores', async () => {
    const a = fixtureStore(referenceScene());
    const b = fixtureStore(referenceScene());
    const ra = await runDetection(a, { seed: 9 });
    const rb = await runDetection(b, { seed: 9 });
    expect(JSON.stringify(ringsDocument(ra.run.runId, ra.rings))).toBe(
      JSON.stringify(ringsDocument(rb.run.runId, rb.rings)),
    );
    a.close();
    b.close();
  });

  it('a second run on the same store keeps ring ids and marks them ongoing', async () => {
    const store = fixtureStore(referenceScene());
    const first = await runDetection(store, { seed: 1 });
    const second = await runDetection(store, { seed: 2 });
    expect(second.run.runId).not.toBe(first.run.runId);
    expect(second.rings.map((r) => r.ringId)).toEqual(first.rings.map((r) => r.ringId));
    expect(second.rings.map((r) => r.status)).toEqual(['ongoing', 'ongoing']);
    expect(await store.ringLineage(first.rings[0].ringId)).toEqual([
      {
        runId: first.run.runId,
        ringId: first.rings[0].ringId,
        kind: 'new',
        related: [],
        jaccard: null,
      },
      {
        runId: second.run.runId,
        ringId: first.rings[0].ringId,
        kind: 'ongoing',
        related: [first.rings[0].ringId],
        jaccard: 1,
      },
    ]);
    store.close();
  });

  it('split stages with several groups give the same rings as runDetection', async () => {
    const params = detectionParams({ seed: 1 });
    const source = fixtureSource(referenceScene());
    const projection = await projectGraph(source, params);
    const groups = splitComponents(projection, 3);
    expect(groups).toHaveLength(3);
    const gp = groupParams(params, projection);
    const results = groups.map((g) =>
      detectGroup(JSON.parse(JSON.stringify(g)), JSON.parse(JSON.stringify(gp))),
    );
    const rings = memoryRingStore();
    const split = await finishRun({ ...source, ...rings }, projection, results, params);
    const whole = await runDetection(fixtureStore(referenceScene()), { seed: 1 });
    expect(split.rings.map((r) => [r.ringId, r.score, r.members])).toEqual(
      whole.rings.map((r) => [r.ringId, r.score, r.members]),
    );
    expect(split.run.runId).toBe(whole.run.runId);
    rings.close();
  });

  it('rejects a bad seed or resolution', () => {
    expect(() => detectionParams({ seed: -1 })).toThrow(/--seed/);
    expect(() => detectionParams({ resolution: 0 })).toThrow(/--resolution/);
  });
});
