import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkCypherDir, checkCypherText } from '../../scripts/check-cypher';
import { listCypherFiles, loadCypher } from '../../core/store/neo4j/cypher-loader';

describe('cypher check (Neo4j language support)', () => {
  it('finds no syntax or semantic problem in any file of cypher/', () => {
    const { files, problems } = checkCypherDir();
    expect(files).toBeGreaterThanOrEqual(40);
    expect(problems).toEqual([]);
  }, 180_000);

  it('every file loads through the adapter loader with a header of parameters and columns', () => {
    for (const name of listCypherFiles()) {
      const file = loadCypher(name);
      expect(file.statements.length).toBeGreaterThan(0);
      if (!name.startsWith('schema-')) expect(file.returns.length).toBeGreaterThan(0);
    }
  });

  describe('fails on a deliberately broken file', () => {
    let dir: string;
    beforeAll(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cypher-check-'));
    });
    afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('reports a syntax error with its line', () => {
      fs.writeFileSync(
        path.join(dir, 'broken-syntax.cypher'),
        '// broken-syntax: a misspelt keyword\n// @param userId: string\n// @returns userId\nMATCH (a:Account {userId: $userId})\nRETRN a.userId AS userId\n',
      );
      const { files, problems } = checkCypherDir(dir);
      expect(files).toBe(1);
      expect(
        problems.some((p) => p.severity === 'error' && p.line === 5 && /RETRN/.test(p.message)),
      ).toBe(true);
      fs.rmSync(path.join(dir, 'broken-syntax.cypher'));
    });

    it('reports a semantic error (undefined variable) and an unknown label or property', () => {
      const problems = checkCypherText(
        'broken-semantics.cypher',
        '// broken-semantics\n// @param userId: string\n// @returns n\nMATCH (a:Acount {userId: $userId})\nRETURN a.nmae AS n, b\n',
      );
      const messages = problems.map((p) => p.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/Variable `b` not defined/),
          expect.stringMatching(/Label Acount is not present/),
          expect.stringMatching(/nmae is not present/),
        ]),
      );
    });

    it('reports a parameter used but not declared in the header', () => {
      const problems = checkCypherText(
        'undeclared.cypher',
        '// undeclared\n// @returns userId\nMATCH (a:Account {userId: $userId})\nRETURN a.userId AS userId\n',
      );
      expect(problems).toHaveLength(1);
      expect(problems[0].message).toMatch(/\$userId is used but not declared/);
    });
  });
});
