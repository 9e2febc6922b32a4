/**
 * Projection: the weighted account–account graph detection works on, built in one pass over
 * each stream of the store (`ProjectionSource`) with integer ids and typed arrays only.
 *
 * - Each normalised identifier shared by k accounts (2 <= k <= the hub cut-off of its kind) links
 *   every pair of them with `kindWeight * ln((cut + 1) / k) / ln((cut + 1) / 2)`: rare values
 *   weigh most, and a value shared by more than the cut-off (public Wi-Fi, a processor's device)
 *   adds no edges at all, so the clique expansion is never quadratic in a hub.
 * - Payments link payer and payee with `paymentWeight * log2(1 + payments)` (both directions
 *   summed), except through accounts with more counterparties than `paymentHubCutoff` (merchants).
 * The store is asked to drop the rows that cannot add an edge (identifiers of one account or of
 * more than the largest cut-off, pairs through a merchant) before they cross into the process;
 * the same rules are applied here again, so an adapter that ignores the filters stays correct.
 * The incidence and payment streams are opened before the accounts are read, so a store that
 * scans them off the main thread (SQLite does) overlaps the three.
 * The shared identifier groups and payment pairs that scoring needs are kept beside the graph in
 * the same columnar form.
 */
import { IDENTIFIER_KINDS, type IdentifierKind } from '../types';
import type { IncidenceBatch, PaymentLinkBatch, ProjectionSource } from '../store/port';
import type { DetectionConfig } from './config';
import { EdgeBuffer } from './edge-buffer';

export interface ProjectedAccounts {
  count: number;
  /** Store key of each account (index = dense account index). */
  keys: Float64Array;
  userIds: string[];
  /** Creation time (epoch ms); NaN when unknown (stub accounts). */
  createdAt: Float64Array;
  /** 1 fraud, 0 none, -1 legit. */
  labels: Int8Array;
  /** 1 when the account has no users row (an external account or merchant): never a ring member. */
  stub: Uint8Array;
}

/** Identifiers shared by 2..cut-off accounts, grouped: members of group g are `members[start[g]..start[g+1])`. */
export interface SharedIdentifiers {
  count: number;
  keys: Int32Array;
  /** Index into IDENTIFIER_KINDS. */
  kinds: Uint8Array;
  start: Int32Array;
  members: Int32Array;
  /** First sighting of the member on the identifier, parallel to `members` (NaN when unknown). */
  firstSeen: Float64Array;
}

/** Payments aggregated per ordered (payer, payee) pair, dense account indices. */
export interface PaymentPairs {
  count: number;
  payer: Int32Array;
  payee: Int32Array;
  payments: Int32Array;
  amount: Float64Array;
  chargebacks: Int32Array;
  /** Time of the pair's first payment (epoch ms; NaN when unknown). */
  firstAt: Float64Array;
}

export interface Projection {
  accounts: ProjectedAccounts;
  /** Undirected weighted edges, src < dst, sorted by (src, dst). */
  edges: { src: Int32Array; dst: Int32Array; weight: Float64Array };
  identifiers: SharedIdentifiers;
  /** Payment pairs between non-hub accounts. */
  payments: PaymentPairs;
  stats: {
    accounts: number;
    stubAccounts: number;
    /** Incidences read (shared identifiers only when the store applies the filter). */
    incidences: number;
    sharedIdentifiers: number;
    paymentPairs: number;
    identifierPairs: number;
    paymentPairsLinked: number;
    edges: number;
  };
}

/** Dense index of store keys; keys are small non-negative integers (row ids) in practice. */
class KeyIndex {
  private dense = new Int32Array(1024).fill(-1);
  private sparse: Map<number, number> | null = null;

  set(key: number, index: number): void {
    if (key >= 0 && key < 1 << 28) {
      if (key >= this.dense.length) {
        let cap = this.dense.length;
        while (cap <= key) cap *= 2;
        const next = new Int32Array(cap).fill(-1);
        next.set(this.dense);
        this.dense = next;
      }
      this.dense[key] = index;
    } else {
      (this.sparse ??= new Map()).set(key, index);
    }
  }

