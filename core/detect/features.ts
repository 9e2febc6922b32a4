/**
 * Features of candidate rings, computed for all communities at once with a few linear passes over
 * the projection (edges, shared identifier groups, payment pairs). Only facts that hold for
 * collusion in general are measured: how tightly the members are linked, which rare identifiers
 * they share, whether they were created or first used a device together, labels and chargebacks,
 * and whether their money goes round among them.
 */
import type { DetectionConfig } from './config';
import type { Projection, SharedIdentifiers } from './projection';
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
  // Candidate of each account (-1 for none), and its index in that candidate's member list.
  const owner = new Int32Array(accounts.count).fill(-1);
  const slot = new Int32Array(accounts.count);
  candidates.forEach((c, ci) =>
    c.forEach((i, k) => {
      owner[i] = ci;
      slot[i] = k;
    }),
  );
  const weights = edgeWeights(projection, owner, candidates.length);
  const flows = moneyFlows(projection, owner, slot, candidates, money);
  const incidences = incidencesByCandidate(projection, owner, candidates.length);
  const dormant = dormantSince(projection, config);
  const scratch: Scratch = {
    sharing: new DistinctAccounts(accounts.count),
    mailbox: new DistinctAccounts(accounts.count),
    crossing: new DistinctAccounts(accounts.count),
  };
  return candidates.map((members, ci) => {
    const n = members.length;
    const ident = sharedFacts(projection, members, incidences, ci, config, money, scratch);
    const wake = wakeFact(members, dormant, accounts, config.evidence.wakeHours * HOUR);
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
      cycleAccounts: flows.cycleAccounts[ci],
      internalPayments: flows.internalPayments[ci],
      moneyInside: flows.sent[ci] > 0 ? Math.min(1, flows.internalAmount[ci] / flows.sent[ci]) : 0,
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

/** Dormant members waking together (see `CandidateFacts.wake`). */
function wakeFact(
  members: number[],
  dormant: Dormancy,
  accounts: Projection['accounts'],
  span: number,
): CandidateFacts['wake'] {
  const sleepers: number[] = [];
  const woken: number[] = [];
  for (const i of members) {
    if (dormant.dormant[i] === 0) continue;
    sleepers.push(i);
    woken.push(dormant.firstActive[i]);
  }
  // Waking together takes two sleepers; many candidates have fewer.
  if (sleepers.length < 2) return null;
  const woke = densestWindow(woken, span);
  if (!woke || woke.accounts < 2) return null;
  let createdBefore = Infinity;
  for (const i of sleepers) {
    const t = dormant.firstActive[i];
    const created = accounts.createdAt[i];
    if (t >= woke.start && t <= woke.end && Number.isFinite(created))
      createdBefore = Math.min(createdBefore, created);
  }
  return { accounts: woke.accounts, start: woke.start, end: woke.end, createdBefore };
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

/**
 * The identifier incidences of each candidate's members, grouped by candidate (CSR): candidate c
 * has entries `start[c]..start[c+1]`, each an identifier group and a position in that group's
 * member list. Entries keep the order of the projection's member lists (ascending group, then
 * position), so the incidences of one group are consecutive: a run.
 */
interface CandidateIncidences {
  start: Int32Array;
  group: Int32Array;
  position: Int32Array;
}

function incidencesByCandidate(
  projection: Projection,
  owner: Int32Array,
  count: number,
): CandidateIncidences {
  const ids = projection.identifiers;
  const end = ids.start[ids.count];
  // Candidate of each incidence, read sequentially in the second pass.
  const candidate = new Int32Array(end);
  const start = new Int32Array(count + 1);
  for (let p = 0; p < end; p++) {
    const c = (candidate[p] = owner[ids.members[p]]);
    if (c >= 0) start[c + 1]++;
  }
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const next = start.slice(0, count);
  const group = new Int32Array(start[count]);
  const position = new Int32Array(start[count]);
  for (let g = 0; g < ids.count; g++) {
    for (let p = ids.start[g]; p < ids.start[g + 1]; p++) {
      const c = candidate[p];
      if (c < 0) continue;
      group[next[c]] = g;
      position[next[c]++] = p;
    }
  }
  return { start, group, position };
}

/** End of the run of incidences of one group that begins at entry `a` (see `CandidateIncidences`). */
function runEnd(group: Int32Array, a: number, end: number): number {
  let b = a + 1;
  while (b < end && group[b] === group[a]) b++;
  return b;
}

/**
 * Counts distinct accounts without a Set per candidate: an account is counted once per stamp,
 * and `reset` starts a new stamp, so one array serves every candidate without clearing.
 */
class DistinctAccounts {
  private readonly seen: Int32Array;
  private stamp = 0;
  count = 0;

  constructor(accounts: number) {
    this.seen = new Int32Array(accounts);
  }

  reset(): void {
    this.stamp++;
    this.count = 0;
  }

  add(i: number): void {
    if (this.seen[i] === this.stamp) return;
    this.seen[i] = this.stamp;
    this.count++;
  }
}

/** Reusable counters of `sharedFacts`, one set per `candidateFacts` call. */
interface Scratch {
  sharing: DistinctAccounts;
  mailbox: DistinctAccounts;
  crossing: DistinctAccounts;
}

function sharedFacts(
  projection: Projection,
  members: number[],
  incidences: CandidateIncidences,
  ci: number,
  config: DetectionConfig,
  money: MemberMoney,
  scratch: Scratch,
) {
  const ids = projection.identifiers;
  const { group, position } = incidences;
  const lo = incidences.start[ci];
  const hi = incidences.start[ci + 1];
  const { sharing, mailbox } = scratch;
  sharing.reset();
  mailbox.reset();
  const shared: SharedFact[] = [];
  let homeAccounts = 0;
  let sync: (WindowFact & { identifierKey: number }) | null = null;
  for (let a = lo, b: number; a < hi; a = b) {
    b = runEnd(group, a, hi);
    const accounts = b - a;
    if (accounts < 2) continue;
    const g = group[a];
    const kind = kindOf(ids, g);
    if (PERSONAL.has(kind)) for (let k = a; k < b; k++) sharing.add(ids.members[position[k]]);
    if (kind === 'address') homeAccounts = Math.max(homeAccounts, accounts);
    if (kind === 'email' && ids.start[g + 1] - ids.start[g] >= MAILBOX_MIN_ACCOUNTS) {
      for (let k = a; k < b; k++) {
        const i = ids.members[position[k]];
        if (!isPayee(money, i)) mailbox.add(i);
      }
    }
    if (accounts < config.evidence.sharedMinAccounts) continue;
    shared.push({ group: g, identifierKey: ids.keys[g], kind, accounts });
    if (kind === 'device') {
      const w = densestWindow(
        Array.from(position.subarray(a, b), (p) => ids.firstSeen[p]),
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
  const crossHomeAccounts = contactsAcrossHomes(projection, incidences, ci, scratch.crossing);
  shared.sort(
    (a, b) =>
      b.accounts - a.accounts ||
      KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
      a.identifierKey - b.identifierKey,
  );
  return {
    shared,
    sharingAccounts: members.length > 0 ? sharing.count : 0,
    sync,
    homeAccounts,
    crossHomeAccounts,
    mailboxAccounts: mailbox.count,
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

/** Whether a run of incidences is on a phone or email shared by at least two members. */
function isContactRun(ids: SharedIdentifiers, group: Int32Array, a: number, b: number): boolean {
  const kind = kindOf(ids, group[a]);
  return (kind === 'phone' || kind === 'email') && b - a >= 2;
}

/** See `RingFeatures.crossHomeAccounts`, for candidate `ci`. */
function contactsAcrossHomes(
  projection: Projection,
  incidences: CandidateIncidences,
  ci: number,
  crossing: DistinctAccounts,
): number {
  const ids = projection.identifiers;
  const { group, position } = incidences;
  const lo = incidences.start[ci];
  const hi = incidences.start[ci + 1];
  let contacts = false;
  for (let a = lo, b: number; a < hi && !contacts; a = b) {
    b = runEnd(group, a, hi);
    contacts = isContactRun(ids, group, a, b);
  }
  // Most candidates share no phone or email: they need no homes.
  if (!contacts) return 0;
  const homes = new Map<number, number[]>();
  for (let a = lo, b: number; a < hi; a = b) {
    b = runEnd(group, a, hi);
    if (kindOf(ids, group[a]) !== 'address') continue;
    for (let k = a; k < b; k++) {
      const i = ids.members[position[k]];
      const list = homes.get(i);
      if (list) list.push(group[a]);
      else homes.set(i, [group[a]]);
    }
  }
  crossing.reset();
  for (let a = lo, b: number; a < hi; a = b) {
    b = runEnd(group, a, hi);
    if (!isContactRun(ids, group, a, b)) continue;
    for (let x = a; x < b; x++) {
      for (let y = x + 1; y < b; y++) {
        const i = ids.members[position[x]];
        const j = ids.members[position[y]];
        if (sameHome(homes, i, j)) continue;
        crossing.add(i);
        crossing.add(j);
      }
    }
  }
  return crossing.count;
}

/** Whether two members give one postal address; `homes` maps members to their address groups. */
function sameHome(homes: Map<number, number[]>, a: number, b: number): boolean {
  const ha = homes.get(a);
  const hb = homes.get(b);
  return ha !== undefined && hb !== undefined && ha.some((g) => hb.includes(g));
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

/** Money facts of each candidate, by candidate index (columns: no object per candidate). */
interface MoneyFacts {
  /** What the members paid in total. */
  sent: Float64Array;
  /** What they paid each other, and in how many payments. */
  internalAmount: Float64Array;
  internalPayments: Float64Array;
  cycleAccounts: Int32Array;
}

function moneyFlows(
  projection: Projection,
  owner: Int32Array,
  slot: Int32Array,
  candidates: number[][],
  money: MemberMoney,
): MoneyFacts {
  const count = candidates.length;
  const out: MoneyFacts = {
    sent: new Float64Array(count),
    internalAmount: new Float64Array(count),
    internalPayments: new Float64Array(count),
    cycleAccounts: new Int32Array(count),
  };
  candidates.forEach((members, c) => {
    let sent = 0;
    for (const i of members) sent += money.sent[i];
    out.sent[c] = sent;
  });
  const pay = projection.payments;
  const internal: number[] = [];
  for (let e = 0; e < pay.count; e++) {
    const c = owner[pay.payer[e]];
    if (c < 0 || c !== owner[pay.payee[e]]) continue;
    out.internalAmount[c] += pay.amount[e];
    out.internalPayments[c] += pay.payments[e];
    internal.push(e);
  }
  const arcs = arcsByCandidate(pay, owner, slot, internal, count);
  for (let c = 0; c < count; c++) {
    const lo = arcs.start[c];
    const hi = arcs.start[c + 1];
    if (hi - lo < 3) continue;
    const from = arcs.from.subarray(lo, hi);
    out.cycleAccounts[c] = accountsOnCycles(
      candidates[c].length,
      from,
      arcs.to.subarray(lo, hi),
      3,
    );
  }
  return out;
}

/**
 * Payment arcs inside each candidate (CSR), between members numbered by their index in the
 * candidate (`slot`): candidate c's are `from`/`to` entries `start[c]..start[c+1]`. `internal`
 * lists the payment pairs inside some candidate.
 */
function arcsByCandidate(
  pay: Projection['payments'],
  owner: Int32Array,
  slot: Int32Array,
  internal: number[],
  count: number,
) {
  const start = new Int32Array(count + 1);
  for (const e of internal) start[owner[pay.payer[e]] + 1]++;
  for (let c = 0; c < count; c++) start[c + 1] += start[c];
  const next = start.slice(0, count);
  const from = new Int32Array(internal.length);
  const to = new Int32Array(internal.length);
  for (const e of internal) {
    const k = next[owner[pay.payer[e]]]++;
    from[k] = slot[pay.payer[e]];
    to[k] = slot[pay.payee[e]];
  }
  return { start, from, to };
}

/**
 * Number of nodes in strongly connected components of at least `minSize` nodes (Tarjan,
 * iterative), of the directed graph on nodes 0..n-1 with arcs `from[k]` → `to[k]`.
 */
export function accountsOnCycles(
  n: number,
  from: ArrayLike<number>,
  to: ArrayLike<number>,
  minSize: number,
): number {
  const out = outArcs(n, from, to);
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let top = 0;
  // Depth-first frames: a node and the next of its out-arcs to follow.
  const frameNode = new Int32Array(n);
  const frameArc = new Int32Array(n);
  let depth = 0;
  let counter = 0;
  let total = 0;
  const visit = (v: number) => {
    index[v] = low[v] = counter++;
    stack[top++] = v;
    onStack[v] = 1;
    frameNode[depth] = v;
    frameArc[depth++] = out.start[v];
  };
  for (let root = 0; root < n; root++) {
    if (index[root] >= 0) continue;
    visit(root);
    while (depth > 0) {
      const v = frameNode[depth - 1];
      if (frameArc[depth - 1] < out.start[v + 1]) {
        const w = out.targets[frameArc[depth - 1]++];
        if (index[w] < 0) visit(w);
        else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = frameNode[depth - 1];
        low[parent] = Math.min(low[parent], low[v]);
      }
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--top];
          onStack[w] = 0;
          size++;
        } while (w !== v);
        if (size >= minSize) total += size;
      }
    }
  }
  return total;
}

/** Out-arcs of each node as a CSR: node v's targets are `targets[start[v]..start[v+1]]`. */
function outArcs(n: number, from: ArrayLike<number>, to: ArrayLike<number>) {
  const start = new Int32Array(n + 1);
  for (let k = 0; k < from.length; k++) start[from[k] + 1]++;
  for (let v = 0; v < n; v++) start[v + 1] += start[v];
  const next = start.slice(0, n);
  const targets = new Int32Array(from.length);
  for (let k = 0; k < from.length; k++) targets[next[from[k]]++] = to[k];
  return { start, targets };
}
