import { FraudRingsError } from './fraud-rings-error';

/** Configuration (environment or flags) is missing or invalid; raised at start-up, before any work. */
export class ConfigError extends FraudRingsError {
  constructor(message: string) {
    super('CONFIG_INVALID', message);
  }
}
