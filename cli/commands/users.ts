// PLACEHOLDER: replaced by the owner of the `users` command.
import type { Command } from 'commander';
import { FraudRingsError } from '../../core/errors';

export function register(program: Command): void {
  program
    .command('users')
    .description('(not built yet)')
    .action(() => {
      throw new FraudRingsError('NOT_BUILT', 'fraud-rings: users is not built yet');
    });
}
