import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors';
import { generateDataset, type GenerateResult } from '../../core/generate';
import { createProgress } from '../progress';

interface GenerateFlags {
  out: string;
  users: string;
  rings?: string;
  seed: string;
  json?: boolean;
}

/** Reads a flag that must be a non-negative decimal integer. */
function integerFlag(name: string, value: string): number {
  if (!/^\d{1,10}$/.test(value.trim())) {
    throw new InvalidInputError(
      'INVALID_ARGUMENT',
      `generate: --${name} must be a non-negative integer, got "${value}"`,
    );
  }
  return Number(value.trim());
}

function summary(r: GenerateResult): string {
  return [
    `wrote ${r.counts.users} users, ${r.counts.sightings} device sightings, ${r.counts.payments} payments`,
    `  planted ${r.truth.rings} rings with ${r.truth.members} members (${r.truth.labelledFraud} labelled fraud)`,
    `  activity from ${r.window.start} to ${r.window.end}`,
    `  files: ${r.files.users}, ${r.files.devices}, ${r.files.payments}, ${r.files.truth}`,
  ].join('\n');
}

/** `fraud-rings generate`: validates flags (exit 2 on bad ones) and writes the data set. */
export function register(program: Command): void {
  program
    .command('generate')
    .description(
      'Write a synthetic data set (users.csv, devices.csv, payments.csv) with planted fraud rings and truth.json',
    )
    .requiredOption(
      '--out <dir>',
      'output folder (created if missing; existing files are replaced)',
    )
    .option('--users <n>', 'rows of users.csv', '20000')
    .option('--rings <r>', 'planted rings (default: users/2000, at least 8)')
    .option('--seed <s>', 'random seed: the same seed and sizes give byte-identical files', '1')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExample:\n  fraud-rings generate --out sample --users 100000 --seed 1')
    .action(async (flags: GenerateFlags) => {
      const users = integerFlag('users', flags.users);
      const rings = flags.rings === undefined ? undefined : integerFlag('rings', flags.rings);
      const seed = integerFlag('seed', flags.seed);
      const progress = createProgress('generate', { json: flags.json });
      let result: GenerateResult;
      try {
        result = await generateDataset({
          outDir: flags.out,
          users,
          rings,
          seed,
          onProgress: ({ people, total }) => {
            progress.setTotal(total);
            progress.update(people, 'accounts');
          },
        });
      } finally {
        progress.stop();
      }
      process.stdout.write(
        flags.json ? `${JSON.stringify(result, null, 2)}\n` : `${summary(result)}\n`,
      );
    });
}