  get(key: number): number {
    if (key >= 0 && key < this.dense.length) return this.dense[key];
    return this.sparse?.get(key) ?? -1;
  }
}

class GrowableColumns {
  ints: Int32Array[];
  floats: Float64Array[];
  length = 0;
  constructor(intCols: number, floatCols: number, capacity = 1 << 14) {
    this.ints = Array.from({ length: intCols }, () => new Int32Array(capacity));
    this.floats = Array.from({ length: floatCols }, () => new Float64Array(capacity));
  }
  reserve(extra: number): void {
    const need = this.length + extra;
    const cap = this.ints[0]?.length ?? this.floats[0].length;
    if (need <= cap) return;
    let next = cap;
    while (next < need) next *= 2;
    this.ints = this.ints.map((c) => {
      const n = new Int32Array(next);
      n.set(c);
      return n;
    });
    this.floats = this.floats.map((c) => {
      const n = new Float64Array(next);
      n.set(c);
      return n;
    });
  }
}

/** Weight of one link made by an identifier of weight `kindWeight` shared by `k` accounts, hub cut-off `cut`. */
export function identifierPairWeight(kindWeight: number, k: number, cut: number): number {
  if (k < 2 || k > cut) return 0;
  return (kindWeight * Math.log((cut + 1) / k)) / Math.log((cut + 1) / 2);
}

/** Weight of the payment link between two accounts that exchanged `payments` payments. */
export function paymentPairWeight(paymentWeight: number, payments: number): number {
  return payments > 0 ? paymentWeight * Math.log2(1 + payments) : 0;
}

/**
 * Builds the projection from a store's streams, reading each once.
 * `onProgress(fraction)` is called between streams.
 */
export async function projectGraph(
  source: ProjectionSource,
  config: DetectionConfig,
  onProgress?: (fraction: number) => void,
): Promise<Projection> {
  const cuts = IDENTIFIER_KINDS.map((k) => config.projection.hubCutoffs[k]);
  const hubCut = config.projection.paymentHubCutoff;
  const incidences = startNow(source.readIncidences({ maxSharers: Math.max(...cuts) }));
  const paymentLinks = startNow(source.readPaymentLinks({ maxCounterparties: hubCut }));
  const accounts = await readAccounts(source);
  onProgress?.(0.3);
  const index = accounts.index;
  const n = accounts.count;
  const buffer = new EdgeBuffer(Math.max(1 << 16, n * 2));
  const reading = readPayments(paymentLinks, index);
  reading.catch(() => undefined);
  const identifiers = await readIdentifiers(incidences, index, config, buffer);
  onProgress?.(0.7);
  const identifierPairs = buffer.size;
  const all = await reading;
  const counterparties = new Int32Array(n);
  for (let i = 0; i < all.count; i++) {
    counterparties[all.payer[i]]++;
    counterparties[all.payee[i]]++;
  }
  const payments = keepPairs(
    all,
    (i) => counterparties[all.payer[i]] <= hubCut && counterparties[all.payee[i]] <= hubCut,
  );
  for (let i = 0; i < payments.count; i++) {
    buffer.add(
      payments.payer[i],
      payments.payee[i],
      paymentPairWeight(config.projection.paymentWeight, payments.payments[i]),
    );
  }
  const paymentPairsLinked = buffer.size - identifierPairs;
  const edges = dropWeak(buffer.compact(n), config.projection.minEdgeWeight);
  onProgress?.(1);
  let stubAccounts = 0;
  for (let i = 0; i < n; i++) stubAccounts += accounts.stub[i];
  return {
    accounts: {
      count: n,
      keys: accounts.keys,
      userIds: accounts.userIds,
      createdAt: accounts.createdAt,
      labels: accounts.labels,
      stub: accounts.stub,
    },
    edges,
    identifiers: identifiers.shared,
    payments,
    stats: {
      accounts: n,
      stubAccounts,
      incidences: identifiers.incidences,
      sharedIdentifiers: identifiers.shared.count,
      paymentPairs: payments.count,
      identifierPairs,
      paymentPairsLinked,
      edges: edges.src.length,
    },
  };
}

