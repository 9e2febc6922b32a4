import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadCypher, parseCypher, statementOf } from '../../core/store/neo4j/cypher-loader';
import {
  hopBound,
  identifierKind,
  ringSortKey,
  renderSlots,
} from '../../core/store/neo4j/allow-list';

describe('cypher loader', () => {
  it('parses the header: parameters, returned columns and slots', () => {
    const file = loadCypher('list-rings');
    expect(file.params).toEqual([
      'runId',
      'flaggedOnly',
      'status',
      'minScore',
      'afterValue',
      'afterId',
      'limit',
    ]);
    expect(file.returns).toEqual(['ring']);
    expect(file.slots).toEqual(['ringSort']);
    expect(statementOf(file, { ringSort: 'size' })).toContain('ORDER BY r.size DESC, r.ringId ASC');
    expect(loadCypher('count-entities').returns).toEqual([
      'accounts',
      'stubAccounts',
      'devices',
      'sightings',
      'identifiers',
      'identifierLinks',
      'payments',
    ]);
  });

  it('splits a schema file into its statements', () => {
    const file = loadCypher('schema-constraints');
    expect(file.statements.length).toBeGreaterThan(10);
    expect(file.statements.every((s) => /^CREATE CONSTRAINT \w+ IF NOT EXISTS/.test(s))).toBe(true);
    expect(() => statementOf(file)).toThrow(/holds \d+ statements/);
  });

  it('refuses a missing file and a name that is not a file name', () => {
    expect(() => loadCypher('no-such-query')).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(/no-such-query.cypher is missing/),
      }),
    );
    expect(() => loadCypher('../package')).toThrow(
      expect.objectContaining({ code: 'CONFIG_INVALID' }),
    );
  });

  it('refuses a header that does not match the body', () => {
    expect(() => parseCypher('x', '// x\n// @param a: int\n// @returns n\nRETURN $b AS n')).toThrow(
      /\$b is used but not declared.*@param a is declared but not used/,
    );
    expect(() =>
      parseCypher('x', '// x\n// @returns n\nMATCH (r:Ring) RETURN r.{{ringSort}} AS n'),
    ).toThrow(/\{\{ringSort\}\} is used but not declared/);
    expect(() => parseCypher('x', '// x\n// @slot label\nRETURN 1 AS n')).toThrow(
      /unknown slot "label"/,
    );
    expect(() => parseCypher('x', '// only a header\n')).toThrow(/no statement/);
  });

  it('loads from another folder when asked, caching by path', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-loader-'));
    try {
      fs.writeFileSync(
        path.join(dir, 'one.cypher'),
        '// one\n// @param id: string\n// @returns id\nRETURN $id AS id\n',
      );
      expect(loadCypher('one', dir)).toMatchObject({
        name: 'one',
        params: ['id'],
        returns: ['id'],
        statements: ['RETURN $id AS id'],
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('allow-list', () => {
  it('fills slots only with listed values', () => {
    expect(renderSlots('ORDER BY r.{{ringSort}}', { ringSort: 'score' })).toBe('ORDER BY r.score');
    expect(() => renderSlots('ORDER BY r.{{ringSort}}', {})).toThrow(
      expect.objectContaining({ code: 'BAD_SLOT' }),
    );
    expect(() =>
      renderSlots('ORDER BY r.{{ringSort}}', {
        ringSort: 'score DESC; MATCH (n) DETACH DELETE n //' as 'score',
      }),
    ).toThrow(expect.objectContaining({ code: 'BAD_SLOT' }));
    expect(() => renderSlots('MATCH (n:{{label}})', {})).toThrow(
      expect.objectContaining({ code: 'BAD_SLOT' }),
    );
  });

  it('maps options onto the list or rejects them as bad input', () => {
    expect(ringSortKey(undefined)).toBe('score');
    expect(ringSortKey('size')).toBe('size');
    expect(() => ringSortKey('members')).toThrow(expect.objectContaining({ code: 'BAD_SORT' }));
    expect(hopBound(3)).toBe(3);
    for (const bad of [0, 4, 1.5, Number.NaN])
      expect(() => hopBound(bad)).toThrow(expect.objectContaining({ code: 'INVALID_GRAPH_QUERY' }));
    expect(identifierKind('card')).toBe('card');
    expect(() => identifierKind('Account')).toThrow(
      expect.objectContaining({ code: 'BAD_IDENTIFIER_KIND' }),
    );
  });
});
