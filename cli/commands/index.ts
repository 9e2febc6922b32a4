import type { Command } from 'commander';
import { register as demoCommand } from './demo';
import { register as generateCommand } from './generate';
import { register as ingestCommand } from './ingest';
import { register as statsCommand } from './stats';
import { register as detectCommand } from './detect';
import { register as ringsCommand } from './rings';
import { register as evalCommand } from './eval';
import { register as serveCommand } from './serve';
import { register as usersCommand } from './users';
import { register as workerCommand } from './worker';
import { register as enqueueCommand } from './enqueue';
import { register as jobsCommand } from './jobs';
import { register as exportCommand } from './export';

/** Each command lives in its own file and registers itself on the root program. */
export type RegisterCommand = (program: Command) => void;

export const COMMANDS: RegisterCommand[] = [
  demoCommand,
  generateCommand,
  ingestCommand,
  statsCommand,
  detectCommand,
  ringsCommand,
  evalCommand,
  serveCommand,
  usersCommand,
  workerCommand,
  enqueueCommand,
  jobsCommand,
  exportCommand,
];