async function readAccounts(source: ProjectionSource) {
  const index = new KeyIndex();
  const userIds: string[] = [];
  const cols = new GrowableColumns(2, 2);
  for await (const batch of source.readAccounts()) {
    const len = batch.userIds.length;
    cols.reserve(len);
    for (let i = 0; i < len; i++) {
      const at = cols.length++;
      index.set(batch.keys[i], at);
      userIds.push(batch.userIds[i]);
      cols.floats[0][at] = batch.createdAt[i];
      cols.floats[1][at] = batch.keys[i];
      cols.ints[0][at] = batch.labels[i];
      cols.ints[1][at] = batch.stub[i];
    }
  }
  const count = cols.length;
  return {
    index,
    count,
    userIds,
    keys: cols.floats[1].slice(0, count),
    createdAt: cols.floats[0].slice(0, count),
    labels: Int8Array.from(cols.ints[0].subarray(0, count)),
    stub: Uint8Array.from(cols.ints[1].subarray(0, count)),
  };
}

async function readIdentifiers(
  stream: AsyncIterable<IncidenceBatch>,
  index: KeyIndex,
  config: DetectionConfig,
  buffer: EdgeBuffer,
) {
  const cuts = IDENTIFIER_KINDS.map((k) => config.projection.hubCutoffs[k]);
  const weights = IDENTIFIER_KINDS.map((k) => config.projection.identifierWeights[k]);
  const groups = new GrowableColumns(3, 0);
  const members = new GrowableColumns(1, 1);
  groups.ints[2][0] = 0;
  let incidences = 0;
  let curKey = Number.NaN;
  let curKind = 0;
  const pendingAcc: number[] = [];
  const pendingSeen: number[] = [];

  const flush = () => {
    if (pendingAcc.length >= 2) {
      const order = pendingAcc.map((_, i) => i).sort((x, y) => pendingAcc[x] - pendingAcc[y]);
      const acc: number[] = [];
      const seen: number[] = [];
      for (const i of order) {
        const last = acc.length - 1;
        if (last >= 0 && acc[last] === pendingAcc[i]) {
          if (!(seen[last] <= pendingSeen[i])) seen[last] = pendingSeen[i];
        } else {
          acc.push(pendingAcc[i]);
          seen.push(pendingSeen[i]);
        }
      }
      const k = acc.length;
      if (k >= 2 && k <= cuts[curKind]) {
        const w = identifierPairWeight(weights[curKind], k, cuts[curKind]);
        for (let x = 0; x < k; x++) for (let y = x + 1; y < k; y++) buffer.add(acc[x], acc[y], w);
        members.reserve(k);
        for (let x = 0; x < k; x++) {
          members.ints[0][members.length] = acc[x];
          members.floats[0][members.length] = seen[x];
          members.length++;
        }
        groups.reserve(2);
        const g = groups.length++;
        groups.ints[0][g] = curKey;
        groups.ints[1][g] = curKind;
        groups.ints[2][g + 1] = members.length;
      }
    }
    pendingAcc.length = 0;
    pendingSeen.length = 0;
  };

  for await (const batch of stream) {
    const len = batch.accountKeys.length;
    incidences += len;
    for (let i = 0; i < len; i++) {
      const key = batch.identifierKeys[i];
      if (key !== curKey) {
        flush();
        curKey = key;
        curKind = batch.kinds[i];
      }
      const acc = index.get(batch.accountKeys[i]);
      if (acc < 0) continue;
      pendingAcc.push(acc);
      pendingSeen.push(batch.firstSeen[i]);
    }
  }
  flush();
  const g = groups.length;
  const shared: SharedIdentifiers = {
    count: g,
    keys: groups.ints[0].slice(0, g),
    kinds: Uint8Array.from(groups.ints[1].subarray(0, g)),
    start: groups.ints[2].slice(0, g + 1),
    members: members.ints[0].slice(0, members.length),
    firstSeen: members.floats[0].slice(0, members.length),
  };
  return { shared, incidences };
}

