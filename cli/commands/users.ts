import { Command, Option } from 'commander';
import { configFrom, withStore } from '../context';
import { createUser } from '../../core/auth/create-user';
import type { Role } from '../../core/types';

interface AddOptions {
  role: Role;
  password?: string;
  json?: boolean;
}

/**
 * `fraud-rings users add NAME --role analyst|admin [--password P] [--json]`: creates an
 * investigator or admin and prints an API token, shown this once (only its hash is stored).
 * Without `--password` the user can call the API with the token but cannot log in to the UI.
 */
export function register(program: Command): void {
  const users = program.command('users').description('manage investigators and admins');
  users
    .command('add')
    .description('create a user and print an API token')
    .argument('<name>', 'user name (letters, digits, . _ -)')
    .addOption(
      new Option('--role <role>', 'what the user may do')
        .choices(['analyst', 'admin'])
        .makeOptionMandatory(),
    )
    .option('--password <password>', 'password for logging in to the UI (at least 8 characters)')
    .option('--json', 'print {"token", "userId", "name", "role"} as JSON')
    .action(async (name: string, opts: AddOptions, cmd: Command) => {
      const config = configFrom(cmd);
      const { user, token } = await withStore(config, (store) =>
        createUser(store, { name, role: opts.role, password: opts.password ?? null }),
      );
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ token, userId: user.userId, name: user.name, role: user.role })}\n`,
        );
      } else {
        process.stdout.write(
          `created ${user.role} ${user.name}\nAPI token (shown once; send as "Authorization: Bearer <token>"):\n${token}\n`,
        );
      }
    });
}
