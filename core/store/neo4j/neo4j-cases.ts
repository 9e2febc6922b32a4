/**
 * The CaseStore part of the Neo4j adapter: cases, their notes, frozen evidence packs (every pack
 * kept, the newest is current) and named markers. Semantics mirror the SQLite adapter: a
 * duplicate case id is CASE_EXISTS, a repeated (case, hash) pack EVIDENCE_PACK_EXISTS, writes to
 * a missing case CASE_NOT_FOUND; lists are newest first with keyset cursors.
 */
import type { CasePatch, CaseQuery } from '../port';
import type { CaseNote, CaseRecord, CaseStatus, Page } from '../../types';
import { ConflictError, NotFoundError } from '../../errors';
import type { CypherRunner } from './cypher-runner';
import { isConstraintViolation } from './neo4j-errors';
import { decodeCursor, encodeCursor } from './page-cursor';
import { num, numOrNull, str, strList, strOrNull, type Row } from './neo4j-values';

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 500;
const PATCH_KEYS: Array<keyof CasePatch> = [
  'status',
  'assignee',
  'decisionNote',
  'decidedBy',
  'decidedAt',
];

const toCase = (r: Row): CaseRecord => ({
  caseId: str(r.caseId),
  title: str(r.title),
  ringId: strOrNull(r.ringId),
  runId: strOrNull(r.runId),
  accounts: strList(r.accounts),
  status: str(r.status) as CaseStatus,
  assignee: strOrNull(r.assignee),
  decisionNote: strOrNull(r.decisionNote),
  decidedBy: strOrNull(r.decidedBy),
  decidedAt: numOrNull(r.decidedAt),
  createdBy: str(r.createdBy),
  createdAt: num(r.createdAt),
  updatedAt: num(r.updatedAt),
});

const toNote = (r: Row): CaseNote => ({
  noteId: str(r.noteId),
  caseId: str(r.caseId),
  author: str(r.author),
  text: str(r.text),
  createdAt: num(r.createdAt),
});

const notFound = (caseId: string) =>
  new NotFoundError('CASE_NOT_FOUND', `fraud-rings: no case ${caseId}`);

export class Neo4jCases {
  constructor(readonly runner: CypherRunner) {}

  async createCase(record: CaseRecord): Promise<CaseRecord> {
    try {
      const [row] = await this.runner.write('create-case', { record });
      return toCase(row.record as Row);
    } catch (err) {
      if (isConstraintViolation(err))
        throw new ConflictError('CASE_EXISTS', `fraud-rings: case ${record.caseId} already exists`);
      throw err;
    }
  }

  async getCase(caseId: string): Promise<CaseRecord | null> {
    const [row] = await this.runner.read('get-case', { caseId });
    return row ? toCase(row.record as Row) : null;
  }

  async listCases(query: CaseQuery): Promise<Page<CaseRecord>> {
    const limit = Math.max(1, Math.min(query.limit ?? DEFAULT_LIMIT, MAX_LIMIT));
    const [afterCreatedAt, afterId] = query.cursor
      ? decodeCursor(query.cursor, ['number', 'string'], 'INVALID_CURSOR')
      : [null, null];
    const rows = await this.runner.read('list-cases', {
      assignee: query.assignee ?? null,
      status: query.status ?? null,
      afterCreatedAt,
      afterId,
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map((r) => toCase(r.record as Row));
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: rows.length > limit && last ? encodeCursor([last.createdAt, last.caseId]) : null,
    };
  }

  async updateCase(caseId: string, patch: CasePatch, at: number): Promise<CaseRecord> {
    const present: Record<string, unknown> = {};
    for (const key of PATCH_KEYS) if (patch[key] !== undefined) present[key] = patch[key];
    const [row] = await this.runner.write('update-case', { caseId, patch: present, at });
    if (!row) throw notFound(caseId);
    return toCase(row.record as Row);
  }

  async addNote(note: CaseNote): Promise<CaseNote> {
    const [row] = await this.runner.write('add-case-note', { note });
    if (!row) throw notFound(note.caseId);
    return toNote(row.note as Row);
  }

  async listNotes(caseId: string): Promise<CaseNote[]> {
    return (await this.runner.read('list-case-notes', { caseId })).map((r) =>
      toNote(r.note as Row),
    );
  }

  async casesDecidedSince(since: number): Promise<CaseRecord[]> {
    return (await this.runner.read('cases-decided-since', { since })).map((r) =>
      toCase(r.record as Row),
    );
  }

  async saveEvidencePack(
    caseId: string,
    pack: { hash: string; createdAt: number; body: unknown },
  ): Promise<void> {
    let rows: Row[];
    try {
      rows = await this.runner.write('save-evidence-pack', {
        caseId,
        hash: pack.hash,
        createdAt: pack.createdAt,
        body: JSON.stringify(pack.body),
      });
    } catch (err) {
      if (isConstraintViolation(err)) {
        throw new ConflictError(
          'EVIDENCE_PACK_EXISTS',
          `fraud-rings: case ${caseId} already has this evidence pack`,
        );
      }
      throw err;
    }
    if (rows.length === 0) throw notFound(caseId);
  }

  async getEvidencePack(
    caseId: string,
  ): Promise<{ hash: string; createdAt: number; body: unknown } | null> {
    const [row] = await this.runner.read('get-evidence-pack', { caseId });
    return row
      ? {
          hash: str(row.hash),
          createdAt: num(row.createdAt),
          body: JSON.parse(str(row.body)) as unknown,
        }
      : null;
  }

  async getMarker(name: string): Promise<string | null> {
    const [row] = await this.runner.read('get-marker', { name });
    return row ? strOrNull(row.value) : null;
  }

  async setMarker(name: string, value: string): Promise<void> {
    await this.runner.write('set-marker', { name, value });
  }
}
