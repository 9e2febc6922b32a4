import neo4j, { Neo4jError } from 'neo4j-driver';
import {
  fromDriver,
  money,
  numOrNull,
  strOrNull,
  toDriver,
} from '../../core/store/neo4j/neo4j-values';
import { isConstraintViolation, toProjectError } from '../../core/store/neo4j/neo4j-errors';
import { ConfigError, NotFoundError, StoreError } from '../../core/errors';
import { loadConfig } from '../../core/config';
import { openNeo4jStore } from '../../core/store/neo4j/neo4j-store';

describe('neo4j value mapping', () => {
  it('sends whole numbers as Neo4j integers and keeps other values', () => {
    const out = toDriver({
      limit: 10,
      amount: 12.5,
      ids: ['a'],
      nested: [{ at: 1_767_225_600_000 }],
      gone: undefined,
      none: null,
    }) as Record<string, unknown>;
    expect(neo4j.isInt(out.limit)).toBe(true);
    expect((out.limit as { toNumber(): number }).toNumber()).toBe(10);
    expect(out.amount).toBe(12.5);
    expect(out.ids).toEqual(['a']);
    const at = (out.nested as Array<Record<string, unknown>>)[0].at;
    expect(neo4j.isInt(at) && (at as { toNumber(): number }).toNumber()).toBe(1_767_225_600_000);
    expect(out.gone).toBeNull();
    expect(out.none).toBeNull();
  });

  it('reads Neo4j integers as numbers and temporal values as epoch milliseconds', () => {
    const dt = new neo4j.types.DateTime(2026, 3, 1, 10, 0, 0, 0, 0);
    expect(
      fromDriver({
        key: neo4j.int(42),
        at: dt,
        list: [neo4j.int(1), 'x'],
        m: { n: neo4j.int(-3) },
      }),
    ).toEqual({
      key: 42,
      at: Date.UTC(2026, 2, 1, 10, 0, 0),
      list: [1, 'x'],
      m: { n: -3 },
    });
  });

  it('reads an absent property (Neo4j stores no nulls) as null, and rounds money to 6 decimals', () => {
    const row = fromDriver({ name: 'x' }) as Record<string, null | string>;
    expect(strOrNull(row.assignee)).toBeNull();
    expect(numOrNull(row.decidedAt)).toBeNull();
    expect(strOrNull(row.name)).toBe('x');
    expect(money(0.1 + 0.2)).toBe(0.3);
  });
});

describe('neo4j error mapping', () => {
  it('turns a transient driver error into a retriable StoreError without the driver message', () => {
    const err = toProjectError(
      new Neo4jError(
        'leader switched: SECRET detail',
        'Neo.TransientError.General.DatabaseUnavailable',
        '50N00',
        'unavailable',
      ),
      'load',
    );
    expect(err).toBeInstanceOf(StoreError);
    expect(err).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: true });
    expect(err.message).not.toMatch(/SECRET/);
    expect((err.cause as Error).message).toMatch(/SECRET/);
  });

  it('maps a client error to a non-retriable StoreError and bad credentials to ConfigError', () => {
    const syntax = toProjectError(
      new Neo4jError('bad', 'Neo.ClientError.Statement.SyntaxError', '42001', 'syntax'),
      'search',
    );
    expect(syntax).toMatchObject({ code: 'STORE_UNAVAILABLE', retriable: false });
    const auth = toProjectError(
      new Neo4jError('no', 'Neo.ClientError.Security.Unauthorized', '42NFF', 'auth'),
      'connect',
    );
    expect(auth).toBeInstanceOf(ConfigError);
    expect(auth.message).toMatch(/NEO4J_USER and NEO4J_PASSWORD/);
  });

  it('passes project errors through and recognises constraint violations', () => {
    const own = new NotFoundError('CASE_NOT_FOUND', 'no case');
    expect(toProjectError(own, 'x')).toBe(own);
    const violation = toProjectError(
      new Neo4jError('exists', 'Neo.ClientError.Schema.ConstraintValidationFailed', '22N41', 'dup'),
      'create',
    );
    expect(isConstraintViolation(violation)).toBe(true);
    expect(isConstraintViolation(new StoreError('x'))).toBe(false);
  });

  it('fails to open an unreachable Neo4j with a retriable StoreError', async () => {
    const config = loadConfig(
      { store: 'neo4j' },
      { NEO4J_URI: 'bolt://127.0.0.1:9', NEO4J_PASSWORD: 'x' },
    );
    await expect(openNeo4jStore(config)).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      retriable: true,
      message: expect.stringMatching(/cannot reach Neo4j/),
    });
  });
});
