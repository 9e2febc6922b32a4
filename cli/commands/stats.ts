import type { Command } from 'commander';
import { configFrom, withStore } from '../context';
import type { EntityCounts } from '../../core/types';

/** Human-readable counts, one per line, names aligned. */
export function statsText(counts: EntityCounts): string {
  const entries = Object.entries(counts) as Array<[string, number]>;
  const width = Math.max(...entries.map(([k]) => k.length));
  return entries.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n');
}

export function register(program: Command): void {
  program
    .command('stats')
    .description(
      'Print entity counts in the store (accounts, stub accounts, devices, sightings, identifiers, links, payments).',
    )
    .option('--json', 'print the counts as JSON (stable: the same data gives the same bytes)')
    .action(async (flags: { json?: boolean }, cmd: Command) => {
      const counts = await withStore(configFrom(cmd), (store) => store.counts());
      process.stdout.write(
        flags.json ? `${JSON.stringify(counts, null, 2)}\n` : `${statsText(counts)}\n`,
      );
    });
}
