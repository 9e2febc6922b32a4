/**
 * Following the money: relays that pass on what they receive, quickly, join the rings they feed.
 *
 * A money-mule network moves funds along chains of accounts, each receiving and passing the money
 * on within hours or days. Its accounts share little else (no device, no address), so the
 * projection links them only by payments, and Louvain cuts such chains into pieces: no one piece
 * holds half the network. Stitching by weight (stitch.ts) cannot join them, because each piece
 * also pays many outsiders.
 *
 * A *relay arc* is a payment pair p → q between two pass-through accounts (money in ≈ money out,
 * see `isPassThrough`) that carries at least `relayMinShare` of what p paid or of what q received
 * in total: the dominant flow out of p or into q. It is *quick* when the money moves on fast:
 * q starts paying on along a relay arc within `relayHours` of the arc's first payment, or p
 * started receiving along a relay arc within `relayHours` before it (first payment times of the
 * aggregated pairs). Honest people who happen to balance in and out (about one in ten) rarely pay each
 * other most of their money, and almost never forward it on the day they receive it.
 *
 * `stitchRelays` joins every flagged candidate with the accounts reachable from its members over
 * quick relay arcs, and with any other flagged candidate so reached. Accounts pulled into a ring
 * leave the (unflagged) candidates they were in. Unflagged candidates are otherwise left alone:
 * a relay chain needs a flagged ring to start from.
 */
import { isPassThrough, type MemberMoney } from './features';
import type { Projection } from './projection';

const HOUR = 3_600_000;

export interface RelayOptions {
  /** Share of the payer's outflow or the payee's inflow an arc must carry (0..1). */
  minShare: number;
  /** How soon money must move on, in hours. */
  hours: number;
}

/** Quick relay arcs (indices into `projection.payments`), ascending. */
export function quickRelayArcs(
  projection: Projection,
  money: MemberMoney,
  opts: RelayOptions,
): number[] {
  const pay = projection.payments;
  const stub = projection.accounts.stub;
  const relay: number[] = [];
  for (let e = 0; e < pay.count; e++) {
    const p = pay.payer[e];
    const q = pay.payee[e];
    if (stub[p] === 1 || stub[q] === 1) continue;
    if (!isPassThrough(money, p) || !isPassThrough(money, q)) continue;
    const share = Math.max(
      money.sent[p] > 0 ? pay.amount[e] / money.sent[p] : 0,
      money.received[q] > 0 ? pay.amount[e] / money.received[q] : 0,
    );
    if (share >= opts.minShare) relay.push(e);
  }
  if (relay.length === 0) return relay;
  // First payment times of each account's relay arcs in and out, ascending.
  const times = (side: Int32Array) => {
    const m = new Map<number, number[]>();
    for (const e of relay) {
      const t = pay.firstAt[e];
      if (!Number.isFinite(t)) continue;
      const list = m.get(side[e]);
      if (list) list.push(t);
      else m.set(side[e], [t]);
    }
    for (const list of m.values()) list.sort((a, b) => a - b);
    return m;
  };
  const into = times(pay.payee);
  const outOf = times(pay.payer);
  const span = opts.hours * HOUR;
  const anyWithin = (list: number[] | undefined, lo: number, hi: number) =>
    list !== undefined && list.some((t) => t >= lo && t <= hi);
  // Quick: the payee passes it on within `span`, or the payer received what it pays within `span` before.
  return relay.filter((e) => {
    const t = pay.firstAt[e];
    if (!Number.isFinite(t)) return false;
    return (
      anyWithin(outOf.get(pay.payee[e]), t, t + span) ||
      anyWithin(into.get(pay.payer[e]), t - span, t)
    );
  });
}

/**
 * Candidates after joining flagged ones with the quick relays reachable from them (see the file
 * header), and the flag of each result. Results keep input order of their first part; a
 * candidate that gained and lost nothing is returned as the same array.
 */
export function stitchRelays(
  projection: Projection,
  candidates: number[][],
  flagged: boolean[],
  money: MemberMoney,
  opts: RelayOptions,
): { candidates: number[][]; flagged: boolean[] } {
  const arcs = quickRelayArcs(projection, money, opts);
  if (arcs.length === 0 || !flagged.some(Boolean)) return { candidates, flagged };
  const n = projection.accounts.count;
  const parent = new Int32Array(n).map((_, i) => i);
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  const pay = projection.payments;
  for (const e of arcs) union(pay.payer[e], pay.payee[e]);
  candidates.forEach((c, ci) => {
    if (flagged[ci]) for (let k = 1; k < c.length; k++) union(c[0], c[k]);
  });
  // Roots that hold a flagged candidate, and every account (in a relay arc or flagged) under them.
  const ringRoot = new Map<number, number[]>();
  candidates.forEach((c, ci) => {
    if (flagged[ci] && c.length > 0) ringRoot.set(find(c[0]), []);
  });
  const taken = new Uint8Array(n);
  const touch = (i: number) => {
    const list = ringRoot.get(find(i));
    if (list === undefined || taken[i] === 1) return;
    taken[i] = 1;
    list.push(i);
  };
  candidates.forEach((c, ci) => {
    if (flagged[ci]) c.forEach(touch);
  });
  for (const e of arcs) {
    touch(pay.payer[e]);
    touch(pay.payee[e]);
  }
  const outCandidates: number[][] = [];
  const outFlagged: boolean[] = [];
  const emitted = new Set<number>();
  candidates.forEach((c, ci) => {
    if (flagged[ci]) {
      const root = find(c[0]);
      if (emitted.has(root)) return;
      emitted.add(root);
      const members = ringRoot.get(root) as number[];
      outCandidates.push(members.length === c.length ? c : members.sort((a, b) => a - b));
      outFlagged.push(true);
    } else {
      const rest = c.filter((i) => taken[i] === 0);
      if (rest.length === 0) return;
      outCandidates.push(rest.length === c.length ? c : rest);
      outFlagged.push(false);
    }
  });
  return { candidates: outCandidates, flagged: outFlagged };
}
