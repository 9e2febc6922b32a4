import { FraudRingsError } from './fraud-rings-error';

/** The request is valid but clashes with current state, e.g. `USER_EXISTS`, `CASE_ALREADY_DECIDED`. */
export class ConflictError extends FraudRingsError {
  constructor(code: string, message: string) {
    super(code, message);
  }
}
