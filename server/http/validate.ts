import type { z } from 'zod';
import { InvalidInputError } from '../../core/errors';

/**
 * Parses one part of a request with its schema. Failures become `INVALID_INPUT` (400) naming the
 * fields, never echoing their values (they may be personal data).
 */
export function parseInput<T>(
  schema: z.ZodType<T> | undefined,
  value: unknown,
  part: 'params' | 'query' | 'body',
): T {
  if (!schema) return {} as T;
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((i) => {
    const where = i.path.length ? `${part}.${i.path.join('.')}` : part;
    return i.code === 'unrecognized_keys'
      ? `${where}: unknown field(s) ${i.keys.join(', ')}`
      : `${where}: ${i.message}`;
  });
  throw new InvalidInputError(
    'INVALID_INPUT',
    `fraud-rings: invalid request: ${problems.join('; ')}`,
  );
}
