/**
 * The Cypher check: every file in `cypher/` is read by the project's own loader (header matches
 * body) and then parsed and semantically analysed by Neo4j's language support
 * (`@neo4j-cypher/language-support`, the parser and analysis of Neo4j's own tools), against the
 * graph model of `core/store/neo4j/graph-model.ts` and the built-in functions and procedures
 * (including Graph Data Science) it ships. Files with `{{slot}}` placeholders are checked once
 * per allow-listed value. Any diagnostic fails the check: syntax and semantic errors, and
 * warnings such as an unknown label, relationship type or property key (a typo in production
 * matches nothing, silently) or a deprecated construct.
 *
 * No Neo4j server runs on the development machines, so this check and the contract suite are
 * what hold the Neo4j adapter true. Run it with `npx tsx scripts/check-cypher.ts [dir]`; the
 * test run does so through `tests/unit/cypher-check.test.ts`.
 */
import fs from 'node:fs';
import path from 'node:path';
// The package's CommonJS build (Jest cannot load its ESM build).
import { lintCypherQuery, testData, type DbSchema } from '@neo4j-cypher/language-support';
import { cypherDir, parseCypher, type CypherFile } from '../core/store/neo4j/cypher-loader';
import { renderSlots, SLOT_VALUES, type SlotValues } from '../core/store/neo4j/allow-list';
import {
  GRAPH_SCHEMA,
  NODE_LABELS,
  PROPERTY_KEYS,
  RELATIONSHIP_TYPES,
} from '../core/store/neo4j/graph-model';

export interface CypherProblem {
  file: string;
  /** 1-based line in the file, when the analyser gave a position. */
  line: number | null;
  severity: 'error' | 'warning';
  message: string;
}

/** The Neo4j major our queries target; Neo4j 5 runs the Cypher 5 language. */
const CYPHER_VERSION = 'CYPHER 5';

function schemaFor(file: CypherFile): DbSchema {
  const mock = testData.mockSchema as DbSchema;
  return {
    labels: [...NODE_LABELS],
    relationshipTypes: [...RELATIONSHIP_TYPES],
    propertyKeys: [...PROPERTY_KEYS],
    graphSchema: [...GRAPH_SCHEMA],
    functions: mock.functions,
    procedures: mock.procedures,
    parameters: Object.fromEntries(file.params.map((p) => [p, null])),
    defaultLanguage: CYPHER_VERSION,
  };
}

/** Every combination of allow-listed slot values a file can be rendered with. */
function slotCombinations(file: CypherFile): SlotValues[] {
  let combos: SlotValues[] = [{}];
  for (const slot of file.slots) {
    combos = combos.flatMap((c) => SLOT_VALUES[slot].map((v) => ({ ...c, [slot]: v })));
  }
  return combos;
}

/** Checks one file's text; returns its problems (empty when clean). */
export function checkCypherText(name: string, text: string): CypherProblem[] {
  let parsed: CypherFile;
  try {
    parsed = parseCypher(name, text);
  } catch (err) {
    return [{ file: name, line: null, severity: 'error', message: (err as Error).message }];
  }
  const schema = schemaFor(parsed);
  const problems: CypherProblem[] = [];
  for (const statement of parsed.statements) {
    const firstLine = text.slice(0, text.indexOf(statement)).split('\n').length;
    for (const slots of slotCombinations(parsed)) {
      const rendered = renderSlots(statement, slots);
      const { diagnostics } = lintCypherQuery(rendered, schema, { consoleCommandsEnabled: false });
      for (const d of diagnostics) {
        const where = Object.keys(slots).length > 0 ? ` (with ${JSON.stringify(slots)})` : '';
        problems.push({
          file: name,
          line: firstLine + d.range.start.line,
          severity: d.severity === 1 ? 'error' : 'warning',
          message: d.message + where,
        });
      }
    }
  }
  return problems;
}

/** Checks every `.cypher` file of `dir` (default: the project's `cypher/`). */
export function checkCypherDir(dir = cypherDir()): { files: number; problems: CypherProblem[] } {
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .sort();
  const problems = names.flatMap((f) =>
    checkCypherText(f, fs.readFileSync(path.join(dir, f), 'utf8')),
  );
  return { files: names.length, problems };
}

if (require.main === module) {
  const { files, problems } = checkCypherDir(process.argv[2] ?? cypherDir());
  for (const p of problems)
    console.error(`${p.file}:${p.line ?? '?'}: ${p.severity}: ${p.message}`);
  console.error(`check-cypher: ${files} files, ${problems.length} problems`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
