/** Contract: runs, rings (listing, filters, cursor pages), lineage and rings of an account. */
import type { RingRecord } from '../../core/types';
import type { ContractContext } from './graph-store.contract';
import { ring, run, T0, uniqueIds } from './contract-fixtures';

async function allPages(
  list: (cursor: string | null) => Promise<{ items: RingRecord[]; nextCursor: string | null }>,
): Promise<RingRecord[][]> {
  const pages: RingRecord[][] = [];
  let cursor: string | null = null;
  do {
    const page = await list(cursor);
    pages.push(page.items);
    cursor = page.nextCursor;
  } while (cursor !== null && pages.length < 100);
  return pages;
}

export function describeRingContract(ctx: ContractContext): void {
  describe('runs and rings', () => {
    it('saves a run with its rings and reads it back whole', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const r = run(id('run'));
      const rings = [
        ring(id('r1'), r.runId, 90, [id('a'), id('b'), id('c')]),
        ring(id('r2'), r.runId, 20, [id('d'), id('e')]),
      ];
      await store.saveRun(r, rings, [
        { runId: r.runId, ringId: id('r1'), kind: 'new', related: [], jaccard: null },
      ]);
      expect(await store.getRun(r.runId)).toEqual(r);
      expect(await store.latestRun()).toEqual(r);
      expect(await store.getRing(id('r1'), r.runId)).toEqual(rings[0]);
      expect(await store.getRing(id('r2'))).toEqual(rings[1]);
      expect(await store.getRing(id('nope'))).toBeNull();
      expect(await store.getRun(id('nope'))).toBeNull();
    });

    it('refuses to save the same run twice', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      await store.saveRun(run(id('run')), [], []);
      await expect(store.saveRun(run(id('run')), [], [])).rejects.toMatchObject({
        code: 'RUN_EXISTS',
      });
    });

    it('lists runs newest first and knows the latest', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      for (const n of ['1', '2', '3'])
        await store.saveRun(run(id(n), { startedAt: T0 + Number(n) }), [], []);
      const runs = await store.listRuns(3);
      expect(runs.map((r) => r.runId)).toEqual([id('3'), id('2'), id('1')]);
      expect((await store.latestRun())?.runId).toBe(id('3'));
      expect(await store.listRuns(1)).toHaveLength(1);
    });

    it("lists a run's rings best first with filters, sort by size and cursor pages", async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const r = run(id('run'));
      const rings = [
        ring(id('r-a'), r.runId, 80, [id('1'), id('2')]),
        ring(id('r-b'), r.runId, 95, [id('3'), id('4'), id('5')]),
        ring(id('r-c'), r.runId, 80, [id('6'), id('7'), id('8'), id('9')], { status: 'grown' }),
        ring(id('r-d'), r.runId, 30, [id('10'), id('11'), id('12'), id('13'), id('14')]),
        ring(id('r-e'), r.runId, 55, [id('15'), id('16')], { status: 'grown' }),
      ];
      await store.saveRun(r, rings, []);
      const all = await store.listRings({ runId: r.runId, limit: 100 });
      expect(all.items.map((x) => x.ringId)).toEqual([
        id('r-b'),
        id('r-a'),
        id('r-c'),
        id('r-e'),
        id('r-d'),
      ]);
      expect(all.nextCursor).toBeNull();
      expect((await store.listRings({ limit: 100 })).items.map((x) => x.ringId)).toEqual(
        all.items.map((x) => x.ringId),
      );
      expect(
        (await store.listRings({ runId: r.runId, flaggedOnly: true })).items.map((x) => x.ringId),
      ).toEqual([id('r-b'), id('r-a'), id('r-c'), id('r-e')]);
      expect(
        (await store.listRings({ runId: r.runId, status: 'grown' })).items.map((x) => x.ringId),
      ).toEqual([id('r-c'), id('r-e')]);
      expect(
        (await store.listRings({ runId: r.runId, minScore: 80 })).items.map((x) => x.ringId),
      ).toEqual([id('r-b'), id('r-a'), id('r-c')]);
      expect(
        (await store.listRings({ runId: r.runId, sort: 'size' })).items.map((x) => x.size),
      ).toEqual([5, 4, 3, 2, 2]);

      for (const sort of ['score', 'size'] as const) {
        const whole = (await store.listRings({ runId: r.runId, sort, limit: 100 })).items.map(
          (x) => x.ringId,
        );
        const pages = await allPages((cursor) =>
          store.listRings({ runId: r.runId, sort, limit: 2, cursor }),
        );
        expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
        expect(pages.flat().map((x) => x.ringId)).toEqual(whole);
      }
    });

    it('keeps lineage across runs and finds the rings of an account', async () => {
      const id = uniqueIds();
      const store = ctx.store();
      const first = run(id('run-1'));
      const second = run(id('run-2'), { startedAt: T0 + 86_400_000, finishedAt: T0 + 86_401_000 });
      await store.saveRun(
        first,
        [
          ring(id('r1'), first.runId, 70, [id('a'), id('b'), id('c')]),
          ring(id('r2'), first.runId, 60, [id('d'), id('e')]),
        ],
        [
          { runId: first.runId, ringId: id('r1'), kind: 'new', related: [], jaccard: null },
          { runId: first.runId, ringId: id('r2'), kind: 'new', related: [], jaccard: null },
        ],
      );
      await store.saveRun(
        second,
        [
          ring(id('r1'), second.runId, 75, [id('a'), id('b'), id('c'), id('f')], {
            status: 'grown',
            parents: [id('r1')],
          }),
        ],
        [
          {
            runId: second.runId,
            ringId: id('r1'),
            kind: 'grown',
            related: [id('r1')],
            jaccard: 0.75,
          },
          { runId: second.runId, ringId: id('r2'), kind: 'dissolved', related: [], jaccard: null },
        ],
      );
      expect(await store.ringLineage(id('r1'))).toEqual([
        { runId: first.runId, ringId: id('r1'), kind: 'new', related: [], jaccard: null },
        {
          runId: second.runId,
          ringId: id('r1'),
          kind: 'grown',
          related: [id('r1')],
          jaccard: 0.75,
        },
      ]);
      expect((await store.ringLineage(id('r2'))).map((e) => e.kind)).toEqual(['new', 'dissolved']);
      expect(await store.getRing(id('r1'))).toMatchObject({
        runId: second.runId,
        score: 75,
        status: 'grown',
        parents: [id('r1')],
      });
      expect(await store.getRing(id('r1'), first.runId)).toMatchObject({
        runId: first.runId,
        score: 70,
      });
      expect(await store.getRing(id('r2'))).toMatchObject({ runId: first.runId });
      expect((await store.ringsOfAccount(id('a'))).map((x) => [x.ringId, x.runId])).toEqual([
        [id('r1'), second.runId],
      ]);
      expect((await store.ringsOfAccount(id('d'), first.runId)).map((x) => x.ringId)).toEqual([
        id('r2'),
      ]);
      expect(await store.ringsOfAccount(id('d'))).toEqual([]);
    });
  });
}
