import { InvalidInputError } from '../../../errors';

/** Rejects a non-integer or out-of-range graph query bound with `INVALID_GRAPH_QUERY`. */
export function requireIntIn(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidInputError(
      'INVALID_GRAPH_QUERY',
      `fraud-rings: ${name} must be an integer from ${min} to ${max}`,
      {
        [name]: value,
      },
    );
  }
}
