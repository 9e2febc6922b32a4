/**
 * Turns driver failures into the project's typed errors. The driver's message (which may quote
 * the query or the data) stays in `cause` for logs; the message a client may see is ours.
 */
import { Neo4jError } from 'neo4j-driver';
import { ConfigError, FraudRingsError, StoreError } from '../../errors';

const CONSTRAINT_FAILED = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** Maps any error thrown while talking to Neo4j; project errors pass through unchanged. */
export function toProjectError(err: unknown, operation: string): FraudRingsError {
  if (err instanceof FraudRingsError) return err;
  if (err instanceof Neo4jError) {
    if (
      err.code === 'Neo.ClientError.Security.Unauthorized' ||
      err.code === 'Neo.ClientError.Security.AuthenticationRateLimit'
    ) {
      return new ConfigError(
        'fraud-rings: Neo4j refused the credentials (check NEO4J_USER and NEO4J_PASSWORD)',
      );
    }
    if (err.code === 'Neo.ClientError.Database.DatabaseNotFound') {
      return new ConfigError(
        'fraud-rings: the Neo4j database named by NEO4J_DATABASE does not exist',
      );
    }
    if (err.code === 'ServiceUnavailable' || err.code === 'SessionExpired') {
      return new StoreError(
        `fraud-rings: cannot reach Neo4j during ${operation} (check NEO4J_URI and that the server is up)`,
        {
          retriable: true,
          cause: err,
        },
      );
    }
    return new StoreError(`fraud-rings: the graph store failed during ${operation}`, {
      retriable: Neo4jError.isRetryable(err),
      cause: err,
    });
  }
  return new StoreError(`fraud-rings: the graph store failed during ${operation}`, { cause: err });
}

/** True when a mapped error was a uniqueness-constraint violation (a duplicate id or name). */
export function isConstraintViolation(err: unknown): boolean {
  const cause = err instanceof StoreError ? err.cause : err;
  return cause instanceof Neo4jError && cause.code === CONSTRAINT_FAILED;
}
