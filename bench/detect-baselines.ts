/**
 * The two baselines `detect-quality.ts` prints beside detection:
 * - raw components: accounts linked when they share an identical, un-normalised value (email,
 *   phone, address, device, IP, card as typed), every connected component of 3+ accounts flagged;
 * - plain Louvain: one Louvain over the whole graph with an unweighted link per pair of accounts
 *   sharing a normalised identifier or a payment (values shared by more than 100 accounts are
 *   dropped only to keep the pair count tractable: a value shared by 1,000 is half a million
 *   links), every community of 3+ accounts flagged.
 */
import fs from 'node:fs';
import path from 'node:path';
import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import { CsvTokenizer } from '../core/ingest/csv-tokenizer';
import { connectedComponents } from '../core/detect/components';
import { mulberry32 } from '../core/detect/rng';
import type { ProjectionSource } from '../core/store/port';

const RAW_COLUMNS: Record<string, string[]> = {
  'users.csv': ['email', 'phone', 'address'],
  'devices.csv': ['device_id', 'ip'],
  'payments.csv': ['card_id', 'device_id'],
};
const OWNER: Record<string, string> = {
  'users.csv': 'user_id',
  'devices.csv': 'user_id',
  'payments.csv': 'payer_id',
};

function readCsv(file: string, onRow: (row: Record<string, string>) => void): void {
  const tokenizer = new CsvTokenizer();
  let header: string[] | null = null;
  const sink = (_line: number, fields: string[] | null) => {
    if (fields === null) return;
    if (header === null) {
      header = fields;
      return;
    }
    const row: Record<string, string> = {};
    header.forEach((h, i) => (row[h] = fields[i] ?? ''));
    onRow(row);
  };
  const fd = fs.openSync(file, 'r');
  const buf = Buffer.alloc(1 << 22);
  const decoder = new TextDecoder();
  for (;;) {
    const n = fs.readSync(fd, buf, 0, buf.length, null);
    if (n === 0) break;
    tokenizer.push(decoder.decode(buf.subarray(0, n), { stream: true }), sink);
  }
  tokenizer.end(sink);
  fs.closeSync(fd);
}

/** Baseline 1: components over identical raw values; components of 3+ flagged. */
export function rawComponentRings(dir: string): string[][] {
  const accountIndex = new Map<string, number>();
  const idOf = (u: string) => {
    let i = accountIndex.get(u);
    if (i === undefined) accountIndex.set(u, (i = accountIndex.size));
    return i;
  };
  readCsv(path.join(dir, 'users.csv'), (r) => idOf(r.user_id));
  const users = accountIndex.size;
  const firstHolder = new Map<string, number>();
  const src: number[] = [];
  const dst: number[] = [];
  for (const [file, columns] of Object.entries(RAW_COLUMNS)) {
    readCsv(path.join(dir, file), (r) => {
      const owner = accountIndex.get(r[OWNER[file]]);
      if (owner === undefined) return;
      for (const c of columns) {
        const v = r[c];
        if (!v) continue;
        const key = `${c}\u0000${v}`;
        const first = firstHolder.get(key);
        if (first === undefined) firstHolder.set(key, owner);
        else if (first !== owner) {
          src.push(first);
          dst.push(owner);
        }
      }
    });
  }
  const ids = [...accountIndex.keys()];
  const comps = connectedComponents(users, src, dst);
  const members: string[][] = Array.from({ length: comps.count }, () => []);
  for (let i = 0; i < users; i++) members[comps.componentOf[i]].push(ids[i]);
  return members.filter((m) => m.length >= 3);
}

const PLAIN_MAX_SHARERS = 100;

/** Baseline 2: plain Louvain on unweighted links over the store's streams; communities of 3+ flagged. */
export async function plainLouvainRings(
  source: ProjectionSource,
  seed: number,
): Promise<string[][]> {
  const userIds: string[] = [];
  const stub: number[] = [];
  const index = new Map<number, number>();
  for await (const b of source.readAccounts()) {
    for (let i = 0; i < b.userIds.length; i++) {
      index.set(b.keys[i], userIds.length);
      userIds.push(b.userIds[i]);
      stub.push(b.stub[i]);
    }
  }
  const g = new UndirectedGraph();
  const node = (i: number) => {
    if (!g.hasNode(i)) g.addNode(i);
    return String(i);
  };
  const link = (a: number, b: number) => {
    if (a === b) return;
    const x = node(a);
    const y = node(b);
    if (!g.hasEdge(x, y)) g.addEdge(x, y);
  };
  let group: number[] = [];
  let current = Number.NaN;
  const flush = () => {
    if (group.length >= 2 && group.length <= PLAIN_MAX_SHARERS)
      for (let i = 0; i < group.length; i++)
        for (let j = i + 1; j < group.length; j++) link(group[i], group[j]);
    group = [];
  };
  for await (const b of source.readIncidences({ maxSharers: PLAIN_MAX_SHARERS })) {
    for (let i = 0; i < b.accountKeys.length; i++) {
      if (b.identifierKeys[i] !== current) {
        flush();
        current = b.identifierKeys[i];
      }
      const a = index.get(b.accountKeys[i]);
      if (a !== undefined) group.push(a);
    }
  }
  flush();
  for await (const b of source.readPaymentLinks()) {
    for (let i = 0; i < b.payerKeys.length; i++) {
      const p = index.get(b.payerKeys[i]);
      const q = index.get(b.payeeKeys[i]);
      if (p !== undefined && q !== undefined) link(p, q);
    }
  }
  const communities = louvain(g, { rng: mulberry32(seed) });
  const byCommunity = new Map<number, string[]>();
  for (const [n, c] of Object.entries(communities)) {
    const i = Number(n);
    if (stub[i]) continue;
    const list = byCommunity.get(c);
    if (list) list.push(userIds[i]);
    else byCommunity.set(c, [userIds[i]]);
  }
  return [...byCommunity.values()].filter((m) => m.length >= 3);
}
