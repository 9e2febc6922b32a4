import {
  ConflictError,
  FraudRingsError,
  InvalidInputError,
  NotFoundError,
  StoreError,
} from '../../core/errors';
import {
  ForbiddenError,
  RateLimitedError,
  UnauthenticatedError,
} from '../../core/auth/auth-errors';

export interface MappedError {
  status: number;
  body: { error: { code: string; message: string } };
  headers: Record<string, string>;
  /** True for failures the server did not expect (logged at error level with the cause). */
  unexpected: boolean;
}

/** Errors the HTTP body parser raises, by its `type`. */
const PARSER_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  'entity.too.large': {
    status: 413,
    code: 'PAYLOAD_TOO_LARGE',
    message: 'fraud-rings: request body above 1 MB',
  },
  'entity.parse.failed': {
    status: 400,
    code: 'MALFORMED_JSON',
    message: 'fraud-rings: request body is not valid JSON',
  },
  'encoding.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'fraud-rings: unsupported body encoding',
  },
  'charset.unsupported': {
    status: 415,
    code: 'UNSUPPORTED_ENCODING',
    message: 'fraud-rings: unsupported body charset',
  },
};

/** Statuses of untyped `FraudRingsError`s whose code says more than "internal error". */
const CODE_STATUS: Record<string, number> = { JOBS_UNAVAILABLE: 503 };

function reply(
  status: number,
  code: string,
  message: string,
  unexpected = false,
  headers: Record<string, string> = {},
): MappedError {
  return { status, body: { error: { code, message } }, headers, unexpected };
}

/**
 * The one place where errors become HTTP replies `{"error": {"code", "message"}}`. Typed errors
 * keep their stable code and their (user-safe) message; a store failure says only that the store
 * is unavailable; anything else is a 500 whose message says nothing of the cause, which is
 * logged instead, so a database error never reaches a client as its raw text.
 */
export function mapError(err: unknown): MappedError {
  if (err instanceof UnauthenticatedError)
    return reply(401, err.code, err.message, false, { 'WWW-Authenticate': 'Bearer' });
  if (err instanceof ForbiddenError) return reply(403, err.code, err.message);
  if (err instanceof RateLimitedError)
    return reply(429, err.code, err.message, false, {
      'Retry-After': String(err.retryAfterSeconds),
    });
  if (err instanceof InvalidInputError) return reply(400, err.code, err.message);
  if (err instanceof NotFoundError) return reply(404, err.code, err.message);
  if (err instanceof ConflictError) return reply(409, err.code, err.message);
  if (err instanceof StoreError) {
    return reply(
      503,
      err.code,
      'fraud-rings: the store is unavailable; try again',
      true,
      err.retriable ? { 'Retry-After': '5' } : {},
    );
  }
  if (err instanceof FraudRingsError) {
    const status = CODE_STATUS[err.code] ?? 500;
    return reply(status, err.code, err.message, status >= 500);
  }
  const parserType = (err as { type?: unknown } | null)?.type;
  if (typeof parserType === 'string' && PARSER_ERRORS[parserType]) {
    const p = PARSER_ERRORS[parserType];
    return reply(p.status, p.code, p.message);
  }
  return reply(500, 'INTERNAL', 'fraud-rings: internal error', true);
}
