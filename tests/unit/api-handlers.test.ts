import { searchKeys } from '../../server/views/search-kinds';
import { mapError } from '../../server/http/error-map';
import { parseInput } from '../../server/http/validate';
import {
  StoreError,
  NotFoundError,
  ConflictError,
  InvalidInputError,
  FraudRingsError,
} from '../../core/errors';
import { UnauthenticatedError, RateLimitedError } from '../../core/auth/auth-errors';
import { createCaseBody, updateCaseBody } from '../../server/schemas/case-schemas';
import { neighbourhoodQuery } from '../../server/schemas/account-schemas';

describe('search key detection', () => {
  it('normalises an email once and tries nothing else', () => {
    expect(searchKeys('  JANE.Roe+promo@GMAIL.com ')).toEqual([
      { kind: 'email', value: 'janeroe@gmail.com' },
    ]);
  });
  it('treats an IP as an IP only', () => {
    expect(searchKeys('10.0.0.7')).toEqual([{ kind: 'ip', value: '10.0.0.7' }]);
  });
  it('tries a phone-looking value as a phone, an account id, a device and a card', () => {
    const keys = searchKeys('(415) 555-0134');
    expect(keys.map((k) => k.kind)).toEqual(['phone', 'account', 'device', 'card']);
    expect(keys[0].value).toBe('+14155550134');
  });
  it('tries free text as an account id (as typed), device and card (lower-cased)', () => {
    expect(searchKeys('U-00042')).toEqual([
      { kind: 'account', value: 'U-00042' },
      { kind: 'device', value: 'u-00042' },
      { kind: 'card', value: 'u-00042' },
    ]);
  });
});

describe('error map', () => {
  it('maps typed errors to their statuses and keeps their codes', () => {
    expect(mapError(new InvalidInputError('INVALID_INPUT', 'm')).status).toBe(400);
    expect(mapError(new UnauthenticatedError()).status).toBe(401);
    expect(mapError(new NotFoundError('RING_NOT_FOUND', 'm')).body).toEqual({
      error: { code: 'RING_NOT_FOUND', message: 'm' },
    });
    expect(mapError(new ConflictError('CASE_ALREADY_DECIDED', 'm')).status).toBe(409);
    expect(mapError(new RateLimitedError(7)).headers).toEqual({ 'Retry-After': '7' });
    expect(mapError(new FraudRingsError('JOBS_UNAVAILABLE', 'm')).status).toBe(503);
  });
  it('never passes a database message to the client', () => {
    const store = mapError(
      new StoreError('fraud-rings: store failed', {
        cause: new Error('SQLITE_CORRUPT: table accounts page 7'),
      }),
    );
    expect(store.status).toBe(503);
    expect(JSON.stringify(store.body)).not.toMatch(/SQLITE|accounts/);
    const raw = mapError(
      Object.assign(new Error('UNIQUE constraint failed: app_users.name'), {
        code: 'SQLITE_CONSTRAINT_UNIQUE',
      }),
    );
    expect(raw).toMatchObject({
      status: 500,
      unexpected: true,
      body: { error: { code: 'INTERNAL', message: 'fraud-rings: internal error' } },
    });
  });
});

describe('request schemas', () => {
  it('refuse unknown fields and accept exactly one way to open a case', () => {
    expect(parseInput(createCaseBody, { ringId: 'r1' }, 'body')).toEqual({ ringId: 'r1' });
    expect(parseInput(createCaseBody, { accounts: ['a'], title: ' t ' }, 'body')).toEqual({
      accounts: ['a'],
      title: 't',
    });
    expect(() => parseInput(createCaseBody, { ringId: 'r1', accounts: ['a'] }, 'body')).toThrow(
      InvalidInputError,
    );
    expect(() => parseInput(updateCaseBody, {}, 'body')).toThrow(/nothing to change/);
    expect(() => parseInput(updateCaseBody, { status: 'closed' }, 'body')).toThrow(/body.status/);
  });
  it('coerce and bound query numbers, never echoing values', () => {
    expect(parseInput(neighbourhoodQuery, { depth: '2' }, 'query')).toEqual({
      depth: 2,
      limit: 200,
      hubCap: 50,
    });
    expect(() => parseInput(neighbourhoodQuery, { depth: '0' }, 'query')).toThrow(/query.depth/);
    let message = '';
    try {
      parseInput(neighbourhoodQuery, { depth: 'secret@mail.test' }, 'query');
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^fraud-rings: invalid request: query.depth/);
    expect(message).not.toContain('secret@mail.test');
  });
});
