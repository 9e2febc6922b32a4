import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Command, InvalidArgumentError } from 'commander';
import { configFrom } from '../context';
import { createProgress } from '../progress';
import { openStore } from '../../core/store/open-store';
import { generateDataset } from '../../core/generate';
import { ingestPaths } from '../../core/ingest/ingest-paths';
import { runDetection } from '../../core/detect/run-detection';
import { createUser } from '../../core/auth/create-user';
import { createLogger } from '../../core/logger';
import { createJobRunner } from '../../jobs/job-runner';
import { startServer } from '../../server/start-server';
import { findWebDist } from './serve';
import type { GraphStore } from '../../core/store/port';
import { InvalidInputError } from '../../core/errors';

interface DemoFlags {
  users: number;
  seed: number;
  port?: number;
  serve: boolean;
}

const whole = (min: number, max: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`must be an integer ${min}-${max}`);
  return n;
};

/**
 * The demo login lives beside the store (mode 0600) so that running `demo` again on the same store
 * prints the same working credentials instead of failing on an existing user.
 */
async function demoLogin(
  store: GraphStore,
  dir: string,
): Promise<{ name: string; password: string }> {
  const file = path.join(dir, 'demo-login.json');
  if (fs.existsSync(file)) {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { name: string; password: string };
    if (await store.getUserByName(saved.name)) return saved;
  }
  const name = (await store.getUserByName('demo'))
    ? `demo-${randomBytes(3).toString('hex')}`
    : 'demo';
  const password = randomBytes(9).toString('base64url');
  await createUser(store, { name, role: 'admin', password });
  fs.writeFileSync(file, JSON.stringify({ name, password }), { mode: 0o600 });
  return { name, password };
}

/** `fraud-rings demo`: generate a sample data set, load it, detect rings, and serve the UI. */
export function register(program: Command): void {
  program
    .command('demo')
    .description(
      'generate sample data, load it into the store, detect rings, and serve the UI (the one-command start)',
    )
    .option('--users <n>', 'accounts to generate', whole(200, 2_000_000), 20_000)
    .option('--seed <s>', 'generator seed', whole(0, 2 ** 32 - 1), 1)
    .option('--port <port>', 'port for the UI (default $PORT or 8080)', whole(0, 65535))
    .option('--no-serve', 'stop after detection (no server)')
    .action(async (flags: DemoFlags, cmd: Command) => {
      const config = configFrom(cmd, { port: flags.port });
      const dataDir = path.dirname(config.dbPath);
      const inputDir = path.join(dataDir, `demo-input-${flags.users}-${flags.seed}`);
      const say = (line: string) => process.stderr.write(`${line}\n`);

      if (!fs.existsSync(path.join(inputDir, 'truth.json'))) {
        const bar = createProgress('generate', { total: flags.users });
        await generateDataset({
          outDir: inputDir,
          users: flags.users,
          seed: flags.seed,
          onProgress: (p) => bar.update(p.people),
        });
        bar.stop();
      }
      say(`demo: data set in ${inputDir}`);

      const store = await openStore(config);
      try {
        const ingestBar = createProgress('ingest');
        const report = await ingestPaths(store, [inputDir], {
          rejectsDir: dataDir,
          onProgress: (p) => {
            ingestBar.setTotal(p.totalBytes);
            ingestBar.update(p.bytes, path.basename(p.file));
          },
        });
        ingestBar.stop();
        const failed = report.files.filter((f) => !f.loaded);
        if (failed.length > 0)
          throw new InvalidInputError(
            'INGEST_FAILED',
            `fraud-rings: demo could not load ${failed.map((f) => f.file).join(', ')}`,
          );
        for (const f of report.files)
          say(`demo: loaded ${path.basename(f.file)}: ${f.accepted} rows`);

        const detectBar = createProgress('detect', { total: 100 });
        const { run, rings } = await runDetection(
          store,
          { seed: config.detectSeed, resolution: config.detectResolution },
          {
            onProgress: (stage, fraction) => detectBar.update(Math.round(fraction * 100), stage),
          },
        );
        detectBar.stop();
        const flagged = rings.filter((r) => r.flagged);
        say(
          `demo: run ${run.runId}: ${flagged.length} flagged rings of ${rings.length} candidates`,
        );
        for (const r of flagged.slice(0, 5))
          say(`  ${r.ringId}  score ${r.score}  ${r.size} accounts  ${r.evidence[0]?.text ?? ''}`);

        const login = await demoLogin(store, dataDir);
        if (!flags.serve) {
          say(`demo: log in as ${login.name} / ${login.password} after \`npx fraud-rings serve\``);
          return;
        }
        const logger = createLogger(config.logLevel);
        const jobs = createJobRunner(config, { store });
        const server = await startServer(
          { store, config, logger, jobs, webDir: findWebDist() },
          { port: config.port, host: config.host },
        );
        say(
          `\nfraud-rings demo is ready: open ${server.url}\nlog in as  ${login.name}  /  ${login.password}\n(Ctrl-C stops the server)`,
        );
        await new Promise<void>((resolve) => {
          process.once('SIGINT', resolve);
          process.once('SIGTERM', resolve);
        });
        await server.close();
        await jobs.close();
      } finally {
        await store.close();
      }
    });
}
