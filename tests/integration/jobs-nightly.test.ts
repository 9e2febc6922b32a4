/**
 * The nightly flow on BullMQ against a real redis-server and real SQLite files: it gives the same
 * rings as the in-process steps (also when detection is split over several group jobs), the same
 * nightly enqueued twice is done once, and a bad file fails at once with a reason `jobs` shows.
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../../core/generate';
import { createLogger } from '../../core/logger';
import { BullmqJobRunner } from '../../jobs/bullmq-job-runner';
import { InProcessRunner } from '../../jobs/in-process-runner';
import type { JobView } from '../../jobs/job-runner';
import { describeInputs } from '../../jobs/input-files';
import { ids, nightlyRunKey, runDateIn } from '../../jobs/job-ids';
import { readNightlySchedule } from '../../jobs/nightly-scheduler';
import { startWorker, type RunningWorker } from '../../jobs/worker';
import {
  jobsTestEnv,
  readJob,
  runCli,
  waitFor,
  waitForFinished,
  type JobsTestEnv,
} from '../helpers/jobs-harness';
import { digestStore, referenceRun, type StoreDigest } from '../helpers/jobs-rings';
import { startRedisServer, type RedisServer } from '../helpers/redis-server';

const silent = createLogger('silent');

describe('jobs: the nightly flow on BullMQ', () => {
  let redis: RedisServer;
  let data: JobsTestEnv;
  let reference: StoreDigest;
  const envs: JobsTestEnv[] = [];

  beforeAll(async () => {
    redis = await startRedisServer();
    data = jobsTestEnv(redis.url, 'nightly-data');
    await generateDataset({ outDir: path.join(data.dir, 'in'), users: 3000, seed: 7 });
    reference = await referenceRun(data.config.dbPath, [path.join(data.dir, 'in')], data.config);
  }, 120_000);
  afterAll(async () => {
    for (const t of envs) await t.cleanup();
    await data.cleanup();
    await redis.stop();
  });

  async function withPipeline<T>(
    label: string,
    fn: (t: JobsTestEnv, runner: BullmqJobRunner) => Promise<T>,
  ): Promise<T> {
    const t = jobsTestEnv(redis.url, label);
    envs.push(t);
    const workers: RunningWorker[] = [
      await startWorker(t.config, silent),
      await startWorker(t.config, silent),
    ];
    const runner = new BullmqJobRunner(t.config);
    try {
      return await fn(t, runner);
    } finally {
      await runner.close();
      for (const w of workers) await w.close();
    }
  }

  it('the reference run found rings to compare', () => {
    expect(reference.rings.filter((r) => r.flagged).length).toBeGreaterThan(3);
    expect(reference.counts.payments).toBeGreaterThan(1000);
  });

  it('gives the same rings as the in-process steps, with detection split over four group jobs', async () => {
    await withPipeline('nightly-flow', async (t, runner) => {
      const enqueued = await runner.enqueueNightly([path.join(data.dir, 'in')], {
        runDate: '2026-03-01',
        detectGroups: 4,
      });
      expect(enqueued.duplicate).toBe(false);
      expect(enqueued.jobs.map((j) => j.name)).toEqual([
        'export-decided',
        'detect',
        'ingest-file',
        'ingest-file',
        'ingest-file',
      ]);
      expect(await waitForFinished(t, enqueued.root.id, 120_000)).toBe('completed');
      const digest = await digestStore(t.config.dbPath);
      expect(digest.counts).toEqual(reference.counts);
      expect(digest.rings).toEqual(reference.rings);
      expect(digest.runId).toBe(reference.runId);
      const detect = await runner.getJob(enqueued.jobs[1].id);
      expect(detect).toMatchObject({
        state: 'completed',
        parentId: enqueued.root.id,
        progress: { stage: 'saved' },
      });
      const result = detect?.result as {
        rings: number;
        counts: Record<string, number>;
        inputs: Array<{ status: string }>;
      };
      expect(result.rings).toBe(reference.rings.length);
      expect(result.counts.groups).toBe(4);
      expect(result.inputs.map((i) => i.status)).toEqual(['loaded', 'loaded', 'loaded']);
      const groups = (await runner.listJobs({ limit: 100 })).filter(
        (j) => j.name === 'detect-group',
      );
      expect(groups).toHaveLength(4);
      expect(groups.every((g) => g.state === 'completed' && g.parentId === detect?.id)).toBe(true);
    });
  });

  it('does the same nightly once when it is enqueued twice', async () => {
    await withPipeline('nightly-twice', async (t, runner) => {
      const inDir = path.join(data.dir, 'in');
      const [first, second] = await Promise.all([
        runner.enqueueNightly([inDir], { runDate: '2026-03-02' }),
        runner.enqueueNightly([inDir], { runDate: '2026-03-02' }),
      ]);
      expect(second.root.id).toBe(first.root.id);
      expect(await waitForFinished(t, first.root.id, 120_000)).toBe('completed');
      const third = await runner.enqueueNightly([inDir], { runDate: '2026-03-02' });
      expect(third.duplicate).toBe(true);
      const counts = await Promise.all(
        (['ingest', 'detect', 'export'] as const).map((q) => t.queues().queue(q).getJobCounts()),
      );
      expect(
        counts.every((c) => c.waiting === 0 && c.active === 0 && c.delayed === 0 && c.failed === 0),
      ).toBe(true);
      const jobs = await runner.listJobs({ limit: 100 });
      const named = (name: string) => jobs.filter((j) => j.name === name).length;
      const groups = (
        (await runner.getJob(first.jobs[1].id))?.result as { counts: { groups: number } }
      ).counts.groups;
      expect([
        named('ingest-file'),
        named('detect'),
        named('detect-group'),
        named('export-decided'),
      ]).toEqual([3, 1, groups, 1]);
      expect(counts.map((c) => c.completed)).toEqual([3, 1 + groups, 1]);
      for (const id of first.jobs.map((j) => j.id))
        expect((await readJob(t, id))?.attemptsMade).toBe(1);
      const digest = await digestStore(t.config.dbPath);
      expect(digest.runs).toBe(1);
      expect(digest.rings).toEqual(reference.rings);
    });
  });

  it('fails a bad file at once, without retries, with a reason `fraud-rings jobs` shows; the night goes on', async () => {
    await withPipeline('nightly-bad', async (t, runner) => {
      const inDir = path.join(t.dir, 'inbox');
      fs.mkdirSync(inDir);
      for (const f of fs
        .readdirSync(path.join(data.dir, 'in'))
        .filter((f) => /^(users|devices|payments)/.test(f))) {
        fs.copyFileSync(path.join(data.dir, 'in', f), path.join(inDir, f));
      }
      const bad = [
        'payment_id,payer_id,payee_id,amount,currency,created_at',
        ...Array.from({ length: 20 }, (_, i) => `x${i},u1,u2,not-a-number,EUR,yesterday`),
      ];
      fs.writeFileSync(path.join(inDir, 'payments-late.csv'), `${bad.join('\n')}\n`);
      const enqueued = await runner.enqueueNightly([inDir], { runDate: '2026-03-03' });
      expect(await waitForFinished(t, enqueued.root.id, 120_000)).toBe('completed');
      const badJob = enqueued.jobs.find((j) =>
        String(j.data.path ?? '').endsWith('payments-late.csv'),
      ) as JobView;
      const failed = await runner.getJob(badJob.id);
      expect(failed).toMatchObject({ state: 'failed', attemptsMade: 1 });
      expect(failed?.failedReason).toMatch(
        /^INPUT_REJECTED: fraud-rings: payments-late\.csv not loaded/,
      );

      const shown = await runCli(t.env, ['jobs', badJob.id]);
      expect(shown.code).toBe(0);
      expect(shown.stdout).toContain(`${badJob.id}  ingest-file  failed`);
      expect(shown.stdout).toContain('attempts=1');
      expect(shown.stdout).toContain(
        'reason: INPUT_REJECTED: fraud-rings: payments-late.csv not loaded',
      );
      const listed = await runCli(t.env, ['jobs', '--state', 'failed', '--json']);
      expect(listed.code).toBe(0);
      const failedJobs = JSON.parse(listed.stdout) as JobView[];
      expect(failedJobs.map((j) => j.id)).toEqual([badJob.id]);

      const detect = await runner.getJob(enqueued.jobs[1].id);
      const inputs = (
        detect?.result as { inputs: Array<{ path: string; status: string; reason?: string }> }
      ).inputs;
      expect(inputs.filter((i) => i.status === 'failed').map((i) => path.basename(i.path))).toEqual(
        ['payments-late.csv'],
      );
      expect(inputs.filter((i) => i.status === 'loaded')).toHaveLength(3);
      expect((await digestStore(t.config.dbPath)).rings).toEqual(reference.rings);
    });
  });

  it('runs the nightly on its schedule (cron and time zone from config), once per night however often it fires', async () => {
    const t = jobsTestEnv(redis.url, 'schedule');
    envs.push(t);
    const env = { ...t.env, NIGHTLY_CRON: '* * * * * *', NIGHTLY_TZ: 'Europe/Berlin' };
    const inDir = path.join(data.dir, 'in');
    const scheduled = await runCli(env, ['enqueue', 'nightly', inDir, '--schedule']);
    expect(scheduled.code).toBe(0);
    expect(scheduled.stdout).toMatch(
      /^nightly scheduled: '\* \* \* \* \* \*' Europe\/Berlin, next \d{4}-\d{2}-\d{2}T/,
    );
    const schedule = await readNightlySchedule(t.queues());
    expect(schedule).toMatchObject({
      pattern: '* * * * * *',
      timeZone: 'Europe/Berlin',
      paths: [inDir],
    });

    const inputs = await describeInputs([inDir]);
    const rootId = ids.export(
      nightlyRunKey(
        runDateIn('Europe/Berlin'),
        inputs.map((i) => i.sha256),
      ),
    );
    const config = { ...t.config, nightlyTimeZone: 'Europe/Berlin' };
    const worker = await startWorker(config, silent);
    try {
      expect(await waitForFinished(t, rootId, 120_000)).toBe('completed');
      await waitFor(
        async () =>
          (await t.queues().queue('ingest').getJobs(['completed'])).filter(
            (j) => j.name === 'nightly',
          ).length >= 2,
        20_000,
        'a second trigger',
      );
    } finally {
      const removed = await runCli(env, ['enqueue', 'nightly', '--unschedule']);
      expect(removed.stdout.trim()).toBe('nightly schedule removed');
      await worker.close();
    }
    expect(await readNightlySchedule(t.queues())).toBeNull();
    const detects = (
      await t.queues().queue('detect').getJobs(['completed', 'failed', 'active', 'waiting'])
    ).filter((j) => j.name === 'detect');
    expect(detects).toHaveLength(1);
    expect((await digestStore(t.config.dbPath)).runs).toBe(1);
  });

  it('runs the same processors in-process without Redis, with the same rings and job views', async () => {
    const t = jobsTestEnv(redis.url, 'in-process');
    envs.push(t);
    const runner = new InProcessRunner({ ...t.config, redisUrl: null }, { logger: silent });
    const enqueued = await runner.enqueueNightly([path.join(data.dir, 'in')], {
      runDate: '2026-03-01',
      detectGroups: 3,
    });
    expect(enqueued.root.state).toBe('waiting-children');
    expect(
      (await runner.enqueueNightly([path.join(data.dir, 'in')], { runDate: '2026-03-01' }))
        .duplicate,
    ).toBe(true);
    await runner.close();
    const jobs = await runner.listJobs();
    expect(jobs.map((j) => j.state)).toEqual([
      'completed',
      'completed',
      'completed',
      'completed',
      'completed',
    ]);
    const root = await runner.getJob(enqueued.root.id);
    expect(root).toMatchObject({
      name: 'export-decided',
      attemptsMade: 1,
      failedReason: null,
      result: { exported: [] },
    });
    expect((await digestStore(t.config.dbPath)).rings).toEqual(reference.rings);
  });
});
