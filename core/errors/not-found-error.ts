import { FraudRingsError } from './fraud-rings-error';

/** A named entity does not exist, e.g. `RING_NOT_FOUND`, `ACCOUNT_NOT_FOUND`, `CASE_NOT_FOUND`. */
export class NotFoundError extends FraudRingsError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}
