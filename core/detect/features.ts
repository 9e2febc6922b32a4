/**
 * Features of candidate rings, computed for all communities at once with a few linear passes over
 * the projection (edges, shared identifier groups, payment pairs). Only facts that hold for
 * collusion in general are measured: how tightly the members are linked, which rare identifiers
 * they share, whether they were created or first used a device together, labels and chargebacks,
 * and whether their money goes round among them.
 */
import type { DetectionConfig } from './config';
import type { Projection } from './projection';
import { kindOf } from './projection';
import type { IdentifierKind } from '../types';

/** An identifier shared by several members of a candidate. */
export interface SharedFact {
  group: number;
  identifierKey: number;
  kind: IdentifierKind;
  accounts: number;
}

/** The shortest span holding the most members' creation times / first uses of one device. */
export interface WindowFact {
  accounts: number;
  start: number;
  end: number;
}

export interface RingFeatures {
  size: number;
  /** Sum of edge weights inside / n(n-1)/2. */
  density: number;
  /** Internal edge weight / (internal + boundary): how closed the group is. */
  cohesion: number;
  /** Members sharing a personal identifier (device, card, phone, email) with another member. */
  sharingAccounts: number;
  /** Identifiers shared by at least `sharedMinAccounts` members. */
  sharedIdentifiers: number;
  fraudLabels: number;
  legitLabels: number;
  chargebacks: number;
  chargebackAccounts: number;
  /** Most members created within `burstHours`. */
  burstAccounts: number;
  /** Most members whose first use of one shared device falls within `syncHours`. */
  syncAccounts: number;
  /** Members on a directed payment cycle of at least three members. */
  cycleAccounts: number;
  internalPayments: number;
  /** Share of the money members paid that went to other members (0..1). */
  moneyInside: number;
  /** Members whose money in and money out balance (see PASS_THROUGH_BALANCE). */
  passThroughAccounts: number;
  /** Most members giving one postal address: a home. */
  homeAccounts: number;
  /**
   * Members sharing a phone or email with a member who gives a different postal address: one
   * contact detail behind several homes (a family shares a landline at one address; fabricated
   * identities reuse a few phones across many addresses).
   */
  crossHomeAccounts: number;
  /** Members that are not shops (see `isPayee`) with a chargeback on a payment made or received. */
  disputedAccounts: number;
  /** Chargebacks of those members. */
  disputes: number;
  /** Members on one email that at least three accounts gave (one mailbox behind several identities). */
  mailboxAccounts: number;
  /** Most dormant members (see `evidence.dormantDays`) whose first activity falls within `wakeHours`. */
  wakeAccounts: number;
}

export interface CandidateFacts {
  /** Projection account indices of the members (stubs removed), ascending. */
  members: number[];
  features: RingFeatures;
  shared: SharedFact[];
  burst: WindowFact | null;
  sync: (WindowFact & { identifierKey: number }) | null;
  /** Dormant members waking together (at least 2), with the earliest creation among them. */
  wake: (WindowFact & { createdBefore: number }) | null;
}

const PERSONAL = new Set<IdentifierKind>(['device', 'card', 'phone', 'email']);
const KIND_ORDER: Record<IdentifierKind, number> = {
  device: 0,
  card: 1,
  phone: 2,
  email: 3,
  address: 4,
  ip: 5,
};
const HOUR = 3_600_000;

/** Payment totals of accounts (by projection index), over all their payments; zero when unknown. */
export interface MemberMoney {
  sent: Float64Array;
  received: Float64Array;
  chargebacks: Int32Array;
}

/**
 * In ≈ out: an account that passes on about what it receives (each of sent and received at least
 * `PASS_THROUGH_BALANCE` of the other) is a relay, the classic money-mule pattern. People who
 * spend their own funds receive little; people who only receive send little.
 */
export const PASS_THROUGH_BALANCE = 0.6;

/**
 * An account that takes money in and pays out almost nothing (under a tenth of what it receives):
 * a shop or a business. A chain's outlets give their head office's email, which is not a shared
 * mailbox of fabricated identities.
 */
export function isPayee(money: MemberMoney, i: number): boolean {
  return money.received[i] > 0 && money.sent[i] < 0.1 * money.received[i];
}

/** Whether account `i` passes on about what it receives. */
export function isPassThrough(money: MemberMoney, i: number): boolean {
  const sent = money.sent[i];
  const received = money.received[i];
  return (
    sent > 0 &&
    received > 0 &&
    Math.min(sent, received) >= PASS_THROUGH_BALANCE * Math.max(sent, received)
  );
}

