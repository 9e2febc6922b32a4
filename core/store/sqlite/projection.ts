// PLACEHOLDER: replaced by the owner of this part of the port. Not a stub to ship.
import type { Db } from './database';
import type { ProjectionSource } from '../port';

export class SqliteProjection {
  constructor(readonly db: Db) {}
}
export interface SqliteProjection extends ProjectionSource {}
