import {
  exportDecidedCases,
  type ExportDecidedResult,
} from '../../core/export/export-decided-cases';
import type { JobContext } from '../job-context';
import type { ExportDecidedData } from '../job-data';

/**
 * The nightly's last step: writes (and, with a webhook, delivers) every case decided since the
 * previous export. Safe to repeat: the store's export marker only moves past a case once it is out.
 */
export async function exportDecided(
  ctx: JobContext,
  data: ExportDecidedData,
): Promise<ExportDecidedResult> {
  await ctx.progress({ stage: 'export', done: 0, total: null });
  const result = await ctx.withStore((store) =>
    exportDecidedCases(store, ctx.config, { actor: `system:nightly-export:${data.runKey}` }),
  );
  await ctx.progress({
    stage: 'export',
    done: result.exported.length,
    total: result.exported.length,
  });
  return result;
}
