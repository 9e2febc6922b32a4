import path from 'node:path';
import { Command, InvalidArgumentError } from 'commander';
import { configFrom, withStore } from '../context';
import { createProgress } from '../progress';
import { ingestPaths, type IngestReport } from '../../core/ingest/ingest-paths';
import { DEFAULT_MAX_REJECT_RATE } from '../../core/ingest/ingest-report';

interface IngestFlags {
  json?: boolean;
  maxRejectRate: number;
}

const rate = (v: string): number => {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0 || n > 1)
    throw new InvalidArgumentError('must be a number from 0 to 1');
  return n;
};

/** The per-file table `ingest` prints without `--json`. */
export function reportTable(report: IngestReport): string {
  const header = ['file', 'entity', 'read', 'accepted', 'rejected', 'loaded'];
  const rows = report.files.map((f) => [
    f.file,
    f.entity,
    String(f.read),
    String(f.accepted),
    String(f.rejected),
    f.loaded ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  const notes = report.files.flatMap((f) => [
    ...(f.loaded ? [] : [`${f.file}: not loaded: ${f.reason}`]),
    ...(f.rejectsFile ? [`${f.file}: rejected rows in ${f.rejectsFile}`] : []),
  ]);
  return [line(header), ...rows.map(line), ...(notes.length > 0 ? ['', ...notes] : [])].join('\n');
}

export function register(program: Command): void {
  program
    .command('ingest')
    .description(
      'Load users, devices and payments files (CSV or NDJSON, optionally .gz) or directories of them. ' +
        'Each file loads atomically; bad rows go to <file>.rejects.csv beside the store; ' +
        'exits 2 when a file is rolled back or a path is bad.',
    )
    .argument('<paths...>', 'files, or directories holding users*, devices*, payments* files')
    .option('--json', 'print the report as JSON')
    .option(
      '--max-reject-rate <rate>',
      'roll back a file when more than this share of its rows is rejected',
      rate,
      DEFAULT_MAX_REJECT_RATE,
    )
    .action(async (paths: string[], flags: IngestFlags, cmd: Command) => {
      const config = configFrom(cmd);
      const report = await withStore(config, async (store) => {
        const progress = createProgress('ingest', { json: flags.json });
        let current = '';
        try {
          return await ingestPaths(store, paths, {
            maxRejectRate: flags.maxRejectRate,
            rejectsDir: config.store === 'sqlite' ? path.dirname(config.dbPath) : undefined,
            onProgress: (p) => {
              if (p.file !== current) {
                current = p.file;
                progress.setTotal(p.totalBytes);
              }
              progress.update(p.bytes, `${path.basename(p.file)} ${p.rows} rows`);
            },
          });
        } finally {
          progress.stop();
        }
      });
      process.stdout.write(
        flags.json ? `${JSON.stringify(report, null, 2)}\n` : `${reportTable(report)}\n`,
      );
      const failed = report.files.filter((f) => !f.loaded);
      for (const f of failed)
        process.stderr.write(`fraud-rings: ${f.file} was not loaded: ${f.reason}\n`);
      if (failed.length > 0) process.exitCode = 2;
    });
}
