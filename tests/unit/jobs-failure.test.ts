import { UnrecoverableError } from 'bullmq';
import { ConfigError, InvalidInputError, NotFoundError, StoreError } from '../../core/errors';
import { failureReason, shouldRetry, toProcessorError } from '../../jobs/job-failure';

describe('job failure policy', () => {
  it('fails bad input at once with a readable CODE: message reason', () => {
    const err = toProcessorError(
      new InvalidInputError(
        'REJECT_RATE',
        'fraud-rings: payments.csv: 40% of rows rejected\nmore detail',
      ),
    );
    expect(err).toBeInstanceOf(UnrecoverableError);
    expect(err.message).toBe('REJECT_RATE: fraud-rings: payments.csv: 40% of rows rejected');
    expect(toProcessorError(new NotFoundError('RING_NOT_FOUND', 'no ring'))).toBeInstanceOf(
      UnrecoverableError,
    );
    expect(toProcessorError(new ConfigError('bad config'))).toBeInstanceOf(UnrecoverableError);
    expect(toProcessorError(new StoreError('disk full'))).toBeInstanceOf(UnrecoverableError);
  });

  it('retries transient store errors and foreign errors such as a reset connection', () => {
    const transient = new StoreError('database is locked', { retriable: true });
    expect(shouldRetry(transient)).toBe(true);
    const out = toProcessorError(transient);
    expect(out).not.toBeInstanceOf(UnrecoverableError);
    expect(out.message).toBe('STORE_UNAVAILABLE: database is locked');
    const reset = Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' });
    expect(toProcessorError(reset)).toBe(reset);
    expect(shouldRetry(new UnrecoverableError('x'))).toBe(false);
  });

  it('reads the reason of anything thrown', () => {
    expect(failureReason('plain string')).toBe('plain string');
    expect(failureReason(new Error('first\nsecond'))).toBe('first');
  });
});
