/**
 * Synthetic ring graphs of a chosen element count, shaped like the API's ring graphs: clusters of
 * about ten accounts sharing devices, cards and IPs, payments inside clusters and a few across,
 * with times for the slider. Deterministic for a seed, so benchmark runs are comparable.
 */
import type { ApiIdentifierKind, CyEdgeData, CyElements, CyNodeData } from '../server/api-types';

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: ApiIdentifierKind[] = ['device', 'card', 'ip', 'email', 'phone', 'address'];
const DAY = 86_400_000;
const START = Date.UTC(2026, 0, 1);

/** A graph with about `elements` nodes plus edges (accounts ≈ elements / 4.2). */
export function syntheticRingGraph(elements: number, seed = 7): CyElements {
  const rand = mulberry32(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(rand() * items.length)];
  const accountCount = Math.max(4, Math.round(elements / 4.2));
  const nodes: Array<{ data: CyNodeData }> = [];
  const edges: Array<{ data: CyEdgeData }> = [];
  const accounts: string[] = [];
  for (let i = 0; i < accountCount; i++) {
    const userId = `u${String(i).padStart(6, '0')}`;
    const id = `account:${userId}`;
    accounts.push(id);
    const fraud = rand() < 0.08;
    nodes.push({
      data: {
        id,
        type: 'account',
        label: userId,
        props: {
          userId,
          member: true,
          label: fraud ? 'fraud' : null,
          stub: false,
          chargebacks: rand() < 0.1 ? 1 + Math.floor(rand() * 3) : 0,
        },
      },
    });
  }
  const clusterSize = 10;
  const clusters: string[][] = [];
  for (let i = 0; i < accounts.length; i += clusterSize)
    clusters.push(accounts.slice(i, i + clusterSize));

  const identifiersWanted = Math.round(accountCount / 2);
  const usesWanted = Math.round(accountCount * 1.7);
  const paysWanted = accountCount;
  const uses = new Set<string>();
  const identifierIds: string[] = [];
  for (let i = 0; i < identifiersWanted; i++) {
    const kind = KINDS[i % KINDS.length];
    const id = `${kind}:${kind}-${i}`;
    identifierIds.push(id);
    nodes.push({
      data: {
        id,
        type: kind,
        label: `${kind}-${i}`,
        props: { kind, raw: `${kind}-${i}`, accounts: 0 },
      },
    });
  }
  let guard = 0;
  while (uses.size < usesWanted && guard++ < usesWanted * 20) {
    const ident = Math.floor(rand() * identifierIds.length);
    const cluster = clusters[ident % clusters.length];
    const account = rand() < 0.9 ? pick(cluster) : pick(accounts);
    const key = `${account}|${identifierIds[ident]}`;
    if (uses.has(key)) continue;
    uses.add(key);
    const t0 = START + Math.floor(rand() * 180) * DAY;
    const timed =
      !identifierIds[ident].startsWith('email') &&
      !identifierIds[ident].startsWith('phone') &&
      !identifierIds[ident].startsWith('address');
    edges.push({
      data: {
        id: `uses:${account}->${identifierIds[ident]}`,
        source: account,
        target: identifierIds[ident],
        type: 'uses',
        props: { firstSeen: timed ? t0 : null, lastSeen: timed ? t0 + 20 * DAY : null },
      },
    });
  }
  const pays = new Set<string>();
  guard = 0;
  while (pays.size < paysWanted && guard++ < paysWanted * 20) {
    const cluster = pick(clusters);
    const payer = pick(cluster);
    const payee = rand() < 0.9 ? pick(cluster) : pick(accounts);
    const key = `${payer}>${payee}`;
    if (payer === payee || pays.has(key)) continue;
    pays.add(key);
    const t0 = START + Math.floor(rand() * 180) * DAY;
    edges.push({
      data: {
        id: `pays:${payer}->${payee}`,
        source: payer,
        target: payee,
        type: 'pays',
        props: {
          count: 1 + Math.floor(rand() * 5),
          amount: Math.round(rand() * 500000) / 100,
          chargebacks: rand() < 0.05 ? 1 : 0,
          firstAt: t0,
          lastAt: t0 + Math.floor(rand() * 30) * DAY,
        },
      },
    });
  }
  return { nodes, edges };
}
