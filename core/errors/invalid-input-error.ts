import { FraudRingsError } from './fraud-rings-error';

/** Bad input from a user: a bad flag, a malformed request, a file that cannot be loaded. Never retried. */
export class InvalidInputError extends FraudRingsError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, { details });
  }
}
