/**
 * docker-compose.yml must pass `docker-compose config` (Debian's `docker-compose` package; no
 * Docker engine needed) and wire the services the way core/config.ts reads them. Fails, never
 * skips, when the binary is missing: `.ci/run` installs it.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../core/config';

const root = path.resolve(__dirname, '..', '..');
const composeFile = path.join(root, 'docker-compose.yml');
// An empty env file, so a developer's .env cannot change what the test sees.
const envDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compose-env-'));
const envFile = path.join(envDir, 'empty.env');
fs.writeFileSync(envFile, '');
afterAll(() => fs.rmSync(envDir, { recursive: true, force: true }));

function compose(
  args: string[],
  env: Record<string, string>,
): { status: number | null; stdout: string; stderr: string; error?: Error } {
  const r = spawnSync(
    'docker-compose',
    ['-f', composeFile, '--project-directory', root, '--env-file', envFile, ...args],
    {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', ...env },
    },
  );
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', error: r.error };
}

/** The `environment` map of one service in `docker-compose config` output (block style, one `KEY: value` per line). */
function serviceEnv(config: string, service: string): Record<string, string> {
  const block =
    new RegExp(`^  ${service}:\\n([\\s\\S]*?)(?=^  \\S|^\\S)`, 'm').exec(config)?.[1] ?? '';
  const env = /^ {4}environment:\n((?: {6}.*\n)*)/m.exec(block)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const line of env.split('\n').filter(Boolean)) {
    const m = /^ {6}([A-Za-z0-9_]+): ?(.*)$/.exec(line);
    if (m) out[m[1]] = m[2].replace(/^'(.*)'$/, '$1').replace(/^"(.*)"$/, '$1');
  }
  return out;
}

const PASSWORD = { NEO4J_PASSWORD: 'compose-test-password' };

describe('docker-compose.yml', () => {
  it('has the docker-compose binary (apt-get install -y docker-compose)', () => {
    const r = compose(['version'], PASSWORD);
    expect(r.error).toBeUndefined();
    expect(r.status).toBe(0);
  });

  it('passes docker-compose config with neo4j, redis, server and worker', () => {
    const r = compose(['config', '--services'], PASSWORD);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n').sort()).toEqual(['neo4j', 'redis', 'server', 'worker']);
    expect(compose(['config', '--volumes'], PASSWORD).stdout.trim().split('\n').sort()).toEqual([
      'app-data',
      'neo4j-data',
      'neo4j-logs',
      'redis-data',
    ]);
  });

  it('configures Neo4j 5 with auth from the environment, GDS and a health check, and Redis for durable queues', () => {
    const r = compose(['config'], PASSWORD);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/image: neo4j:5[.\d]*-community/);
    expect(serviceEnv(r.stdout, 'neo4j')).toMatchObject({
      NEO4J_AUTH: 'neo4j/compose-test-password',
      NEO4J_PLUGINS: '["graph-data-science"]',
    });
    expect(r.stdout).toMatch(/image: redis:7/);
    expect(r.stdout).toMatch(
      /- --appendonly\n\s+- "?yes"?\n\s+- --maxmemory-policy\n\s+- noeviction/,
    );
    expect((r.stdout.match(/healthcheck:/g) ?? []).length).toBeGreaterThanOrEqual(2);
    expect(r.stdout).toMatch(/condition: service_healthy/);
  });

  it('wires server and worker by environment that core/config.ts accepts, on Neo4j and Redis', () => {
    const r = compose(['config'], PASSWORD);
    for (const service of ['server', 'worker']) {
      const env = serviceEnv(r.stdout, service);
      const config = loadConfig({}, env);
      expect(config.store).toBe('neo4j');
      expect(config.neo4j).toMatchObject({
        uri: 'bolt://neo4j:7687',
        user: 'neo4j',
        password: 'compose-test-password',
      });
      expect(config.redisUrl).toBe('redis://redis:6379');
    }
    expect(r.stdout).toMatch(/command:\n\s+- serve/);
    expect(r.stdout).toMatch(/command:\n\s+- worker/);
  });

  it('refuses to start without a Neo4j password', () => {
    const r = compose(['config', '--services'], {});
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/NEO4J_PASSWORD/);
  });
});
