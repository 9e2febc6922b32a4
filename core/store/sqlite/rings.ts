// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { RingStore } from '../port';

export class SqliteRings {
  constructor(readonly db: Db) {}
}
export interface SqliteRings extends RingStore {}
