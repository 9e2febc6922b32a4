/**
 * The contract of the `GraphStore` port (core/store/port.ts), held by every adapter: the same
 * suite runs against SQLite in every test run (`sqlite.contract.test.ts`) and, unchanged,
 * against Neo4j whenever NEO4J_URI is set (`neo4j.contract.test.ts`). It asserts only what the
 * port documents, never how an adapter stores it.
 */
import type { GraphStore } from '../../core/store/port';
import { describeEntityContract } from './entities.contract';
import { describeSubgraphContract } from './subgraphs.contract';
import { describeProjectionContract } from './projection.contract';
import { describeRingContract } from './rings.contract';
import { describeCaseContract } from './cases.contract';
import { describeUserAuditContract } from './users-audit.contract';

/** What each part of the suite gets: the store opened for this test file. */
export interface ContractContext {
  store(): GraphStore;
}

/**
 * Declares the whole contract for one adapter. `open` is called once per test file and must
 * return a migrated store; `close` is called at the end.
 */
export function describeGraphStoreContract(name: string, open: () => Promise<GraphStore>): void {
  describe(`GraphStore contract: ${name}`, () => {
    let store: GraphStore | null = null;
    const ctx: ContractContext = {
      store: () => {
        if (!store) throw new Error('contract: the store did not open');
        return store;
      },
    };
    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    describeEntityContract(ctx);
    describeSubgraphContract(ctx);
    describeProjectionContract(ctx);
    describeRingContract(ctx);
    describeCaseContract(ctx);
    describeUserAuditContract(ctx);
  });
}
