import type { LoadWriter } from '../store/port';
import type { AccountInput, PaymentInput, SightingInput } from '../types';
import type { Entity } from './ingest-report';
import { ACCOUNT_COLUMNS, validateAccount } from './validate-account';
import { PAYMENT_COLUMNS, validatePayment } from './validate-payment';
import { SIGHTING_COLUMNS, validateSighting } from './validate-sighting';

/** How one kind of input file is read: its columns, which are required, its row rule and its write. */
export interface EntitySpec<T> {
  columns: readonly string[];
  required: readonly string[];
  validate(values: Array<string | undefined>): T | string;
  write(writer: LoadWriter, rows: T[]): Promise<void>;
}

const users: EntitySpec<AccountInput> = {
  columns: ACCOUNT_COLUMNS,
  required: ['user_id', 'created_at'],
  validate: validateAccount,
  write: (w, rows) => w.upsertAccounts(rows),
};

const devices: EntitySpec<SightingInput> = {
  columns: SIGHTING_COLUMNS,
  required: ['user_id', 'device_id', 'seen_at'],
  validate: validateSighting,
  write: (w, rows) => w.upsertSightings(rows),
};

const payments: EntitySpec<PaymentInput> = {
  columns: PAYMENT_COLUMNS,
  required: ['payment_id', 'payer_id', 'payee_id', 'amount', 'currency', 'created_at'],
  validate: validatePayment,
  write: (w, rows) => w.upsertPayments(rows),
};

export const ENTITY_SPECS: {
  [E in Entity]: EntitySpec<AccountInput | SightingInput | PaymentInput>;
} = {
  users: users as EntitySpec<AccountInput | SightingInput | PaymentInput>,
  devices: devices as EntitySpec<AccountInput | SightingInput | PaymentInput>,
  payments: payments as EntitySpec<AccountInput | SightingInput | PaymentInput>,
};
