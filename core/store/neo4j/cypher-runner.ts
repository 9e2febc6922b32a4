/**
 * Runs the files of `cypher/` through managed transactions (`executeRead` / `executeWrite`), so
 * the driver retries transient failures (leader switches, deadlocks, lost connections) with
 * back-off. Parameters and results are mapped through `neo4j-values`; failures through
 * `neo4j-errors`. Callers name a query file, never pass query text.
 */
import type { Driver, ManagedTransaction } from 'neo4j-driver';
import type { SlotValues } from './allow-list';
import { loadCypher, statementOf } from './cypher-loader';
import { toProjectError } from './neo4j-errors';
import { fromDriver, toDriver, type Row } from './neo4j-values';

/** Runs query files inside one transaction. */
export interface QueryTx {
  run(name: string, params?: Record<string, unknown>, slots?: SlotValues): Promise<Row[]>;
}

function bind(tx: ManagedTransaction): QueryTx {
  return {
    async run(name, params = {}, slots = {}) {
      const file = loadCypher(name);
      const args: Record<string, unknown> = {};
      for (const p of file.params) args[p] = toDriver(params[p]);
      const result = await tx.run(statementOf(file, slots), args);
      return result.records.map((r) => fromDriver(r.toObject()) as Row);
    },
  };
}

export class CypherRunner {
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  /** One read query in its own read transaction. */
  async read(
    name: string,
    params: Record<string, unknown> = {},
    slots: SlotValues = {},
  ): Promise<Row[]> {
    return this.readTx(name, (tx) => tx.run(name, params, slots));
  }

  /** One write query in its own write transaction. */
  async write(
    name: string,
    params: Record<string, unknown> = {},
    slots: SlotValues = {},
  ): Promise<Row[]> {
    return this.writeTx(name, (tx) => tx.run(name, params, slots));
  }

  /** Runs each statement of a multi-statement file (schema) in its own write transaction, in order. */
  async writeStatements(name: string): Promise<void> {
    const file = loadCypher(name);
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      for (const statement of file.statements)
        await session.executeWrite((tx) => tx.run(statement));
    } catch (err) {
      throw toProjectError(err, name);
    } finally {
      await session.close();
    }
  }

  /** Several reads in one transaction (a consistent snapshot). `work` may be retried: keep it free of side effects. */
  async readTx<T>(operation: string, work: (tx: QueryTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'READ' });
    try {
      return await session.executeRead((tx) => work(bind(tx)));
    } catch (err) {
      throw toProjectError(err, operation);
    } finally {
      await session.close();
    }
  }

  /** Several writes in one atomic transaction. `work` may be retried: keep it free of side effects. */
  async writeTx<T>(operation: string, work: (tx: QueryTx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: 'WRITE' });
    try {
      return await session.executeWrite((tx) => work(bind(tx)));
    } catch (err) {
      throw toProjectError(err, operation);
    } finally {
      await session.close();
    }
  }
}
