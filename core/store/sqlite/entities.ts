// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { EntityStore } from '../port';

export class SqliteEntities {
  constructor(readonly db: Db) {}
}
export interface SqliteEntities extends EntityStore {}
