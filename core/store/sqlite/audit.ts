// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { AuditStore } from '../port';

export class SqliteAudit {
  constructor(readonly db: Db) {}
}
export interface SqliteAudit extends AuditStore {}
