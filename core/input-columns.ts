/**
 * The columns of the input files, in the order of `data-contract.md`. Ingest reads them (in any
 * order in a file) and the generator writes them; one definition keeps the two in step.
 */
export const ACCOUNT_COLUMNS = [
  'user_id',
  'created_at',
  'name',
  'email',
  'phone',
  'address',
  'country',
  'label',
] as const;

export const SIGHTING_COLUMNS = ['user_id', 'device_id', 'ip', 'seen_at'] as const;

export const PAYMENT_COLUMNS = [
  'payment_id',
  'payer_id',
  'payee_id',
  'amount',
  'currency',
  'created_at',
  'card_id',
  'device_id',
  'status',
] as const;
