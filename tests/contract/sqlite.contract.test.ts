import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../../core/store/sqlite/sqlite-store';
import { describeGraphStoreContract } from './graph-store.contract';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-sqlite-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describeGraphStoreContract('sqlite', async () => {
  const store = openSqliteStore(path.join(dir, 'contract.db'));
  await store.migrate();
  return store;
});
