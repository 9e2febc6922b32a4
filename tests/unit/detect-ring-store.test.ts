import type { RingRecord, RunRecord } from '../../core/types';
import { memoryRingStore } from '../helpers/detect-fixture';

const run = (runId: string, startedAt: number): RunRecord => ({
  runId,
  startedAt,
  finishedAt: startedAt + 5,
  status: 'completed',
  engine: 'graphology',
  seed: 42,
  resolution: 1,
  codeVersion: '0.1.0',
  params: { seed: 42, detection: { candidates: { minSize: 3 } } },
  modularity: 0.61,
  counts: { candidates: 3 },
  timingsMs: { total: 5 },
});

const ring = (
  runId: string,
  ringId: string,
  score: number,
  size: number,
  members: string[],
  flagged = score >= 50,
): RingRecord => ({
  ringId,
  runId,
  score,
  flagged,
  size,
  members,
  features: { size },
  evidence: [
    {
      kind: 'shared_device',
      value: 'd1',
      accounts: size,
      text: `${size} of ${size} accounts used device d1`,
    },
  ],
  status: 'new',
  parents: [],
});

describe('SQLite RingStore', () => {
  let store: ReturnType<typeof memoryRingStore>;
  beforeEach(async () => {
    store = memoryRingStore();
    await store.saveRun(
      run('run-a', 1000),
      [
        ring('run-a', 'R1', 90, 3, ['u1', 'u2', 'u3']),
        ring('run-a', 'R2', 40, 4, ['u4', 'u5', 'u6', 'u7']),
      ],
      [
        { runId: 'run-a', ringId: 'R1', kind: 'new', related: [], jaccard: null },
        { runId: 'run-a', ringId: 'R2', kind: 'new', related: [], jaccard: null },
      ],
    );
    await store.saveRun(
      run('run-b', 2000),
      [
        {
          ...ring('run-b', 'R1', 95, 4, ['u1', 'u2', 'u3', 'u8']),
          status: 'grown',
          parents: ['R1'],
        },
        ring('run-b', 'R3', 95, 3, ['u9', 'u10', 'u11']),
        ring('run-b', 'R4', 70, 5, ['u12', 'u13', 'u14', 'u15', 'u16']),
        ring('run-b', 'R5', 20, 3, ['u4', 'u5', 'u6']),
      ],
      [
        { runId: 'run-b', ringId: 'R1', kind: 'grown', related: ['R1'], jaccard: 0.75 },
        { runId: 'run-b', ringId: 'R2', kind: 'dissolved', related: [], jaccard: null },
      ],
    );
  });
  afterEach(() => store.close());

  it('round-trips runs and orders them newest first', async () => {
    expect(await store.latestRun()).toEqual(run('run-b', 2000));
    expect((await store.listRuns(10)).map((r) => r.runId)).toEqual(['run-b', 'run-a']);
    expect(await store.getRun('nope')).toBeNull();
  });

  it('refuses to save a run id twice', async () => {
    await expect(store.saveRun(run('run-a', 3000), [], [])).rejects.toMatchObject({
      code: 'RUN_EXISTS',
    });
  });

  it('lists rings of the latest run by score then id, with cursor pages and filters', async () => {
    const p1 = await store.listRings({ limit: 2 });
    expect(p1.items.map((r) => r.ringId)).toEqual(['R1', 'R3']);
    const p2 = await store.listRings({ limit: 2, cursor: p1.nextCursor });
    expect(p2.items.map((r) => r.ringId)).toEqual(['R4', 'R5']);
    expect(p2.nextCursor).toBeNull();
    expect((await store.listRings({ flaggedOnly: true })).items.map((r) => r.ringId)).toEqual([
      'R1',
      'R3',
      'R4',
    ]);
    expect((await store.listRings({ sort: 'size' })).items.map((r) => r.ringId)).toEqual([
      'R4',
      'R1',
      'R3',
      'R5',
    ]);
    expect((await store.listRings({ status: 'grown' })).items.map((r) => r.ringId)).toEqual(['R1']);
    expect((await store.listRings({ minScore: 80 })).items.map((r) => r.ringId)).toEqual([
      'R1',
      'R3',
    ]);
    expect((await store.listRings({ runId: 'run-a' })).items.map((r) => r.ringId)).toEqual([
      'R1',
      'R2',
    ]);
    await expect(store.listRings({ cursor: 'garbage' })).rejects.toMatchObject({
      code: 'BAD_CURSOR',
    });
  });

  it('gets a ring as of a run or the latest run holding it', async () => {
    expect((await store.getRing('R1'))?.members).toEqual(['u1', 'u2', 'u3', 'u8']);
    expect((await store.getRing('R1', 'run-a'))?.members).toEqual(['u1', 'u2', 'u3']);
    expect((await store.getRing('R2'))?.runId).toBe('run-a');
    expect(await store.getRing('R9')).toBeNull();
    expect((await store.getRing('R1'))?.evidence[0].text).toBe('4 of 4 accounts used device d1');
  });

  it('keeps lineage events in run order and finds the rings of an account', async () => {
    expect((await store.ringLineage('R1')).map((e) => [e.runId, e.kind, e.jaccard])).toEqual([
      ['run-a', 'new', null],
      ['run-b', 'grown', 0.75],
    ]);
    expect((await store.ringLineage('R2')).map((e) => e.kind)).toEqual(['new', 'dissolved']);
    expect((await store.ringsOfAccount('u4')).map((r) => r.ringId)).toEqual(['R5']);
    expect((await store.ringsOfAccount('u4', 'run-a')).map((r) => r.ringId)).toEqual(['R2']);
    expect(await store.ringsOfAccount('nobody')).toEqual([]);
  });
});
