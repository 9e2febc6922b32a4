/**
 * The UI compiles against the API's response types (server/api-types.ts) under strict settings.
 * Vite strips types without checking them, so this is where a changed API type breaks the build.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');

test('web/ type-checks against server/api-types.ts', () => {
  const result = spawnSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '-p',
      'web/tsconfig.json',
      '--noEmit',
    ],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  expect(result.stdout + result.stderr).toBe('');
  expect(result.status).toBe(0);
}, 120_000);
