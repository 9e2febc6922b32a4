import { FraudRingsError, InvalidInputError, ConfigError, NotFoundError } from '../core/errors';

/** Exit status of the data contract: 0 success, 2 bad input or arguments, 1 anything else. */
export function exitCodeFor(err: unknown): number {
  if (
    err instanceof InvalidInputError ||
    err instanceof ConfigError ||
    err instanceof NotFoundError
  )
    return 2;
  if (err instanceof FraudRingsError && err.code === 'USAGE') return 2;
  return 1;
}
