import { loadConfig } from '../../core/config';
import { InvalidInputError } from '../../core/errors';
import type { GdsLouvainOptions } from '../../core/store/neo4j/gds-louvain';
import {
  detectGroup,
  detectionParams,
  groupParams,
  projectGraph,
  runDetection,
  splitComponents,
} from '../../core/detect/run-detection';
import { assertGdsUsable, runDetectionGds } from '../../core/detect/run-detection-gds';
import { fixtureStore, referenceScene } from '../helpers/detect-fixture';

const neo4jConfig = loadConfig({ store: 'neo4j' }, { NEO4J_URI: 'bolt://127.0.0.1:7687' });

/** Graphology's communities on the fixture, as the `{key, community}` pairs GDS streams back. */
async function graphologyAssignments() {
  const store = fixtureStore(referenceScene());
  const params = detectionParams({ seed: 1 });
  const projection = await projectGraph(store, params);
  const perGroup = groupParams(params, projection);
  const communities = splitComponents(projection, 1).flatMap(
    (g) => detectGroup(g, perGroup).communities,
  );
  return communities.flatMap((members, c) =>
    members.map((i) => ({ key: projection.accounts.keys[i], community: 1000 + c })),
  );
}

describe('runDetectionGds', () => {
  it('refuses the gds engine on the SQLite store with ENGINE_NEEDS_NEO4J', () => {
    const sqlite = loadConfig({ store: 'sqlite', dbPath: '/tmp/x.db' }, {});
    expect(() => assertGdsUsable(sqlite)).toThrow(InvalidInputError);
    expect(() => assertGdsUsable(sqlite)).toThrow(/needs the Neo4j store/);
    try {
      assertGdsUsable(sqlite);
    } catch (err) {
      expect((err as InvalidInputError).code).toBe('ENGINE_NEEDS_NEO4J');
    }
    expect(() => assertGdsUsable(neo4jConfig)).not.toThrow();
  });

  it('gives the same rings as graphology when GDS returns the same communities', async () => {
    const expected = await runDetection(fixtureStore(referenceScene()), { seed: 1 });
    const assignments = await graphologyAssignments();
    const calls: GdsLouvainOptions[] = [];
    const { run, rings } = await runDetectionGds(
      fixtureStore(referenceScene()),
      neo4jConfig,
      { seed: 1 },
      {},
      async (_config, opts) => {
        calls.push(opts);
        return { assignments, nodeCount: 72, relationshipCount: 40 };
      },
    );
    expect(run.engine).toBe('gds');
    expect(run.counts).toMatchObject({ gdsNodes: 72, gdsRelationships: 40 });
    expect(calls).toHaveLength(1);
    expect(calls[0].graphName).toMatch(/^fraud-rings-[0-9a-f-]{36}$/);
    expect(calls[0].weights.identifierWeights.device).toBe(1);
    expect(calls[0].weights.paymentHubCutoff).toBe(50);
    const strip = (list: typeof rings) => list.map(({ runId: _r, ...rest }) => rest);
    expect(rings.length).toBeGreaterThan(0);
    expect(strip(rings)).toEqual(strip(expected.rings));
  });
});
