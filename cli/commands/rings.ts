// PLACEHOLDER: replaced by the owner of the `rings` command.
import type { Command } from 'commander';
import { FraudRingsError } from '../../core/errors';

export function register(program: Command): void {
  program
    .command('rings')
    .description('(not built yet)')
    .action(() => {
      throw new FraudRingsError('NOT_BUILT', 'fraud-rings: rings is not built yet');
    });
}
