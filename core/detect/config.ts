/**
 * Every weight, cut-off and threshold of ring detection, in one documented object.
 *
 * Each value says why it is what it is. The defaults aim at signals that hold for collusive
 * fraud in general (rare shared identifiers, creation bursts, synchronised first use, money that
 * stays inside, chargebacks), not at the shape of any one synthetic generator. A run stores the
 * full object it used (`RunRecord.params.detection`), so a ring can always be explained by the
 * parameters that produced it.
 */
import type { IdentifierKind } from '../types';

export interface DetectionConfig {
  projection: {
    /**
     * Weight of a link made by one shared identifier of each kind when only two accounts share it.
     * Device, card and email are personal: two strangers rarely share them. A phone is personal
     * but recycled by carriers. An address is shared by every household, flat-share and building
     * (weak on its own). An IP is shared by NAT, mobile carriers and cafés (weakest).
     */
    identifierWeights: Record<IdentifierKind, number>;
    /**
     * An identifier shared by more than this many accounts adds no edges at all: a public Wi-Fi
     * IP, a payment processor's device, a mail-drop address. Above these sizes a shared value
     * says nothing about collusion and its clique (k² pairs) would glue unrelated rings together.
     * Below the cut the weight falls with the number k of sharers like an inverse document
     * frequency: `w = kindWeight * ln((cut + 1) / k) / ln((cut + 1) / 2)`, 1 at k = 2, 0 at k = cut + 1.
     */
    hubCutoffs: Record<IdentifierKind, number>;
    /** Weight of a payment link per log2(1 + payments) between two accounts, either direction. */
    paymentWeight: number;
    /**
     * An account paid by or paying more distinct accounts than this (a merchant, a payroll or
     * marketplace account) adds no payment edges: paying the same shop is not collusion.
     */
    paymentHubCutoff: number;
    /**
     * Links whose summed weight stays below this are dropped: an IP shared by 35 people or an
     * apartment block's address says nothing on its own, and such links only glue otherwise
     * separate components into one giant component (slower, and a resolution-limit trap).
     */
    minEdgeWeight: number;
  };
  communities: {
    /** Louvain resolution (gamma). 1 is classic modularity; higher finds smaller communities. */
    resolution: number;
    /** Components smaller than this are taken whole: Louvain cannot say more about a handful of nodes. */
    louvainMinSize: number;
    /**
     * Refinement: a community larger than this is re-partitioned on its own induced subgraph,
     * which removes the resolution limit of modularity (Fortunato & Barthélemy 2007) as in the
     * recursive partitioning of Ruan & Zhang (2008), so a dense 5-account ring inside a
     * 150-account community is separated. Equal to the largest household: anything bigger may
     * be a ring glued to its surroundings.
     */
    refineAbove: number;
    /**
     * A part of a refined community is peeled off only if at most this share of its weight leaves
     * it (conductance). Two halves of one ring joined by a shared card cut ~20-40% of their
     * weight; a ring tied to a household by one payment cuts ~2%.
     */
    refineMaxConductance: number;
    /** How many times a community may be re-split. */
    refineMaxDepth: number;
  };
  candidates: {
    /** Communities smaller than this are never rings (a pair is a couple, not a ring). */
    minSize: number;
    /**
     * Two flagged candidates are one ring when the weight between them is at least this share of
     * the smaller one's boundary weight (see stitch.ts): a mule chain split at its weak links.
     */
    stitchMinShare: number;
    /** A flagged ring drops members with less than this share of their link weight inside it (see trim.ts). */
    trimMinInsideShare: number;
    /**
     * Relays (see relay.ts): a payment pair between two accounts that pass on what they receive
     * joins a flagged ring when it carries at least this share of the payer's outflow or the
     * payee's inflow (the dominant flow)...
     */
    relayMinShare: number;
    /** ...and the money moved on within this many hours of arriving (mules forward fast). */
    relayHours: number;
    /**
     * Communities scoring below this are not kept as candidates (not stored, not in lineage): a
     * pair of weak shared identifiers and no behaviour is nothing to review. About one community
     * in seven of generated data reaches 20; storing the rest would dominate the run's cost.
     */
    minScore: number;
  };
  evidence: {
    /** Accounts created within this many hours of each other form a creation burst. */
    burstHours: number;
    /** First uses of one shared device within this many hours are synchronised. */
    syncHours: number;
    /**
     * An account is dormant when its first activity seen (first payment to or from a
     * non-merchant, first sighting on a shared identifier) comes at least this many days after
     * both its creation and the start of activity in the data...
     */
    dormantDays: number;
    /** ...and dormant accounts waking within this many hours of each other woke together. */
    wakeHours: number;
    /** An identifier is evidence when at least this many members share it... */
    sharedMinAccounts: number;
    /** ...and at most this many evidence items of shared identifiers are kept per ring. */
    maxSharedItems: number;
  };
  scoring: {
    /** A ring is flagged at or above this score (0-100). */
    threshold: number;
    /** Points of each signal at full strength; the score is their sum, capped at 100 (see scoring.ts). */
    points: {
      /** Personal identifiers (device, card, phone, email) shared among members: the collusion itself. */
      sharing: number;
      /** Size beyond a household (more than `householdMaxSize` members tightly linked). */
      size: number;
      /** Accounts created within `burstHours`: fraudsters open accounts in batches. */
      creationBurst: number;
      /**
       * The same burst among members sharing personal identifiers but no postal address: a family
       * signs up together at home; strangers opening accounts together on shared devices are a farm.
       */
      burstAcrossHomes: number;
      /** First use of a shared device within `syncHours`: one operator setting up many accounts. */
      syncFirstUse: number;
      /** Members with chargebacks: the harm signal. */
      chargebacks: number;
      /** Repeated chargebacks on nearly every member (shops aside): a bust-out, not the odd dispute. */
      bustOut: number;
      /** Share of members with a fraud label (a minority, sometimes wrong: never required). */
      fraudLabels: number;
      /** Money the members pay each other rather than the outside world: layering. */
      moneyFlow: number;
      /** Members passing on what they receive (money in ≈ money out): relays, money mules. */
      passThrough: number;
      /** Money going round: most members on a payment cycle and most money kept inside (round-tripping). */
      moneyCycles: number;
      /** One phone or email behind more homes than a family has: reused details of fabricated identities. */
      contactsAcrossHomes: number;
      /** One mailbox behind three or more accounts: a couple may share an email, a family does not sign up three times with one. */
      sharedMailbox: number;
      /** Long-dormant accounts becoming active together: sleeper accounts switched on by one operator. */
      dormantWake: number;
    };
    /**
     * Corroboration: structure plus money kept inside (or sent round a loop) is what clubs,
     * flat-shares and families look like, so a ring needs at least this many points from the
     * other behavioural signals (burst, synchronised use, chargebacks, bust-out, labels,
     * pass-through, contacts across homes, shared mailbox, dormant wake); the odd dispute in a
     * club (a few points) is not enough.
     */
    minBehaviourPoints: number;
    /** Up to this many members a group giving one address may be a household. */
    householdMaxSize: number;
    /** Share of members with a legit label that removes the label signal and halves the score. */
    legitDamping: number;
  };
}

