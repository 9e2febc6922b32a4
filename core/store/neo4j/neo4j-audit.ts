/**
 * The AuditStore part of the Neo4j adapter: append-only entries numbered by the 'audit'
 * counter (there is no update or delete query in `cypher/`), listed newest first; the cursor is
 * the id of the last entry returned, as in the SQLite adapter.
 */
import type { AuditEntry, Page } from '../../types';
import { InvalidInputError } from '../../errors';
import type { CypherRunner } from './cypher-runner';
import { json, num, str, type Row } from './neo4j-values';

const toEntry = (r: Row): AuditEntry => ({
  id: num(r.id),
  at: num(r.at),
  actor: str(r.actor),
  action: str(r.action),
  target: str(r.target),
  detail: json<Record<string, unknown>>(r.detail, {}),
});

export class Neo4jAudit {
  constructor(readonly runner: CypherRunner) {}

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const [row] = await this.runner.write('append-audit', {
      entry: {
        at: entry.at,
        actor: entry.actor,
        action: entry.action,
        target: entry.target,
        detail: JSON.stringify(entry.detail),
      },
    });
    return { id: num((row.entry as Row).id), ...entry };
  }

  async listAudit(query: {
    actor?: string;
    action?: string;
    target?: string;
    cursor?: string | null;
    limit?: number;
  }): Promise<Page<AuditEntry>> {
    const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
    if (query.cursor && !/^\d{1,15}$/.test(query.cursor)) {
      throw new InvalidInputError(
        'INVALID_CURSOR',
        'fraud-rings: the cursor is not one this server issued',
      );
    }
    const rows = await this.runner.read('list-audit', {
      actor: query.actor ?? null,
      action: query.action ?? null,
      target: query.target ?? null,
      beforeId: query.cursor ? Number(query.cursor) : null,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map((r) => toEntry(r.entry as Row));
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }
}
