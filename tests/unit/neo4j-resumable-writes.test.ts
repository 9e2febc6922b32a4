import { writeResumably } from '../../core/store/neo4j/resumable-writes';
import { StoreError } from '../../core/errors';

async function* batches(sizes: number[]) {
  let n = 0;
  for (const size of sizes) yield { id: n++, rows: Array.from({ length: size }, (_, i) => i) };
}

describe('resumable load writes (Neo4j adapter)', () => {
  it('retries a batch that failed transiently without rewriting the batches before it', async () => {
    const calls: number[] = [];
    let failures = 2;
    const written = await writeResumably(
      batches([3, 2, 4]),
      async (b) => {
        calls.push(b.id);
        if (b.id === 1 && failures-- > 0)
          throw new StoreError('leader switch', { retriable: true });
      },
      { attempts: 3, pauseMs: 0, totalRows: 9 },
    );
    expect(written).toBe(9);
    expect(calls).toEqual([0, 1, 1, 1, 2]);
  });

  it('gives up after the last attempt with a retriable error saying how far the load got', async () => {
    const calls: number[] = [];
    const failing = writeResumably(
      batches([3, 2, 4]),
      async (b) => {
        calls.push(b.id);
        if (b.id === 1) throw new StoreError('down', { retriable: true });
      },
      { attempts: 2, pauseMs: 0, totalRows: 9 },
    );
    await expect(failing).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      retriable: true,
      message: expect.stringMatching(
        /after writing 3 of 9 rows; loading the same file again completes it/,
      ),
    });
    expect(calls).toEqual([0, 1, 1]);
  });

  it('does not retry a permanent failure and passes other errors through', async () => {
    const calls: number[] = [];
    await expect(
      writeResumably(
        batches([1, 1]),
        async (b) => {
          calls.push(b.id);
          throw new StoreError('syntax', { retriable: false });
        },
        { attempts: 5, pauseMs: 0, totalRows: 2 },
      ),
    ).rejects.toMatchObject({
      retriable: false,
      message: expect.stringMatching(/after writing 0 of 2 rows/),
    });
    expect(calls).toEqual([0]);
    const bug = new TypeError('bug');
    await expect(
      writeResumably(batches([1]), async () => Promise.reject(bug), {
        attempts: 5,
        pauseMs: 0,
        totalRows: 1,
      }),
    ).rejects.toBe(bug);
  });
});
