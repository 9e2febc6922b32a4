/**
 * What can be checked of the Neo4j adapter without a Neo4j server: it implements every method
 * the SQLite adapter does (but its SQLite-only extras), its errors are typed when the server is unreachable, and a load whose
 * function throws never touches the database (validate-then-write).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { CypherRunner } from '../../core/store/neo4j/cypher-runner';
import { neo4jStoreFromRunner } from '../../core/store/neo4j/neo4j-store';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import type { GraphStore } from '../../core/store/port';

const methods = (store: GraphStore) =>
  Object.entries(store)
    .filter(([, v]) => typeof v === 'function')
    .map(([k]) => k)
    .sort();

describe('Neo4j store assembly (no server)', () => {
  const driver = neo4j.driver('bolt://127.0.0.1:9', neo4j.auth.basic('neo4j', 'x'), {
    maxTransactionRetryTime: 0,
  });
  const store = neo4jStoreFromRunner(new CypherRunner(driver, 'neo4j'), {
    batchSize: 2,
    batchAttempts: 2,
    retryPauseMs: 0,
  });
  afterAll(() => store.close());

  it('has every method of the SQLite adapter', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assembly-'));
    const sqlite = openSqliteStore(path.join(dir, 'x.db'));
    try {
      expect(store.kind).toBe('neo4j');
      // SQLite-only capabilities outside the port, found by duck typing: the view cache's data
      // generation and the flush of batched audit writes (Neo4j builds views fresh, writes at once).
      const sqliteOnly = ['dataGeneration', 'flushAudit'];
      expect(methods(sqlite)).toEqual(expect.arrayContaining(sqliteOnly));
      expect(methods(store)).toEqual(methods(sqlite).filter((m) => !sqliteOnly.includes(m)));
      expect(methods(store).length).toBeGreaterThan(35);
    } finally {
      void sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reports an unreachable server as a retriable STORE_UNAVAILABLE', async () => {
    await expect(store.counts()).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      retriable: true,
    });
  });

  it("writes nothing when the load function throws: the function's own error comes back", async () => {
    const failure = new Error('reject rate exceeded');
    await expect(
      store.load(async (w) => {
        await w.upsertAccounts([
          {
            userId: 'u1',
            createdAt: 0,
            name: null,
            email: null,
            phone: null,
            address: null,
            country: null,
            label: null,
            identifiers: [],
          },
        ]);
        throw failure;
      }),
    ).rejects.toBe(failure);
  });

  it('fails a load that cannot be written with a retriable error saying how far it got', async () => {
    const account = (userId: string) => ({
      userId,
      createdAt: 0,
      name: null,
      email: null,
      phone: null,
      address: null,
      country: null,
      label: null,
      identifiers: [],
    });
    await expect(
      store.load(async (w) => w.upsertAccounts([account('u1'), account('u2'), account('u3')])),
    ).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
      retriable: true,
      message: expect.stringMatching(/after writing 0 of 3 rows/),
    });
  });

  it('refuses bad graph bounds before reaching the server', async () => {
    await expect(
      store.neighbourhood({ userId: 'u1', depth: 9, limit: 10, hubCap: 3 }),
    ).rejects.toMatchObject({ code: 'INVALID_GRAPH_QUERY' });
    await expect(store.listRings({ sort: 'members' as 'size' })).rejects.toMatchObject({
      code: 'BAD_SORT',
    });
  });
});
