import { FraudRingsError } from '../errors';

/** No valid credentials (HTTP 401): no token, unknown token, expired or forged session. */
export class UnauthenticatedError extends FraudRingsError {
  constructor(message = 'fraud-rings: authentication required') {
    super('UNAUTHENTICATED', message);
  }
}

/** Authenticated, but not allowed (HTTP 403): an analyst on an admin route, a missing CSRF token. */
export class ForbiddenError extends FraudRingsError {
  constructor(code: 'FORBIDDEN' | 'CSRF_TOKEN_INVALID', message: string) {
    super(code, message);
  }
}

/** Too many login attempts (HTTP 429); `retryAfterSeconds` is sent as `Retry-After`. */
export class RateLimitedError extends FraudRingsError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_ATTEMPTS', 'fraud-rings: too many login attempts; try again later', {
      retriable: true,
    });
  }
}