async function readPayments(
  links: AsyncIterable<PaymentLinkBatch>,
  index: KeyIndex,
): Promise<PaymentPairs> {
  const cols = new GrowableColumns(4, 2);
  for await (const batch of links) {
    const len = batch.payerKeys.length;
    cols.reserve(len);
    for (let i = 0; i < len; i++) {
      const p = index.get(batch.payerKeys[i]);
      const q = index.get(batch.payeeKeys[i]);
      if (p < 0 || q < 0 || p === q) continue;
      const at = cols.length++;
      cols.ints[0][at] = p;
      cols.ints[1][at] = q;
      cols.ints[2][at] = batch.count[i];
      cols.ints[3][at] = batch.chargebacks[i];
      cols.floats[0][at] = batch.amount[i];
      cols.floats[1][at] = batch.firstAt[i];
    }
  }
  const m = cols.length;
  return {
    count: m,
    payer: cols.ints[0].slice(0, m),
    payee: cols.ints[1].slice(0, m),
    payments: cols.ints[2].slice(0, m),
    chargebacks: cols.ints[3].slice(0, m),
    amount: cols.floats[0].slice(0, m),
    firstAt: cols.floats[1].slice(0, m),
  };
}

/**
 * Asks for the first batch of a stream at once (so its reader starts working) and replays the
 * stream in order; closing the replay closes the stream.
 */
function startNow<T>(stream: AsyncIterable<T>): AsyncIterable<T> {
  const it = stream[Symbol.asyncIterator]();
  const first = it.next();
  first.catch(() => undefined);
  return (async function* () {
    let r: IteratorResult<T> | null = null;
    try {
      r = await first;
      while (!r.done) {
        yield r.value;
        r = await it.next();
      }
    } finally {
      if (r === null || !r.done) await it.return?.();
    }
  })();
}

function dropWeak(edges: { src: Int32Array; dst: Int32Array; weight: Float64Array }, min: number) {
  let m = 0;
  for (let e = 0; e < edges.src.length; e++) if (edges.weight[e] >= min) m++;
  if (m === edges.src.length) return edges;
  const out = { src: new Int32Array(m), dst: new Int32Array(m), weight: new Float64Array(m) };
  let j = 0;
  for (let e = 0; e < edges.src.length; e++) {
    if (edges.weight[e] < min) continue;
    out.src[j] = edges.src[e];
    out.dst[j] = edges.dst[e];
    out.weight[j++] = edges.weight[e];
  }
  return out;
}

function keepPairs(p: PaymentPairs, keep: (i: number) => boolean): PaymentPairs {
  const idx: number[] = [];
  for (let i = 0; i < p.count; i++) if (keep(i)) idx.push(i);
  if (idx.length === p.count) return p;
  const pick = <T extends Int32Array | Float64Array>(a: T): T => {
    const out = new (a.constructor as new (n: number) => T)(idx.length);
    idx.forEach((j, i) => (out[i] = a[j]));
    return out;
  };
  return {
    count: idx.length,
    payer: pick(p.payer),
    payee: pick(p.payee),
    payments: pick(p.payments),
    amount: pick(p.amount),
    chargebacks: pick(p.chargebacks),
    firstAt: pick(p.firstAt),
  };
}

/** Kind name of a shared identifier group. */
export function kindOf(identifiers: SharedIdentifiers, group: number): IdentifierKind {
  return IDENTIFIER_KINDS[identifiers.kinds[group]];
}
