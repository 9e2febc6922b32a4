// PLACEHOLDER: replaced by the owner of the `eval` command.
import type { Command } from 'commander';
import { FraudRingsError } from '../../core/errors';

export function register(program: Command): void {
  program
    .command('eval')
    .description('(not built yet)')
    .action(() => {
      throw new FraudRingsError('NOT_BUILT', 'fraud-rings: eval is not built yet');
    });
}
