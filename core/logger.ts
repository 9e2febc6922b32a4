import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs on stderr. Keys that could carry personal data are redacted wherever they
 * appear, as a second line of defence: code should log ids and counts, never profile values.
 */
export function createLogger(level: string, bindings: Record<string, unknown> = {}): Logger {
  return pino(
    {
      level,
      base: { service: 'fraud-rings', ...bindings },
      redact: {
        paths: [
          'email',
          'phone',
          'address',
          'card',
          'cardId',
          'password',
          'token',
          '*.email',
          '*.phone',
          '*.address',
          '*.cardId',
          '*.password',
          '*.token',
          'req.headers.authorization',
          'req.headers.cookie',
        ],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}

export type { Logger };
