export { FraudRingsError } from './fraud-rings-error';
export { InvalidInputError } from './invalid-input-error';
export { NotFoundError } from './not-found-error';
export { ConfigError } from './config-error';
export { StoreError } from './store-error';
export { ConflictError } from './conflict-error';
