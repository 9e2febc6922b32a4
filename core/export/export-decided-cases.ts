import path from 'node:path';
import type { Config } from '../config';
import { FraudRingsError } from '../errors';
import type { GraphStore } from '../store/port';
import type { CaseRecord } from '../types';
import { writeFileAtomic } from './atomic-write';
import { isDecided } from './case-snapshot';
import { renderCaseExport } from './render-case-export';
import { deliverWebhook, type WebhookRetryPolicy } from './webhook';

/** Name of the store marker that records how far the nightly export has got. */
export const EXPORT_MARKER = 'export.decided';

/** Event name sent in the webhook's `X-Fraud-Rings-Event` header. */
export const DECIDED_EVENT = 'case.decided';

/**
 * Marker value: the decision time of the last case exported and the ids of the exported cases
 * decided at that same millisecond, so a case decided in the same millisecond as one already
 * exported is neither skipped nor exported twice.
 */
interface ExportMark {
  decidedAt: number;
  caseIds: string[];
}

export interface ExportDecidedResult {
  /** Cases whose JSON and CSV files were written (and webhook delivered, when configured), in decision order. */
  exported: string[];
  dir: string;
  /** Cases the webhook receiver refused with a 4xx; their files are written and they are not retried. */
  webhookRejected: string[];
}

/**
 * The nightly export: writes `case-<id>.json` and `case-<id>.csv` to `config.exportDir` for every
 * case decided since the last export (oldest decision first), and, when `config.webhookUrl` is
 * set, POSTs each case's JSON there, signed (`webhook.ts`). Files are written atomically (temp file
 * and rename) and the marker moves past a case only once its files are written and its webhook
 * delivered, so a crash or a failed delivery never loses a case: the next run starts again from
 * it (rewriting the same files; a receiver drops duplicate deliveries by `X-Fraud-Rings-Delivery`).
 * A webhook that still fails after its retries fails the export with `WEBHOOK_FAILED` (retriable).
 *
 * Exports are audited (`case.export`) under `opts.actor` (default `system:nightly-export`).
 */
export async function exportDecidedCases(
  store: GraphStore,
  config: Config,
  opts: { actor?: string; retry?: Partial<WebhookRetryPolicy> } = {},
): Promise<ExportDecidedResult> {
  const actor = opts.actor ?? 'system:nightly-export';
  const dir = config.exportDir;
  let mark = parseMark(await store.getMarker(EXPORT_MARKER));
  const pending = (await store.casesDecidedSince(mark.decidedAt - 1)).filter(
    (c) => !alreadyExported(c, mark),
  );
  const result: ExportDecidedResult = { exported: [], dir, webhookRejected: [] };
  for (const record of pending) {
    const json = await renderCaseExport(store, record.caseId, 'json', { actor });
    const csv = await renderCaseExport(store, record.caseId, 'csv', { actor });
    await writeFileAtomic(path.join(dir, json.filename), json.body);
    await writeFileAtomic(path.join(dir, csv.filename), csv.body);
    if (config.webhookUrl !== null) {
      const delivered = await postCase(config, record, json.body, opts.retry);
      if (!delivered) result.webhookRejected.push(record.caseId);
    }
    mark = advance(mark, record);
    await store.setMarker(EXPORT_MARKER, JSON.stringify(mark));
    result.exported.push(record.caseId);
  }
  return result;
}

async function postCase(
  config: Config,
  record: CaseRecord,
  body: string,
  retry: Partial<WebhookRetryPolicy> | undefined,
): Promise<boolean> {
  try {
    await deliverWebhook(
      {
        url: config.webhookUrl as string,
        secret: config.webhookSecret as string,
        body,
        deliveryId: `case:${record.caseId}:${record.status}:${record.decidedAt}`,
        event: DECIDED_EVENT,
      },
      retry,
    );
    return true;
  } catch (err) {
    if (err instanceof FraudRingsError && err.code === 'WEBHOOK_REJECTED') return false;
    throw err;
  }
}

function parseMark(value: string | null): ExportMark {
  if (value === null) return { decidedAt: 0, caseIds: [] };
  try {
    const v = JSON.parse(value) as Partial<ExportMark>;
    if (typeof v.decidedAt === 'number' && Array.isArray(v.caseIds))
      return { decidedAt: v.decidedAt, caseIds: v.caseIds.map(String) };
  } catch {
    // reported below as a typed error
  }
  throw new FraudRingsError(
    'EXPORT_MARKER_CORRUPT',
    `fraud-rings: the ${EXPORT_MARKER} marker is not one this program wrote`,
  );
}

function alreadyExported(c: CaseRecord, mark: ExportMark): boolean {
  return (
    !isDecided(c.status) ||
    c.decidedAt === null ||
    c.decidedAt < mark.decidedAt ||
    (c.decidedAt === mark.decidedAt && mark.caseIds.includes(c.caseId))
  );
}

function advance(mark: ExportMark, c: CaseRecord): ExportMark {
  const at = c.decidedAt as number;
  return at === mark.decidedAt
    ? { decidedAt: at, caseIds: [...mark.caseIds, c.caseId] }
    : { decidedAt: at, caseIds: [c.caseId] };
}
