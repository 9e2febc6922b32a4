// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { CaseStore } from '../port';

export class SqliteCases {
  constructor(readonly db: Db) {}
}
export interface SqliteCases extends CaseStore {}
