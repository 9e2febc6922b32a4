import fs from 'node:fs';
import type { Command } from 'commander';
import { configFrom, withStore } from '../context';
import { InvalidInputError } from '../../core/errors';
import { evaluateRings, parseTruth, type Evaluation } from '../../core/detect/evaluate';
import { latestRings } from './rings';

interface EvalFlags {
  truth: string;
  json?: boolean;
}

function readTruth(file: string) {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    throw new InvalidInputError('TRUTH_UNREADABLE', `fraud-rings: cannot read truth file ${file}`);
  }
  try {
    return parseTruth(JSON.parse(text));
  } catch (err) {
    if (err instanceof InvalidInputError) throw err;
    throw new InvalidInputError('BAD_TRUTH', `fraud-rings: ${file} is not valid JSON`);
  }
}

/** `eval --json`: snake_case like every other JSON the command line prints. */
export function evaluationJson(runId: string, e: Evaluation) {
  return {
    run_id: runId,
    rings: {
      precision: e.rings.precision,
      recall: e.rings.recall,
      f1: e.rings.f1,
      flagged: e.rings.flagged,
      flagged_matching: e.rings.flaggedMatching,
      truth: e.rings.truth,
      truth_found: e.rings.truthFound,
    },
    members: {
      precision: e.members.precision,
      recall: e.members.recall,
      f1: e.members.f1,
      flagged: e.members.flagged,
      truth: e.members.truth,
      correct: e.members.correct,
    },
    by_kind: e.byKind,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function evaluationText(runId: string, e: Evaluation): string {
  const lines = [
    `run ${runId}`,
    `rings    precision ${pct(e.rings.precision)}  recall ${pct(e.rings.recall)}  F1 ${pct(e.rings.f1)}  (flagged ${e.rings.flagged}, matching ${e.rings.flaggedMatching}; true ${e.rings.truth}, found ${e.rings.truthFound})`,
    `members  precision ${pct(e.members.precision)}  recall ${pct(e.members.recall)}  F1 ${pct(e.members.f1)}  (flagged ${e.members.flagged}, true ${e.members.truth}, correct ${e.members.correct})`,
  ];
  for (const [kind, k] of Object.entries(e.byKind).sort(([a], [b]) => (a < b ? -1 : 1))) {
    lines.push(`  ${kind.padEnd(20)} found ${k.found}/${k.truth} (${pct(k.recall)})`);
  }
  return lines.join('\n');
}

export function register(program: Command): void {
  program
    .command('eval')
    .description(
      'Ring- and member-level precision, recall and F1 of the latest run against a truth.json.',
    )
    .requiredOption('--truth <file>', 'truth.json written by `generate`')
    .option('--json', 'print the evaluation as JSON')
    .action(async (flags: EvalFlags, cmd: Command) => {
      const truth = readTruth(flags.truth);
      const { runId, rings } = await withStore(configFrom(cmd), (store) =>
        latestRings(store, false),
      );
      const evaluation = evaluateRings(
        rings.map((r) => r.members),
        truth,
      );
      process.stdout.write(
        flags.json
          ? `${JSON.stringify(evaluationJson(runId, evaluation))}\n`
          : `${evaluationText(runId, evaluation)}\n`,
      );
    });
}
