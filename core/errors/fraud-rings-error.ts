/**
 * Base of every error the project raises on purpose. `code` is stable (clients and tests rely on
 * it); `message` is safe to show a user; `retriable` tells job runners whether to try again.
 * HTTP status and CLI exit code are derived from `code` in one place each
 * (`server/http/error-map.ts`, `cli/exit-code.ts`).
 */
export class FraudRingsError extends Error {
  readonly code: string;
  readonly retriable: boolean;
  readonly details?: Record<string, unknown>;

  constructor(
    code: string,
    message: string,
    opts: { retriable?: boolean; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = opts.retriable ?? false;
    this.details = opts.details;
  }
}
