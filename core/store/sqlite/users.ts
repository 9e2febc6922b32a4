// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { UserStore } from '../port';

export class SqliteUsers {
  constructor(readonly db: Db) {}
}
export interface SqliteUsers extends UserStore {}
