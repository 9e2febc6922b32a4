import { FraudRingsError } from './fraud-rings-error';

/**
 * A database failed. The driver's own message stays in `cause` for logs and never reaches a client;
 * `retriable` is true for transient failures (lock timeouts, leader changes, lost connections).
 */
export class StoreError extends FraudRingsError {
  constructor(message: string, opts: { retriable?: boolean; cause?: unknown } = {}) {
    super('STORE_UNAVAILABLE', message, opts);
  }
}
