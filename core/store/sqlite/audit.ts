import type { Db } from './database';
import type { AuditStore } from '../port';
import type { AuditEntry, Page } from '../../types';
import { InvalidInputError } from '../../errors';
import { prepared } from './entities/prepare';

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

interface PendingAudit {
  entry: Omit<AuditEntry, 'id'>;
  resolve(entry: AuditEntry): void;
  reject(err: unknown): void;
}

const INSERT_AUDIT =
  'INSERT INTO audit_log (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)';

/**
 * The append-only audit log (migration 004; triggers refuse UPDATE and DELETE). Listed newest
 * first; the cursor is the id of the last entry returned.
 *
 * Appends are group-committed: the entries appended during one turn of the event loop are
 * written in one transaction just after it (`setImmediate`), and each `appendAudit` resolves
 * only once its row is committed, so a reply that awaits its audit entry is never sent before
 * the entry is in the file (for every process to read). Under load, one commit then serves many
 * requests instead of one each. `listAudit` and `close` write what is pending first.
 */
export class SqliteAudit implements AuditStore {
  private pending: PendingAudit[] = [];
  private scheduled = false;

  constructor(readonly db: Db) {}

  appendAudit(entry: Omit<AuditEntry, 'id'>): Promise<AuditEntry> {
    return new Promise<AuditEntry>((resolve, reject) => {
      this.pending.push({ entry, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flushAudit());
      }
    });
  }

  /** Writes the pending entries in one transaction and settles their promises. */
  flushAudit(): void {
    this.scheduled = false;
    const batch = this.pending;
    if (batch.length === 0) return;
    this.pending = [];
    let ids: number[];
    try {
      const insert = prepared(this.db, INSERT_AUDIT);
      ids = this.db.transaction(() =>
        batch.map(({ entry: e }) =>
          Number(
            insert.run(e.at, e.actor, e.action, e.target, JSON.stringify(e.detail)).lastInsertRowid,
          ),
        ),
      )();
    } catch (err) {
      for (const p of batch) p.reject(err);
      return;
    }
    batch.forEach((p, i) => p.resolve({ id: ids[i], ...p.entry }));
  }

  async listAudit(query: {
    actor?: string;
    action?: string;
    target?: string;
    cursor?: string | null;
    limit?: number;
  }): Promise<Page<AuditEntry>> {
    this.flushAudit();
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