/** Candidates: communities without their stub accounts, keeping those of at least `candidates.minSize` members. */
export function candidateMembers(
  projection: Projection,
  communities: number[][],
  config: DetectionConfig,
): number[][] {
  return communities
    .map((c) => c.filter((i) => projection.accounts.stub[i] === 0))
    .filter((c) => c.length >= config.candidates.minSize);
}

/** Facts of every candidate (see `candidateMembers`), given the payment totals of its members. */
export function candidateFacts(
  projection: Projection,
  candidates: number[][],
  money: MemberMoney,
  config: DetectionConfig,
): CandidateFacts[] {
  const { accounts } = projection;
  const owner = new Int32Array(accounts.count).fill(-1);
  candidates.forEach((c, ci) => c.forEach((i) => (owner[i] = ci)));
  const weights = edgeWeights(projection, owner, candidates.length);
  const flows = moneyFlows(projection, owner, candidates, money);
  const byMember = identifiersByMember(projection, owner, candidates.length);
  const dormant = dormantSince(projection, config);
  return candidates.map((members, ci) => {
    const n = members.length;
    const ident = sharedFacts(projection, members, byMember[ci], config, money);
    const sleepers = members.filter((i) => dormant.dormant[i] === 1);
    const woke = densestWindow(
      sleepers.map((i) => dormant.firstActive[i]),
      config.evidence.wakeHours * HOUR,
    );
    const wake =
      woke && woke.accounts >= 2
        ? {
            ...woke,
            createdBefore: Math.min(
              ...sleepers
                .filter((i) => {
                  const t = dormant.firstActive[i];
                  return t >= woke.start && t <= woke.end;
                })
                .map((i) => accounts.createdAt[i])
                .filter((t) => Number.isFinite(t)),
            ),
          }
        : null;
    const burst = densestWindow(
      members.map((i) => accounts.createdAt[i]),
      config.evidence.burstHours * HOUR,
    );
    let fraud = 0;
    let legit = 0;
    let chargebacks = 0;
    let chargebackAccounts = 0;
    let passThroughAccounts = 0;
    let disputedAccounts = 0;
    let disputes = 0;
    for (const i of members) {
      if (money.chargebacks[i] > 0 && !isPayee(money, i)) {
        disputedAccounts++;
        disputes += money.chargebacks[i];
      }
      if (isPassThrough(money, i)) passThroughAccounts++;
      if (accounts.labels[i] === 1) fraud++;
      else if (accounts.labels[i] === -1) legit++;
      chargebacks += money.chargebacks[i];
      if (money.chargebacks[i] > 0) chargebackAccounts++;
    }
    const internal = weights.internal[ci];
    const boundary = weights.boundary[ci];
    const features: RingFeatures = {
      size: n,
      density: n > 1 ? internal / ((n * (n - 1)) / 2) : 0,
      cohesion: internal + boundary > 0 ? internal / (internal + boundary) : 0,
      sharingAccounts: ident.sharingAccounts,
      sharedIdentifiers: ident.shared.length,
      fraudLabels: fraud,
      legitLabels: legit,
      chargebacks,
      chargebackAccounts,
      burstAccounts: burst && burst.accounts >= 2 ? burst.accounts : 0,
      syncAccounts: ident.sync?.accounts ?? 0,
      cycleAccounts: flows[ci].cycleAccounts,
      internalPayments: flows[ci].internalPayments,
      moneyInside: flows[ci].sent > 0 ? Math.min(1, flows[ci].internalAmount / flows[ci].sent) : 0,
      passThroughAccounts,
      homeAccounts: ident.homeAccounts,
      crossHomeAccounts: ident.crossHomeAccounts,
      disputedAccounts,
      disputes,
      mailboxAccounts: ident.mailboxAccounts,
      wakeAccounts: wake ? wake.accounts : 0,
    };
    return {
      members,
      features,
      shared: ident.shared,
      burst: burst && burst.accounts >= 2 ? burst : null,
      sync: ident.sync,
      wake,
    };
  });
}

function edgeWeights(projection: Projection, owner: Int32Array, count: number) {
  const internal = new Float64Array(count);
  const boundary = new Float64Array(count);
  const { src, dst, weight } = projection.edges;
  for (let e = 0; e < src.length; e++) {
    const a = owner[src[e]];
    const b = owner[dst[e]];
    if (a >= 0 && a === b) internal[a] += weight[e];
    else {
      if (a >= 0) boundary[a] += weight[e];
      if (b >= 0) boundary[b] += weight[e];
    }
  }
  return { internal, boundary };
}

