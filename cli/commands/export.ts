import os from 'node:os';
import path from 'node:path';
import { Command, Option } from 'commander';
import { configFrom, withStore } from '../context';
import { writeFileAtomic } from '../../core/export/atomic-write';
import {
  EXPORT_FORMATS,
  parseExportFormat,
  renderCaseExport,
} from '../../core/export/render-case-export';

interface ExportCaseOptions {
  format: string;
  out?: string;
  reveal?: boolean;
}

/** Who the audit log names for an export made from the command line. */
function cliActor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

/**
 * `fraud-rings export case ID --format csv|json|html [--out FILE] [--reveal]`: writes one case
 * export to stdout or, atomically, to FILE. Exit 2 on an unknown case or format.
 */
export function register(program: Command): void {
  const exportCmd = program
    .command('export')
    .description('export investigation data for case-management systems and reports');
  exportCmd
    .command('case')
    .description(
      'export one case (a decided case exports its frozen evidence pack; PII masked unless --reveal)',
    )
    .argument('<id>', 'case id')
    .addOption(
      new Option('--format <format>', 'output format')
        .choices([...EXPORT_FORMATS])
        .makeOptionMandatory(),
    )
    .option('--out <file>', 'write to this file instead of stdout')
    .option(
      '--reveal',
      'show raw emails, phones, addresses and card ids (recorded in the audit log)',
      false,
    )
    .action(async (id: string, opts: ExportCaseOptions, cmd: Command) => {
      const format = parseExportFormat(opts.format);
      const config = configFrom(cmd);
      const rendered = await withStore(config, (store) =>
        renderCaseExport(store, id, format, { actor: cliActor(), reveal: opts.reveal === true }),
      );
      if (opts.out === undefined) {
        process.stdout.write(rendered.body);
      } else {
        await writeFileAtomic(path.resolve(opts.out), rendered.body);
        process.stderr.write(`wrote ${path.resolve(opts.out)}\n`);
      }
    });
}
