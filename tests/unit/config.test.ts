import path from 'node:path';
import { loadConfig } from '../../core/config';
import { ConfigError } from '../../core/errors';

describe('loadConfig', () => {
  it('defaults to the embedded SQLite store under ./data', () => {
    const c = loadConfig({}, {});
    expect(c.store).toBe('sqlite');
    expect(c.dbPath).toBe(path.resolve('data/fraud-rings.db'));
    expect(c.redisUrl).toBeNull();
    expect(c.port).toBe(8080);
    expect(c.viewCacheMb).toBe(64);
  });

  it('reads the view cache size, where 0 turns it off and a negative size is refused', () => {
    expect(loadConfig({}, { VIEW_CACHE_MB: '0' }).viewCacheMb).toBe(0);
    expect(loadConfig({}, { VIEW_CACHE_MB: '256' }).viewCacheMb).toBe(256);
    expect(() => loadConfig({}, { VIEW_CACHE_MB: '-1' })).toThrow(/viewCacheMb/);
  });

  it('selects Neo4j when NEO4J_URI is set, and flags win over the environment', () => {
    expect(loadConfig({}, { NEO4J_URI: 'neo4j://db:7687', NEO4J_PASSWORD: 'x' }).store).toBe(
      'neo4j',
    );
    expect(loadConfig({ store: 'sqlite' }, { NEO4J_URI: 'neo4j://db:7687' }).store).toBe('sqlite');
    expect(loadConfig({ port: 9000 }, { PORT: '7000' }).port).toBe(9000);
  });

  it('fails fast with every problem named', () => {
    expect(() => loadConfig({}, { PORT: 'eighty', REDIS_URL: 'http://x' })).toThrow(ConfigError);
    try {
      loadConfig({}, { PORT: 'eighty', REDIS_URL: 'http://x' });
    } catch (e) {
      expect((e as Error).message).toMatch(/port/);
      expect((e as Error).message).toMatch(/REDIS_URL must be/);
    }
    expect(() => loadConfig({ store: 'neo4j' }, {})).toThrow(/needs NEO4J_URI/);
    expect(() => loadConfig({}, { WEBHOOK_URL: 'https://h.example/x' })).toThrow(/WEBHOOK_SECRET/);
  });
});