/** The defaults, with the rationale of each value in `DetectionConfig`. */
export const DEFAULT_DETECTION_CONFIG: DetectionConfig = Object.freeze({
  projection: {
    identifierWeights: { device: 1, card: 1, email: 1, phone: 0.8, address: 0.5, ip: 0.3 },
    hubCutoffs: { device: 50, card: 30, email: 10, phone: 15, address: 30, ip: 40 },
    paymentWeight: 0.5,
    paymentHubCutoff: 50,
    minEdgeWeight: 0.05,
  },
  communities: {
    resolution: 1,
    louvainMinSize: 6,
    refineAbove: 6,
    refineMaxConductance: 0.15,
    refineMaxDepth: 3,
  },
  candidates: {
    minSize: 3,
    stitchMinShare: 0.2,
    trimMinInsideShare: 0.35,
    relayMinShare: 0.5,
    relayHours: 72,
    minScore: 20,
  },
  evidence: {
    burstHours: 72,
    syncHours: 48,
    dormantDays: 90,
    wakeHours: 72,
    sharedMinAccounts: 3,
    maxSharedItems: 4,
  },
  scoring: {
    threshold: 50,
    points: {
      sharing: 20,
      size: 15,
      creationBurst: 15,
      burstAcrossHomes: 10,
      syncFirstUse: 15,
      chargebacks: 20,
      bustOut: 15,
      fraudLabels: 20,
      moneyFlow: 15,
      passThrough: 35,
      moneyCycles: 20,
      contactsAcrossHomes: 15,
      sharedMailbox: 20,
      dormantWake: 20,
    },
    minBehaviourPoints: 5,
    householdMaxSize: 6,
    legitDamping: 0.5,
  },
}) as DetectionConfig;

/** Deep-merges a partial override into the defaults (used by tests and benchmarks). */
export function detectionConfig(overrides: DeepPartial<DetectionConfig> = {}): DetectionConfig {
  return merge(DEFAULT_DETECTION_CONFIG, overrides) as DetectionConfig;
}

export type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };

function merge(base: unknown, over: unknown): unknown {
  if (over === undefined) return structuredClone(base);
  if (typeof base !== 'object' || base === null || typeof over !== 'object' || over === null)
    return over;
  const out: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) {
    out[key] = merge(
      (base as Record<string, unknown>)[key],
      (over as Record<string, unknown>)[key],
    );
  }
  return out;
}
