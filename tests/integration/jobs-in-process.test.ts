/**
 * The in-process runner (no Redis): the same processors, ids and job views as on BullMQ, on a
 * real SQLite file. What `createJobRunner` returns without REDIS_URL.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig, type Config } from '../../core/config';
import { InvalidInputError } from '../../core/errors';
import { generateDataset } from '../../core/generate';
import { createLogger } from '../../core/logger';
import { InProcessRunner } from '../../jobs/in-process-runner';
import { createJobRunner } from '../../jobs/job-runner';
import { digestStore } from '../helpers/jobs-rings';

describe('jobs: the in-process runner', () => {
  let dir: string;
  let inDir: string;
  let config: Config;
  const silent = createLogger('silent');

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fr-inproc-'));
    inDir = path.join(dir, 'in');
    await generateDataset({ outDir: inDir, users: 1000, seed: 5 });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  beforeEach(() => {
    const db = path.join(fs.mkdtempSync(path.join(dir, 'db-')), 'store.db');
    config = loadConfig(
      { dbPath: db },
      { LOG_LEVEL: 'silent', EXPORT_DIR: path.join(dir, 'exports') },
    );
  });

  it('is what createJobRunner returns without REDIS_URL', async () => {
    const runner = createJobRunner(config);
    expect(runner.kind).toBe('in-process');
    expect(await runner.listJobs()).toEqual([]);
    await runner.close();
  });

  it('fails a rolled-back file once, without retrying, and goes on with the night', async () => {
    const inbox = path.join(dir, 'inbox-bad');
    fs.mkdirSync(inbox);
    fs.copyFileSync(path.join(inDir, 'users.csv'), path.join(inbox, 'users.csv'));
    fs.writeFileSync(
      path.join(inbox, 'devices.csv'),
      'user_id,device_id,seen_at\nu1,d1,not-a-time\nu2,d2,never\n',
    );
    const runner = new InProcessRunner(config, { logger: silent, retryDelayMs: 1 });
    const night = await runner.enqueueNightly([inbox], { runDate: '2026-06-01' });
    await runner.close();
    const jobs = await Promise.all(night.jobs.map((j) => runner.getJob(j.id)));
    expect(jobs.map((j) => [j?.name, j?.state, j?.attemptsMade])).toEqual([
      ['export-decided', 'completed', 1],
      ['detect', 'completed', 1],
      ['ingest-file', 'completed', 1],
      ['ingest-file', 'failed', 1],
    ]);
    expect(jobs[3]?.failedReason).toMatch(/^INPUT_REJECTED: fraud-rings: devices\.csv not loaded/);
    const inputs = (jobs[1]?.result as { inputs: Array<{ status: string }> }).inputs;
    expect(inputs.map((i) => i.status)).toEqual(['loaded', 'failed']);
    expect((await digestStore(config.dbPath)).counts.sightings).toBe(0);
  });

  it('drops a detect request while an identical one is pending, and keeps keyed requests idempotent', async () => {
    const runner = new InProcessRunner(config, { logger: silent });
    await runner.enqueueNightly([inDir], { runDate: '2026-06-02' });
    const a = await runner.enqueueDetect({ seed: 9 });
    const b = await runner.enqueueDetect({ seed: 9 });
    const c = await runner.enqueueDetect({ seed: 10 });
    const k1 = await runner.enqueueDetect({ key: 'nightly-2026-06-02' });
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect(k1.id).toBe('detect-key-nightly-2026-06-02');
    await expect(runner.enqueueDetect({ seed: -1 })).rejects.toThrow(InvalidInputError);
    await runner.close();
    const detects = (await runner.listJobs({ state: 'completed' })).filter(
      (j) => j.name === 'detect',
    );
    expect(detects).toHaveLength(4);
    expect(detects.every((j) => j.progress?.stage === 'saved' && j.attemptsMade === 1)).toBe(true);
    expect((await digestStore(config.dbPath)).runs).toBe(4);
    await expect(runner.enqueueDetect({ key: 'nightly-2026-06-02' })).rejects.toThrow(
      /shutting down/,
    );
  });

  it('returns the finished job for a key already done, without running it again', async () => {
    const runner = new InProcessRunner(config, { logger: silent });
    const first = await runner.enqueueDetect({ key: 'once' });
    await new Promise<void>((resolve) => {
      const poll = async () =>
        (await runner.getJob(first.id))?.state === 'completed' ? resolve() : setTimeout(poll, 10);
      void poll();
    });
    const again = await runner.enqueueDetect({ key: 'once' });
    expect(again).toMatchObject({ id: first.id, state: 'completed', attemptsMade: 1 });
    await runner.close();
    expect((await digestStore(config.dbPath)).runs).toBe(1);
  });
});
