/**
 * Payment totals of candidate members (all their payments, merchants included), which scoring
 * needs for money kept inside, pass-through and chargebacks. The store answers them with one
 * query per side over the payment links, a cost that grows with the number of accounts asked
 * about, and the candidates are only known after Louvain. So detection asks early, for a
 * superset known before Louvain: every non-stub account of a connected component holding at
 * least `candidates.minSize` of them (a community lies inside one component, and a candidate is a
 * community's non-stub accounts). Totals are per account, so asking for more accounts changes no
 * account's totals; a store that runs the query off the main thread (SQLite does) overlaps it
 * with Louvain.
 */
import type { ProjectionSource } from '../store/port';
import type { DetectionConfig } from './config';
import type { MemberMoney } from './features';
import type { DetectGroup } from './groups';
import type { Projection } from './projection';

/** Payment totals of some accounts, and which accounts (projection indices) they cover. */
export interface PrefetchedMoney {
  money: MemberMoney;
  covered: Uint8Array;
}

/** Projection indices of every account that can belong to a candidate of these groups (ascending). */
export function possibleMembers(
  projection: Projection,
  groups: DetectGroup[],
  config: DetectionConfig,
): number[] {
  const stub = projection.accounts.stub;
  const out: number[] = [];
  for (const group of groups) {
    for (const comp of group.components) {
      let real = 0;
      for (const i of comp.nodes) real += stub[i] === 0 ? 1 : 0;
      if (real < config.candidates.minSize) continue;
      for (const i of comp.nodes) if (stub[i] === 0) out.push(i);
    }
  }
  return out.sort((a, b) => a - b);
}

/** Payment totals of the accounts at projection indices `members`, from the store. */
export async function fetchMoney(
  store: ProjectionSource,
  projection: Projection,
  members: number[],
): Promise<PrefetchedMoney> {
  const n = projection.accounts.count;
  const money: MemberMoney = {
    sent: new Float64Array(n),
    received: new Float64Array(n),
    chargebacks: new Int32Array(n),
  };
  const covered = new Uint8Array(n);
  if (members.length === 0) return { money, covered };
  const indexOf = keyLookup(projection, members);
  const keys: number[] = [];
  for (const i of members) {
    keys.push(projection.accounts.keys[i]);
    covered[i] = 1;
  }
  const totals = await store.paymentTotals(keys.sort((a, b) => a - b));
  for (let j = 0; j < totals.keys.length; j++) {
    const i = indexOf(totals.keys[j]);
    if (i < 0) continue;
    money.sent[i] = totals.sent[j];
    money.received[i] = totals.received[j];
    money.chargebacks[i] = totals.chargebacks[j];
  }
  return { money, covered };
}

/**
 * Totals for the candidates: the prefetched ones when they cover every member, else fetched now
 * for exactly the members.
 */
export async function candidateMoney(
  store: ProjectionSource,
  projection: Projection,
  candidates: number[][],
  prefetched?: Promise<PrefetchedMoney>,
): Promise<MemberMoney> {
  if (prefetched !== undefined) {
    const got = await prefetched;
    if (candidates.every((c) => c.every((i) => got.covered[i] === 1))) return got.money;
  }
  return (await fetchMoney(store, projection, candidates.flat())).money;
}

/**
 * Projection index of a store key among `members` (-1 for others): a dense table when keys are
 * small integers (row ids, the usual case), else a map.
 */
function keyLookup(projection: Projection, members: number[]): (key: number) => number {
  const keys = projection.accounts.keys;
  let max = 0;
  let dense = true;
  for (const i of members) {
    const k = keys[i];
    if (!Number.isInteger(k) || k < 0) dense = false;
    else if (k > max) max = k;
  }
  if (dense && max < 4 * projection.accounts.count + 1024) {
    const table = new Int32Array(max + 1).fill(-1);
    for (const i of members) table[keys[i]] = i;
    return (key) => (Number.isInteger(key) && key >= 0 && key <= max ? table[key] : -1);
  }
  const map = new Map<number, number>();
  for (const i of members) map.set(keys[i], i);
  return (key) => map.get(key) ?? -1;
}
