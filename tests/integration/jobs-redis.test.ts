/**
 * The worker against a real redis-server: refusing an evicting Redis, surviving a Redis restart,
 * shutting down gracefully (finishing, or handing back what is still running), and the commands'
 * clear refusal without REDIS_URL.
 */
import { createLogger } from '../../core/logger';
import { openStore } from '../../core/store/open-store';
import { BullmqJobRunner } from '../../jobs/bullmq-job-runner';
import { startWorker } from '../../jobs/worker';
import {
  jobsTestEnv,
  readJob,
  runCli,
  startCliWorker,
  spawnCli,
  waitFor,
  waitForFinished,
  type JobsTestEnv,
} from '../helpers/jobs-harness';
import { startRedisServer, type RedisServer } from '../helpers/redis-server';

const silent = createLogger('silent');

describe('jobs: worker and Redis', () => {
  let redis: RedisServer;
  const envs: JobsTestEnv[] = [];
  const env = (label: string) => {
    const t = jobsTestEnv(redis.url, label);
    envs.push(t);
    return t;
  };

  beforeAll(async () => {
    redis = await startRedisServer({ own: true });
  });
  afterAll(async () => {
    for (const t of envs) await t.cleanup();
    await redis.stop();
  });

  it('refuses to start a worker when Redis may evict keys', async () => {
    const lru = await startRedisServer({ maxmemoryPolicy: 'allkeys-lru' });
    try {
      const t = env('lru');
      const out = await runCli({ ...t.env, REDIS_URL: lru.url }, ['worker']);
      expect(out.code).toBe(2);
      expect(out.stderr).toContain(
        "Redis maxmemory-policy is 'allkeys-lru'; workers need 'noeviction'",
      );
    } finally {
      await lru.stop();
    }
  });

  it('exits 2 with a clear reason when worker, enqueue or jobs has no REDIS_URL', async () => {
    const t = env('noredis');
    for (const args of [
      ['worker'],
      ['enqueue', 'detect'],
      ['enqueue', 'nightly', t.dir],
      ['jobs'],
    ]) {
      const out = await runCli({ ...t.env, REDIS_URL: '' }, args);
      expect(out.code).toBe(2);
      expect(out.stderr.trim()).toMatch(
        /^fraud-rings: (worker|enqueue|jobs) needs Redis; set REDIS_URL/,
      );
    }
  });

  it('keeps a waiting worker through a Redis restart and takes new jobs after it', async () => {
    const t = env('restart');
    const worker = await startCliWorker(t.env);
    try {
      await redis.kill();
      await waitFor(
        () => worker.log().includes('worker error'),
        20_000,
        'the worker to notice Redis is gone',
      );
      await redis.restart();
      const runner = new BullmqJobRunner(t.config);
      const job = await runner.enqueueDetect({ key: 'after-restart' });
      await runner.close();
      const state = await waitForFinished(t, job.id, 60_000);
      const done = await readJob(t, job.id);
      expect({ state, reason: done?.failedReason }).toEqual({
        state: 'completed',
        reason: undefined,
      });
      expect(done?.returnvalue).toMatchObject({ rings: 0, flagged: 0 });
      expect(worker.child.exitCode).toBeNull();
    } finally {
      worker.child.kill('SIGTERM');
      expect(await worker.exited).toBe(0);
    }
  });

  it('stops on SIGTERM, exiting 0 once idle', async () => {
    const t = env('sigterm');
    const worker = await startCliWorker(t.env);
    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(worker.log()).toContain('"worker stopped"');
  });

  it('hands an active job back to its queue when the grace period runs out, and another worker completes it', async () => {
    const t = env('handback');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = await startWorker(t.config, silent, {
      queues: ['detect'],
      openStore: async () => {
        await gate;
        return openStore(t.config);
      },
    });
    const runner = new BullmqJobRunner(t.config);
    const job = await runner.enqueueDetect({ key: 'handback' });
    await waitFor(
      async () => (await (await readJob(t, job.id))?.getState()) === 'active',
      10_000,
      'the job to be active',
    );
    await slow.close(200);
    expect(await (await readJob(t, job.id))?.getState()).toBe('waiting');
    release();
    const next = await startWorker(t.config, silent, { queues: ['detect'] });
    try {
      expect(await waitForFinished(t, job.id)).toBe('completed');
      const view = await runner.getJob(job.id);
      expect(view).toMatchObject({ state: 'completed', failedReason: null });
    } finally {
      await next.close();
      await runner.close();
    }
  });

  it('lets a graceful shutdown finish a job that ends within the grace period', async () => {
    const t = env('finish');
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    const worker = await startWorker(t.config, silent, {
      queues: ['detect'],
      openStore: async () => {
        await gate;
        return openStore(t.config);
      },
    });
    const runner = new BullmqJobRunner(t.config);
    const job = await runner.enqueueDetect({ key: 'finish' });
    await waitFor(
      async () => (await (await readJob(t, job.id))?.getState()) === 'active',
      10_000,
      'the job to be active',
    );
    const closed = worker.close(30_000);
    release();
    await closed;
    expect(await (await readJob(t, job.id))?.getState()).toBe('completed');
    await runner.close();
  });

  it('enqueue detect --wait prints the finished job; a repeated key returns the same job', async () => {
    const t = env('wait');
    const worker = await startWorker(t.config, silent, { queues: ['detect'] });
    try {
      const out = await runCli(t.env, [
        'enqueue',
        'detect',
        '--key',
        'cli-wait',
        '--wait',
        '--json',
      ]);
      expect(out.code).toBe(0);
      const job = JSON.parse(out.stdout) as {
        id: string;
        state: string;
        result: { runId: string };
      };
      expect(job).toMatchObject({ id: 'detect-key-cli-wait', state: 'completed' });
      expect(job.result.runId).toMatch(/^run-/);
      const again = await runCli(t.env, ['enqueue', 'detect', '--key', 'cli-wait']);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(
        /^detect-key-cli-wait {2}detect {2}completed {2}saved 0 {2}attempts=1 {2}\d{4}-/,
      );
      const bad = await runCli(t.env, ['enqueue', 'detect', '--seed', '-3']);
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim()).toBe('fraud-rings: seed must be an integer from 0 to 2147483647');
    } finally {
      await worker.close();
    }
  });

  it('spawned worker logs stay machine-readable JSON', async () => {
    const t = env('logs');
    const w = spawnCli(t.env, ['worker', '--concurrency', '1']);
    await waitFor(() => w.log().includes('"worker ready"'), 30_000, 'worker start');
    w.child.kill('SIGINT');
    expect(await w.exited).toBe(0);
    const lines = w
      .log()
      .trim()
      .split('\n')
      .filter((l) => l.startsWith('{'));
    const ready = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.msg === 'worker ready');
    expect(ready).toMatchObject({
      concurrency: 1,
      prefix: t.prefix,
      queues: ['ingest', 'detect', 'export'],
    });
  });
});
