// PLACEHOLDER: replaced by the owner of the `jobs` command.
import type { Command } from 'commander';
import { FraudRingsError } from '../../core/errors';

export function register(program: Command): void {
  program
    .command('jobs')
    .description('(not built yet)')
    .action(() => {
      throw new FraudRingsError('NOT_BUILT', 'fraud-rings: jobs is not built yet');
    });
}