/** For each candidate: (group, position in the group's member list) of every member incidence. */
function identifiersByMember(
  projection: Projection,
  owner: Int32Array,
  count: number,
): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = Array.from({ length: count }, () => []);
  const { start, members } = projection.identifiers;
  for (let g = 0; g < projection.identifiers.count; g++) {
    for (let p = start[g]; p < start[g + 1]; p++) {
      const c = owner[members[p]];
      if (c >= 0) out[c].push([g, p]);
    }
  }
  return out;
}

function sharedFacts(
  projection: Projection,
  members: number[],
  incidences: Array<[number, number]>,
  config: DetectionConfig,
  money: MemberMoney,
) {
  const ids = projection.identifiers;
  const byGroup = new Map<number, number[]>();
  for (const [g, p] of incidences) {
    const list = byGroup.get(g);
    if (list) list.push(p);
    else byGroup.set(g, [p]);
  }
  const sharing = new Set<number>();
  const mailbox = new Set<number>();
  const shared: SharedFact[] = [];
  let homeAccounts = 0;
  let sync: (WindowFact & { identifierKey: number }) | null = null;
  for (const [g, positions] of byGroup) {
    if (positions.length < 2) continue;
    const kind = kindOf(ids, g);
    if (PERSONAL.has(kind)) for (const p of positions) sharing.add(ids.members[p]);
    if (kind === 'address') homeAccounts = Math.max(homeAccounts, positions.length);
    if (kind === 'email' && ids.start[g + 1] - ids.start[g] >= MAILBOX_MIN_ACCOUNTS)
      for (const p of positions) if (!isPayee(money, ids.members[p])) mailbox.add(ids.members[p]);
    if (positions.length < config.evidence.sharedMinAccounts) continue;
    shared.push({ group: g, identifierKey: ids.keys[g], kind, accounts: positions.length });
    if (kind === 'device') {
      const w = densestWindow(
        positions.map((p) => ids.firstSeen[p]),
        config.evidence.syncHours * HOUR,
      );
      if (
        w &&
        w.accounts >= config.evidence.sharedMinAccounts &&
        (sync === null ||
          w.accounts > sync.accounts ||
          (w.accounts === sync.accounts && ids.keys[g] < sync.identifierKey))
      ) {
        sync = { ...w, identifierKey: ids.keys[g] };
      }
    }
  }
  const crossHomeAccounts = contactsAcrossHomes(projection, byGroup);
  shared.sort(
    (a, b) =>
      b.accounts - a.accounts ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.identifierKey - b.identifierKey,
  );
  return {
    shared,
    sharingAccounts: members.length > 0 ? sharing.size : 0,
    sync,
    homeAccounts,
    crossHomeAccounts,
    mailboxAccounts: mailbox.size,
  };
}

/**
 * An email given by this many accounts is a shared mailbox: a couple may share one address, but
 * three customers signing up with one mailbox are one person's fabricated identities.
 */
export const MAILBOX_MIN_ACCOUNTS = 3;

/**
 * First activity seen of every account (epoch ms, Infinity when none): its first payment to or
 * from a non-merchant and its first sighting on a shared identifier, the activity the projection
 * holds. An account is dormant when that comes at least `dormantDays` after both its creation and
 * the first activity of any account (the start of the data: accounts opened before the data
 * begins are not dormant for being seen late in a short extract).
 */
export function dormantSince(projection: Projection, config: DetectionConfig): Dormancy {
  const days = config.evidence.dormantDays;
  const known = dormancyCache.get(projection);
  if (known && known.days === days) return known.result;
  const result = computeDormancy(projection, days);
  dormancyCache.set(projection, { days, result });
  return result;
}

export interface Dormancy {
  firstActive: Float64Array;
  dormant: Uint8Array;
}

/** Dormancy depends only on the projection and `dormantDays`; scoring asks for it several times a run. */
const dormancyCache = new WeakMap<Projection, { days: number; result: Dormancy }>();

function computeDormancy(projection: Projection, dormantDays: number): Dormancy {
  const { accounts, identifiers: ids, payments: pay } = projection;
  const firstActive = new Float64Array(accounts.count).fill(Infinity);
  const see = (i: number, t: number) => {
    if (t < firstActive[i]) firstActive[i] = t;
  };
  for (let p = 0; p < ids.members.length; p++) see(ids.members[p], ids.firstSeen[p]);
  for (let e = 0; e < pay.count; e++) {
    see(pay.payer[e], pay.firstAt[e]);
    see(pay.payee[e], pay.firstAt[e]);
  }
  let start = Infinity;
  for (let i = 0; i < accounts.count; i++) if (firstActive[i] < start) start = firstActive[i];
  const gap = dormantDays * 24 * HOUR;
  const dormant = new Uint8Array(accounts.count);
  for (let i = 0; i < accounts.count; i++) {
    const t = firstActive[i];
    if (!Number.isFinite(t) || accounts.stub[i] === 1) continue;
    const created = accounts.createdAt[i];
    const since = Number.isFinite(created) ? Math.max(created, start) : start;
    if (t - since >= gap) dormant[i] = 1;
  }
  return { firstActive, dormant };
}

