import type { Db } from './database';
import type { AuditStore } from '../port';
import type { AuditEntry, Page } from '../../types';
import { InvalidInputError } from '../../errors';

interface AuditRow {
  id: number;
  at: number;
  actor: string;
  action: string;
  target: string;
  detail: string;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  action: r.action,
  target: r.target,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});

/**
 * The append-only audit log (migration 004; triggers refuse UPDATE and DELETE). Listed newest
 * first; the cursor is the id of the last entry returned.
 */
class AuditTable implements AuditStore {
  constructor(readonly db: Db) {}

  async appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    const info = this.db
      .prepare('INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)')
      .run(entry.at, entry.actor, entry.action, entry.target, JSON.stringify(entry.detail));
    return { id: Number(info.lastInsertRowid), ...entry };
  }

  async listAudit(query: {
    actor?: string;
    action?: string;
    target?: string;
    cursor?: string | null;
    limit?: number;
  }): Promise<Page<AuditEntry>> {
    const limit = Math.max(1, Math.min(query.limit ?? 100, 1000));
    const where: string[] = [];
    const params: Array<string | number> = [];
    for (const key of ['actor', 'action', 'target'] as const) {
      if (query[key] === undefined) continue;
      where.push(`${key} = ?`);
      params.push(query[key] as string);
    }
    if (query.cursor) {
      if (!/^\d{1,15}$/.test(query.cursor)) {
        throw new InvalidInputError(
          'INVALID_CURSOR',
          'fraud-rings: the cursor is not one this server issued',
        );
      }
      where.push('id < ?');
      params.push(Number(query.cursor));
    }
    const rows = this.db
      .prepare(
        `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`,
      )
      .all(...params, limit + 1) as AuditRow[];
    const items = rows.slice(0, limit).map(toEntry);
    return { items, nextCursor: rows.length > limit ? String(items[items.length - 1].id) : null };
  }
}

/**
 * Exposed as a constructor of the port part (not of the class) so that spreading
 * `bindAll(new SqliteAudit(db))` keeps the methods in its type: TypeScript drops class methods from spreads.
 */
export const SqliteAudit: new (db: Db) => AuditStore = AuditTable;
export type SqliteAudit = AuditStore;
