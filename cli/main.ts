import { Command, CommanderError, Option } from 'commander';
import { exitCodeFor } from './exit-code';
import { FraudRingsError } from '../core/errors';
import { codeVersion } from '../core/config';
import { COMMANDS } from './commands';

/** Builds the `fraud-rings` program; exported for tests that want to parse without spawning. */
export function buildProgram(): Command {
  const program = new Command('fraud-rings')
    .description('Find collusive fraud rings in payment data.')
    .version(codeVersion())
    .addOption(new Option('--db <path>', 'SQLite store file (default ./data/fraud-rings.db)'))
    .addOption(new Option('--store <kind>', 'graph store').choices(['sqlite', 'neo4j']))
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  for (const register of COMMANDS) register(program);
  program.commands.forEach((c) => c.exitOverride());
  return program;
}

/** Entry point of the `fraud-rings` bin. Maps failures to the contract's exit codes. */
export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help / --version exit 0; usage errors (already printed by commander) exit 2.
      process.exitCode = err.exitCode === 0 ? 0 : 2;
      return;
    }
    const message =
      err instanceof FraudRingsError
        ? err.message
        : `fraud-rings: ${(err as Error)?.message ?? String(err)}`;
    process.stderr.write(`${message.split('\n')[0]}\n`);
    process.exitCode = exitCodeFor(err);
  }
}
