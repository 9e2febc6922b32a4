import { Command, InvalidArgumentError, Option } from 'commander';
import { configFrom, withStore } from '../context';
import { createProgress } from '../progress';
import { runDetection } from '../../core/detect/run-detection';
import { assertGdsUsable, runDetectionGds } from '../../core/detect/run-detection-gds';
import type { DetectEngine } from '../../core/detect/params';
import type { RunRecord } from '../../core/types';

interface DetectFlags {
  json?: boolean;
  seed?: number;
  resolution?: number;
  engine: DetectEngine;
}

const STAGE_SPAN: Record<string, [number, number]> = {
  projection: [0, 45],
  communities: [45, 80],
  scoring: [80, 95],
  saved: [95, 100],
};

const integer = (v: string) => {
  if (!/^\d+$/.test(v)) throw new InvalidArgumentError('must be a non-negative integer');
  return Number(v);
};
const positive = (v: string) => {
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError('must be a positive number');
  return n;
};

/** The run summary as `detect --json` prints it (snake_case, like the ring output). */
export function runSummary(run: RunRecord) {
  return {
    run_id: run.runId,
    started_at: new Date(run.startedAt).toISOString(),
    finished_at: new Date(run.finishedAt).toISOString(),
    engine: run.engine,
    seed: run.seed,
    resolution: run.resolution,
    code_version: run.codeVersion,
    modularity: run.modularity,
    counts: run.counts,
    timings_ms: run.timingsMs,
  };
}

function summaryText(run: RunRecord): string {
  const c = run.counts;
  return [
    `run ${run.runId} (seed ${run.seed}, resolution ${run.resolution}, ${run.engine}, v${run.codeVersion})`,
    `accounts ${c.accounts}, edges ${c.edges}, components ${c.components}, communities ${c.communities}`,
    `candidates ${c.candidates}, flagged ${c.flagged} (new ${c.new}, ongoing ${c.ongoing}, grown ${c.grown}, shrunk ${c.shrunk}, merged ${c.merged}, split ${c.split}; dissolved ${c.dissolved})`,
    `modularity ${run.modularity}`,
    `time ${Object.entries(run.timingsMs)
      .map(([k, v]) => `${k} ${v} ms`)
      .join(', ')}`,
  ].join('\n');
}

export function register(program: Command): void {
  program
    .command('detect')
    .description('Run ring detection on the whole store and print the run summary.')
    .option('--json', 'print the summary as JSON')
    .addOption(
      new Option('--seed <n>', 'Louvain seed (default DETECT_SEED or 42)').argParser(integer),
    )
    .addOption(
      new Option(
        '--resolution <r>',
        'Louvain resolution (default DETECT_RESOLUTION or 1)',
      ).argParser(positive),
    )
    .addOption(
      new Option('--engine <name>', 'community engine (gds needs the Neo4j store)')
        .choices(['graphology', 'gds'])
        .default('graphology'),
    )
    .action(async (flags: DetectFlags, cmd: Command) => {
      const config = configFrom(cmd);
      if (flags.engine === 'gds') assertGdsUsable(config);
      const progress = createProgress('detect', { json: flags.json, total: 100 });
      const opts = {
        seed: flags.seed ?? config.detectSeed,
        resolution: flags.resolution ?? config.detectResolution,
      };
      const hooks = {
        onProgress(stage: string, fraction: number) {
          const [from, to] = STAGE_SPAN[stage] ?? [0, 100];
          progress.update(Math.round(from + (to - from) * fraction), stage);
        },
      };
      const { run } = await withStore(config, (store) =>
        flags.engine === 'gds'
          ? runDetectionGds(store, config, opts, hooks)
          : runDetection(store, opts, hooks),
      ).finally(() => progress.stop());
      process.stdout.write(
        flags.json ? `${JSON.stringify(runSummary(run))}\n` : `${summaryText(run)}\n`,
      );
    });
}