/** See `RingFeatures.crossHomeAccounts`; `byGroup` maps identifier groups to member positions. */
function contactsAcrossHomes(projection: Projection, byGroup: Map<number, number[]>): number {
  const ids = projection.identifiers;
  const homes = new Map<number, number[]>();
  const contacts: number[][] = [];
  for (const [g, positions] of byGroup) {
    const kind = kindOf(ids, g);
    if (kind === 'address') {
      for (const p of positions) {
        const list = homes.get(ids.members[p]);
        if (list) list.push(g);
        else homes.set(ids.members[p], [g]);
      }
    } else if ((kind === 'phone' || kind === 'email') && positions.length >= 2) {
      contacts.push(positions.map((p) => ids.members[p]));
    }
  }
  const sameHome = (a: number, b: number) => {
    const ha = homes.get(a);
    const hb = homes.get(b);
    return ha !== undefined && hb !== undefined && ha.some((g) => hb.includes(g));
  };
  const crossing = new Set<number>();
  for (const list of contacts) {
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        if (sameHome(list[x], list[y])) continue;
        crossing.add(list[x]);
        crossing.add(list[y]);
      }
    }
  }
  return crossing.size;
}

/** The window of length `span` holding the most of the given times (NaN ignored); earliest such window. */
export function densestWindow(times: number[], span: number): WindowFact | null {
  const sorted = times.filter((t) => Number.isFinite(t)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  let best: WindowFact = { accounts: 1, start: sorted[0], end: sorted[0] };
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while (sorted[hi] - sorted[lo] > span) lo++;
    const count = hi - lo + 1;
    if (count > best.accounts) best = { accounts: count, start: sorted[lo], end: sorted[hi] };
  }
  return best;
}

interface MoneyFacts {
  sent: number;
  internalAmount: number;
  internalPayments: number;
  cycleAccounts: number;
}

function moneyFlows(
  projection: Projection,
  owner: Int32Array,
  candidates: number[][],
  money: MemberMoney,
): MoneyFacts[] {
  const out: MoneyFacts[] = candidates.map((members) => ({
    sent: members.reduce((s, i) => s + money.sent[i], 0),
    internalAmount: 0,
    internalPayments: 0,
    cycleAccounts: 0,
  }));
  const arcs: Array<Array<[number, number]>> = candidates.map(() => []);
  const pay = projection.payments;
  for (let e = 0; e < pay.count; e++) {
    const c = owner[pay.payer[e]];
    if (c < 0 || c !== owner[pay.payee[e]]) continue;
    out[c].internalAmount += pay.amount[e];
    out[c].internalPayments += pay.payments[e];
    arcs[c].push([pay.payer[e], pay.payee[e]]);
  }
  arcs.forEach((list, c) => {
    if (list.length >= 3) out[c].cycleAccounts = accountsOnCycles(list, 3);
  });
  return out;
}

/** Number of nodes in strongly connected components of at least `minSize` nodes (Tarjan, iterative). */
export function accountsOnCycles(arcs: Array<[number, number]>, minSize: number): number {
  const ids = new Map<number, number>();
  const idOf = (x: number) => {
    let i = ids.get(x);
    if (i === undefined) ids.set(x, (i = ids.size));
    return i;
  };
  const edges = arcs.map(([a, b]) => [idOf(a), idOf(b)] as const);
  const n = ids.size;
  const out: number[][] = Array.from({ length: n }, () => []);
  for (const [a, b] of edges) out[a].push(b);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  let counter = 0;
  let total = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    const work: Array<[number, number]> = [[root, 0]];
    while (work.length > 0) {
      const frame = work[work.length - 1];
      const v = frame[0];
      if (frame[1] === 0) {
        index[v] = low[v] = counter++;
        stack.push(v);
        onStack[v] = 1;
      }
      if (frame[1] < out[v].length) {
        const w = out[v][frame[1]++];
        if (index[w] < 0) work.push([w, 0]);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      work.pop();
      if (work.length > 0) {
        const parent = work[work.length - 1][0];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack.pop() as number;
          onStack[w] = 0;
          size++;
        } while (w !== v);
        if (size >= minSize) total += size;
      }
    }
  }
  return total;
}
