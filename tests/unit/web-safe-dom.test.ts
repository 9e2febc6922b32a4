/**
 * The UI is safe by construction: no source file in web/src turns a string into markup or code.
 * Text goes in through text nodes and attributes through setAttribute (web/src/dom.ts).
 */
import fs from 'node:fs';
import path from 'node:path';

const SRC = path.resolve(__dirname, '..', '..', 'web', 'src');
const INDEX = path.resolve(__dirname, '..', '..', 'web', 'index.html');

const BANNED: Array<[RegExp, string]> = [
  [/\.innerHTML\b/, 'innerHTML'],
  [/\.outerHTML\b/, 'outerHTML'],
  [/insertAdjacentHTML/, 'insertAdjacentHTML'],
  [/document\.write/, 'document.write'],
  [/createContextualFragment/, 'createContextualFragment'],
  [/DOMParser/, 'DOMParser'],
  [/\beval\s*\(/, 'eval'],
  [/new\s+Function\s*\(/, 'new Function'],
  [/setAttribute\(\s*['"](on\w+|style)['"]/, 'setAttribute of an event handler or style'],
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : /\.(ts|js)$/.test(entry.name) ? [full] : [];
  });
}

test('web/src has source files to check', () => {
  expect(sourceFiles(SRC).length).toBeGreaterThan(20);
});

test.each(BANNED)('no web/src file uses %s', (pattern) => {
  const offenders = sourceFiles(SRC).filter((file) => pattern.test(fs.readFileSync(file, 'utf8')));
  expect(offenders.map((f) => path.relative(SRC, f))).toEqual([]);
});

test('index.html has no inline script, inline style or inline event handler', () => {
  const html = fs.readFileSync(INDEX, 'utf8').replace(/<!--[\s\S]*?-->/g, '');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/\sstyle=/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
});
