import {
  ConfigError,
  ConflictError,
  FraudRingsError,
  InvalidInputError,
  NotFoundError,
} from '../core/errors';

/**
 * Exit status of the data contract: 0 success, 2 bad input or arguments (including a name that is
 * taken or an id that does not exist), 1 anything else.
 */
export function exitCodeFor(err: unknown): number {
  if (
    err instanceof InvalidInputError ||
    err instanceof ConfigError ||
    err instanceof NotFoundError ||
    err instanceof ConflictError
  ) {
    return 2;
  }
  if (err instanceof FraudRingsError && err.code === 'USAGE') return 2;
  return 1;
}
