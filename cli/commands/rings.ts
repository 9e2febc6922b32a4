import { Command, Option } from 'commander';
import { configFrom, withStore } from '../context';
import { NotFoundError } from '../../core/errors';
import { ringsCsv, ringsDocument } from '../../core/detect/ring-output';
import type { RingStore } from '../../core/store/port';
import type { RingRecord } from '../../core/types';

interface RingsFlags {
  format: 'json' | 'csv';
  all?: boolean;
}

/** Every ring of the latest run (flagged only unless `all`), best score first; throws if no run exists. */
export async function latestRings(
  store: RingStore,
  all: boolean,
): Promise<{ runId: string; rings: RingRecord[] }> {
  const run = await store.latestRun();
  if (run === null)
    throw new NotFoundError(
      'RUN_NOT_FOUND',
      'fraud-rings: no detection run yet; run `fraud-rings detect` first',
    );
  const rings: RingRecord[] = [];
  let cursor: string | null = null;
  do {
    const page = await store.listRings({
      runId: run.runId,
      flaggedOnly: !all,
      cursor,
      limit: 10_000,
    });
    rings.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return { runId: run.runId, rings };
}

export function register(program: Command): void {
  program
    .command('rings')
    .description('Print the flagged rings of the latest detection run.')
    .addOption(
      new Option('--format <format>', 'output format').choices(['json', 'csv']).default('json'),
    )
    .option('--all', 'every candidate community, not only flagged rings')
    .action(async (flags: RingsFlags, cmd: Command) => {
      const { runId, rings } = await withStore(configFrom(cmd), (store) =>
        latestRings(store, flags.all === true),
      );
      process.stdout.write(
        flags.format === 'csv'
          ? ringsCsv(runId, rings)
          : `${JSON.stringify(ringsDocument(runId, rings), null, 2)}\n`,
      );
    });
}
