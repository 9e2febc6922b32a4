// PLACEHOLDER: replaced by the owner of the `demo` command.
import type { Command } from 'commander';
import { FraudRingsError } from '../../core/errors';

export function register(program: Command): void {
  program
    .command('demo')
    .description('(not built yet)')
    .action(() => {
      throw new FraudRingsError('NOT_BUILT', 'fraud-rings: demo is not built yet');
    });
}
