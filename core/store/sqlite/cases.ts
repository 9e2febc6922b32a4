import type { Db } from './database';
import type { CasePatch, CaseQuery, CaseStore } from '../port';
import type { CaseNote, CaseRecord, CaseStatus, Page } from '../../types';
import { ConflictError, InvalidInputError, NotFoundError } from '../../errors';

interface CaseRow {
  case_id: string;
  title: string;
  ring_id: string | null;
  run_id: string | null;
  accounts: string;
  status: CaseStatus;
  assignee: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: number | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

interface NoteRow {
  note_id: string;
  case_id: string;
  author: string;
  text: string;
  created_at: number;
}

const toCase = (r: CaseRow): CaseRecord => ({
  caseId: r.case_id,
  title: r.title,
  ringId: r.ring_id,
  runId: r.run_id,
  accounts: JSON.parse(r.accounts) as string[],
  status: r.status,
  assignee: r.assignee,
  decisionNote: r.decision_note,
  decidedBy: r.decided_by,
  decidedAt: r.decided_at,
  createdBy: r.created_by,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toNote = (r: NoteRow): CaseNote => ({
  noteId: r.note_id,
  caseId: r.case_id,
  author: r.author,
  text: r.text,
  createdAt: r.created_at,
});

/** Cursor of the case list (newest first): the last item's creation time and id, base64url. */
function encodeCursor(c: CaseRecord): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.caseId])).toString('base64url');
}

function decodeCursor(cursor: string): [number, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string')
      return [v[0], v[1]];
  } catch {
    // fall through to the typed error
  }
  throw new InvalidInputError(
    'INVALID_CURSOR',
    'fraud-rings: the cursor is not one this server issued',
  );
}

const PATCH_COLUMNS: Record<keyof CasePatch, string> = {
  status: 'status',
  assignee: 'assignee',
  decisionNote: 'decision_note',
  decidedBy: 'decided_by',
  decidedAt: 'decided_at',
};

/** Cases, notes, evidence packs and markers in the embedded store (migration 003). */
class CasesTable implements CaseStore {
  constructor(readonly db: Db) {}

  async createCase(record: CaseRecord): Promise<CaseRecord> {
    try {
      this.db
        .prepare(
          `INSERT INTO cases (case_id, title, ring_id, run_id, accounts, status, assignee, decision_note,
             decided_by, decided_at, created_by, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          record.caseId,
          record.title,
          record.ringId,
          record.runId,
          JSON.stringify(record.accounts),
          record.status,
          record.assignee,
          record.decisionNote,
          record.decidedBy,
          record.decidedAt,
          record.createdBy,
          record.createdAt,
          record.updatedAt,
        );
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT')) {
        throw new ConflictError('CASE_EXISTS', `fraud-rings: case ${record.caseId} already exists`);
      }
      throw err;
    }
    return (await this.getCase(record.caseId)) as CaseRecord;
  }

  async getCase(caseId: string): Promise<CaseRecord | null> {
    const row = this.db.prepare('SELECT * FROM cases WHERE case_id = ?').get(caseId) as
      CaseRow | undefined;
    return row ? toCase(row) : null;
  }

  async listCases(query: CaseQuery): Promise<Page<CaseRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? 50, 500));
    const where: string[] = [];
    const params: Array<string | number> = [];
    if (query.status !== undefined) {
      where.push('status = ?');
      params.push(query.status);
    }
    if (query.assignee !== undefined) {
      where.push('assignee = ?');
      params.push(query.assignee);
    }
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor);
      where.push('(created_at < ? OR (created_at = ? AND case_id < ?))');
      params.push(at, at, id);
    }
    const sql = `SELECT * FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
                 ORDER BY created_at DESC, case_id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, limit + 1) as CaseRow[];
    const items = rows.slice(0, limit).map(toCase);
    return {
      items,
      nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null,
    };
  }

  async updateCase(caseId: string, patch: CasePatch, at: number): Promise<CaseRecord> {
    const sets: string[] = ['updated_at = ?'];
    const params: Array<string | number | null> = [at];
    for (const key of Object.keys(PATCH_COLUMNS) as Array<keyof CasePatch>) {
      if (patch[key] === undefined) continue;
      sets.push(`${PATCH_COLUMNS[key]} = ?`);
      params.push(patch[key] ?? null);
    }
    const info = this.db
      .prepare(`UPDATE cases SET ${sets.join(', ')} WHERE case_id = ?`)
      .run(...params, caseId);
    if (info.changes === 0)
      throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${caseId}`);
    return (await this.getCase(caseId)) as CaseRecord;
  }

  async addNote(note: CaseNote): Promise<CaseNote> {
    if (!this.db.prepare('SELECT 1 FROM cases WHERE case_id = ?').get(note.caseId)) {
      throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${note.caseId}`);
    }
    this.db
      .prepare(
        'INSERT INTO case_notes (note_id, case_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)',
      )
      .run(note.noteId, note.caseId, note.author, note.text, note.createdAt);
    return note;
  }

  async listNotes(caseId: string): Promise<CaseNote[]> {
    const rows = this.db
      .prepare('SELECT * FROM case_notes WHERE case_id = ? ORDER BY created_at, note_id')
      .all(caseId) as NoteRow[];
    return rows.map(toNote);
  }

  async casesDecidedSince(since: number): Promise<CaseRecord[]> {
    const rows = this.db
      .prepare(
        'SELECT * FROM cases WHERE decided_at IS NOT NULL AND decided_at > ? ORDER BY decided_at, case_id',
      )
      .all(since) as CaseRow[];
    return rows.map(toCase);
  }

  async saveEvidencePack(
    caseId: string,
    pack: { hash: string; createdAt: number; body: unknown },
  ): Promise<void> {
    try {
      this.db
        .prepare('INSERT INTO evidence_packs (case_id, hash, created_at, body) VALUES (?, ?, ?, ?)')
        .run(caseId, pack.hash, pack.createdAt, JSON.stringify(pack.body));
    } catch (err) {
      const code = (err as { code?: string }).code ?? '';
      if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
        throw new ConflictError(
          'EVIDENCE_PACK_EXISTS',
          `fraud-rings: case ${caseId} already has this evidence pack`,
        );
      }
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
        throw new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${caseId}`);
      throw err;
    }
  }

  async getEvidencePack(
    caseId: string,
  ): Promise<{ hash: string; createdAt: number; body: unknown } | null> {
    const row = this.db
      .prepare(
        'SELECT hash, created_at, body FROM evidence_packs WHERE case_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
      )
      .get(caseId) as { hash: string; created_at: number; body: string } | undefined;
    return row
      ? { hash: row.hash, createdAt: row.created_at, body: JSON.parse(row.body) as unknown }
      : null;
  }

  async getMarker(name: string): Promise<string | null> {
    const row = this.db.prepare('SELECT value FROM markers WHERE name = ?').get(name) as
      { value: string } | undefined;
    return row ? row.value : null;
  }

  async setMarker(name: string, value: string): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO markers (name, value) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET value = excluded.value',
      )
      .run(name, value);
  }
}

/**
 * Exposed as a constructor of the port part (not of the class) so that spreading
 * `bindAll(new SqliteCases(db))` keeps the methods in its type: TypeScript drops class methods from spreads.
 */
export const SqliteCases: new (db: Db) => CaseStore = CasesTable;
export type SqliteCases = CaseStore;
