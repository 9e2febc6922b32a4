import { normalizeIdentifier } from '../identifiers/normalize';
import {
  PAYMENT_STATUSES,
  type IdentifierRef,
  type PaymentInput,
  type PaymentStatus,
} from '../types';
import { idProblem, optional, requiredTime } from './field-rules';
import { parseAmount } from './parse-amount';

export { PAYMENT_COLUMNS } from '../input-columns';

const STATUSES = new Map<string, PaymentStatus>(PAYMENT_STATUSES.map((s) => [s, s]));

function isCurrency(s: string): boolean {
  if (s.length !== 3) return false;
  for (let i = 0; i < 3; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return false;
  }
  return true;
}

/**
 * One payments row (values in `PAYMENT_COLUMNS` order) as a `PaymentInput`, or the reason it is
 * rejected: a missing or over-long id, an amount that is not a decimal > 0, a currency that is
 * not three letters (ISO 4217 shape; stored upper-case), a time that is not ISO 8601, or a status
 * outside `settled` (the default when empty), `chargeback`, `refunded`, `failed`. The card and
 * device become identifiers of the payer; a blank one is simply absent.
 */
export function validatePayment(v: Array<string | undefined>): PaymentInput | string {
  const paymentId = optional(v[0]);
  const payerId = optional(v[1]);
  const payeeId = optional(v[2]);
  const idError =
    idProblem(paymentId, 'payment_id') ??
    idProblem(payerId, 'payer_id') ??
    idProblem(payeeId, 'payee_id');
  if (idError !== null) return idError;
  const amountText = optional(v[3]);
  if (amountText === null) return 'missing amount';
  const amount = parseAmount(amountText);
  if (amount === null) return 'amount is not a decimal number';
  if (!(amount > 0)) return 'amount must be greater than 0';
  const currency = optional(v[4]);
  if (currency === null) return 'missing currency';
  if (!isCurrency(currency)) return 'currency is not a 3-letter ISO 4217 code';
  const createdAt = requiredTime(v[5], 'created_at');
  if (typeof createdAt === 'string') return createdAt;
  const statusText = optional(v[8]);
  let status: PaymentStatus = 'settled';
  if (statusText !== null) {
    const known = STATUSES.get(statusText) ?? STATUSES.get(statusText.toLowerCase());
    if (known === undefined) return 'unknown status';
    status = known;
  }
  const identifiers: IdentifierRef[] = [];
  const card = normalizeIdentifier('card', v[6]);
  if (card !== null) identifiers.push(card);
  const device = normalizeIdentifier('device', v[7]);
  if (device !== null) identifiers.push(device);
  return {
    paymentId: paymentId!,
    payerId: payerId!,
    payeeId: payeeId!,
    amount,
    currency: currency.toUpperCase(),
    createdAt,
    cardId: card === null ? null : card.raw,
    deviceId: device === null ? null : device.raw,
    status,
    identifiers,
  };
}
