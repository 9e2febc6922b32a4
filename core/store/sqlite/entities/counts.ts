import type { EntityCounts } from '../../../types';
import type { Db } from '../database';
import { KIND_CODE } from './codes';
import { prepared } from './prepare';

const COUNTS = `SELECT
  (SELECT count(*) FROM accounts) AS accounts,
  (SELECT count(*) FROM accounts WHERE stub = 1) AS stubAccounts,
  (SELECT count(*) FROM identifiers WHERE kind = ${KIND_CODE.device}) AS devices,
  (SELECT count(*) FROM sightings) AS sightings,
  (SELECT count(*) FROM identifiers) AS identifiers,
  (SELECT count(*) FROM account_identifiers) AS identifierLinks,
  (SELECT count(*) FROM payments) AS payments`;

/**
 * Entity counts. `devices` counts distinct normalised device fingerprints (from sightings and
 * payments); `identifiers` counts distinct normalised identifiers of every kind.
 */
export function counts(db: Db): EntityCounts {
  return prepared(db, COUNTS).get() as EntityCounts;
}
