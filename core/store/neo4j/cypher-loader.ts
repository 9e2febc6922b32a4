/**
 * Loads the queries of `cypher/`: one file per operation, each opening with a header that lists
 * its parameters, returned columns and allow-listed slots:
 *
 *     // upsert-accounts: creates or updates accounts from users rows.
 *     // @param rows: list<map> the rows of one batch
 *     // @returns upserted: int
 *     // @slot ringSort
 *
 * A file may hold several statements separated by `;` (schema files); each runs on its own.
 * The loader refuses a missing file, a header that does not match the body (a `$param` used but
 * not declared, or declared but unused, a `{{slot}}` not declared), so a broken deployment fails
 * at start-up and in the Cypher check rather than halfway through a nightly load.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError } from '../../errors';
import { renderSlots, SLOT_VALUES, type SlotName, type SlotValues } from './allow-list';

export interface CypherFile {
  name: string;
  file: string;
  /** Parameter names declared by `@param`, in header order. */
  params: string[];
  /** Returned column names declared by `@returns`. */
  returns: string[];
  slots: SlotName[];
  /** The statements of the body (slots not yet filled). */
  statements: string[];
}

/** The folder holding the `.cypher` files, from the source tree or the compiled one. */
export function cypherDir(): string {
  const candidates = [
    path.join(__dirname, '..', '..', '..', 'cypher'),
    path.join(__dirname, '..', '..', '..', '..', 'cypher'),
  ];
  return candidates.find((d) => fs.existsSync(d)) ?? candidates[0];
}

const HEADER_LINE = /^\s*\/\/(.*)$/;
const PARAM_USE = /\$([A-Za-z_][A-Za-z0-9_]*)/g;
const SLOT_USE = /\{\{(\w+)\}\}/g;

/** Parses a file's text; `name` is used in messages. Throws `ConfigError` on a header/body mismatch. */
export function parseCypher(name: string, text: string, file = name): CypherFile {
  const lines = text.split(/\r?\n/);
  const params: string[] = [];
  const returns: string[] = [];
  const slots: SlotName[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const m = HEADER_LINE.exec(lines[i]);
    if (!m) break;
    const tag = /^\s*@(param|returns|slot)\s+(.*)$/.exec(m[1]);
    if (!tag) continue;
    if (tag[1] === 'param') params.push(tag[2].split(':')[0].trim());
    if (tag[1] === 'returns')
      returns.push(
        ...tag[2]
          .split(',')
          .map((c) => c.split(':')[0].trim())
          .filter(Boolean),
      );
    if (tag[1] === 'slot') {
      const slot = tag[2].trim();
      if (!(slot in SLOT_VALUES))
        throw new ConfigError(`fraud-rings: ${name}.cypher declares unknown slot "${slot}"`);
      slots.push(slot as SlotName);
    }
  }
  const body = lines.slice(i).join('\n');
  const statements = body
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/^\s*\/\/.*$/gm, '').trim().length > 0);
  if (statements.length === 0)
    throw new ConfigError(`fraud-rings: ${name}.cypher has no statement`);
  const used = new Set([...body.matchAll(PARAM_USE)].map((m) => m[1]));
  const undeclared = [...used].filter((p) => !params.includes(p));
  const unused = params.filter((p) => !used.has(p));
  const undeclaredSlots = [...body.matchAll(SLOT_USE)]
    .map((m) => m[1])
    .filter((s) => !slots.includes(s as SlotName));
  const problems = [
    ...undeclared.map((p) => `$${p} is used but not declared by @param`),
    ...unused.map((p) => `@param ${p} is declared but not used`),
    ...undeclaredSlots.map((s) => `{{${s}}} is used but not declared by @slot`),
  ];
  if (problems.length > 0)
    throw new ConfigError(`fraud-rings: ${name}.cypher: ${problems.join('; ')}`);
  return { name, file, params, returns, slots, statements };
}

const cache = new Map<string, CypherFile>();

/** Loads `cypher/<name>.cypher` (cached). Throws `ConfigError` when the file is missing or malformed. */
export function loadCypher(name: string, dir = cypherDir()): CypherFile {
  const file = path.join(dir, `${name}.cypher`);
  const hit = cache.get(file);
  if (hit) return hit;
  if (!/^[a-z0-9-]+$/.test(name) || !fs.existsSync(file)) {
    throw new ConfigError(
      `fraud-rings: query file cypher/${name}.cypher is missing from this installation`,
    );
  }
  const parsed = parseCypher(name, fs.readFileSync(file, 'utf8'), file);
  cache.set(file, parsed);
  return parsed;
}

/** Names of every `.cypher` file in `dir`. */
export function listCypherFiles(dir = cypherDir()): string[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cypher'))
    .map((f) => f.slice(0, -'.cypher'.length))
    .sort();
}

/** The single statement of a file with its slots filled from the allow-list. */
export function statementOf(query: CypherFile, slots: SlotValues = {}): string {
  if (query.statements.length !== 1) {
    throw new ConfigError(
      `fraud-rings: ${query.name}.cypher holds ${query.statements.length} statements where one is expected`,
    );
  }
  return renderSlots(query.statements[0], slots);
}
