/**
 * The 0-100 ring score: a sum of evidence points, each signal contributing up to its configured
 * points (`DetectionConfig.scoring.points`) in proportion to its strength in [0, 1]. A ring is
 * flagged at `scoring.threshold` (default 50).
 *
 * Strengths (n = members, H = `householdMaxSize`):
 * - sharing = members sharing a personal identifier (device, card, phone, email) with another / n;
 * - size = (n - H) / H, in [0, 1]: beyond what a household or a small team explains;
 * - creationBurst = (burst / n - 0.5) / 0.4 when at least 3 members were created within
 *   `burstHours`: half a family signing up together is normal, 90% of a group is a batch;
 * - burstAcrossHomes = creationBurst, when at least 3 members share a personal identifier and no
 *   two members give the same postal address: a family opening accounts together does it at one
 *   home; strangers opening accounts together on shared devices are an account farm. Worth less
 *   than a threshold on its own with sharing and burst (other evidence is still needed);
 * - syncFirstUse = (sync / n - 0.3) / 0.5 when at least 3 members first used one device within
 *   `syncHours`: one operator setting accounts up;
 * - chargebacks = (share of members with a chargeback on a payment made or received - 0.1) / 0.4,
 *   when at least 2 members have one (honest people see the odd dispute);
 * - bustOut = chargebacks per member - 1.5 (full at 2.5), when at least 3 in 4 members (and at
 *   least 2) that are not shops have a chargeback: customers dispute the odd payment, and a few
 *   who paid one failing merchant see one or two each; a bust-out charges back on every account,
 *   repeatedly (shops, which receive disputes, are not counted);
 * - fraudLabels = fraud-labelled share / 0.2 (labels are sparse and sometimes wrong: they add
 *   points but are never needed);
 * - moneyFlow = (share of the money members paid that went to other members - 0.3) / 0.3:
 *   people spend at merchants; layering keeps money moving inside;
 * - passThrough = (share of members whose money in and out balance - 0.25) / 0.4, when at least
 *   3 do: relays pass on what they receive (the classic mule pattern); about 1 in 10 people
 *   balance by chance, so most of a group doing it is a strong signal on its own;
 * - moneyCycles = (share of members on a directed payment cycle - 0.3) / 0.4, times
 *   (moneyInside - 0.5) / 0.3, when at least 3 are on one: money sent round a closed loop
 *   (round-tripping, a layering typology). Friends settle up in small cycles too, but spend most
 *   of their money outside the group, so both parts are needed;
 * - contactsAcrossHomes = (members sharing a phone or email with a member at another address
 *   - H) / H: a family shares a landline at one home; a few phones and emails reused behind many
 *   addresses are the fabricated details of synthetic identities;
 * - sharedMailbox = (members on one email given by at least 3 accounts / n) / 0.5, when at least
 *   3 are: a couple may share a mailbox, but three customers signing up with one are one person's
 *   fabricated identities;
 * - dormantWake = (wake / n - 0.3) / 0.5 when at least 3 members first became active within
 *   `wakeHours` of each other after at least `dormantDays` of silence since their creation (and
 *   the start of the data): sleeper accounts opened long ago and switched on together by one
 *   operator. People start using an account soon after opening it, and on their own schedule.
 *
 * Two caps keep legitimate shapes below the threshold (score at most threshold - 1):
 * - corroboration: with fewer than `minBehaviourPoints` from burst (at home or across homes),
 *   synchronised use, chargebacks, bust-out, labels, pass-through, contacts across homes, shared
 *   mailbox and dormant wake, structure and money kept inside (an office, a club with a kiosk, a
 *   large family) is never a ring. Money going round among the members is not corroboration
 *   either: a club collecting fees and paying out, or friends settling up, send money round
 *   loops and keep it inside; round-tripping rings also relay it (pass-through) or do harm;
 * - households: a group of at most H members, at least half of whom give one postal address, is
 *   flagged only with harm evidence (at least 2 fraud labels, or chargebacks on more than half
 *   the members, at least 2, and at least one per member) or a shared mailbox (3+ members on one
 *   email). Families share an address, a tablet and a card, sign up together and pay each other;
 *   those are not collusion. They do not open three accounts with one email.
 * When at least half the members carry a `legit` label, the score is multiplied by `legitDamping`.
 */
import type { DetectionConfig } from './config';
import type { RingFeatures } from './features';

export type SignalName = keyof DetectionConfig['scoring']['points'];

const clamp01 = (x: number) => (x <= 0 || !Number.isFinite(x) ? 0 : x >= 1 ? 1 : x);

/** Strength in [0, 1] of every signal of a candidate. */
export function signalStrengths(
  f: RingFeatures,
  config: DetectionConfig,
): Record<SignalName, number> {
  const n = Math.max(1, f.size);
  const household = config.scoring.householdMaxSize;
  const burst = f.burstAccounts >= 3 ? clamp01((f.burstAccounts / n - 0.5) / 0.4) : 0;
  return {
    sharing: clamp01(f.sharingAccounts / n),
    size: clamp01((f.size - household) / household),
    creationBurst: burst,
    burstAcrossHomes: f.homeAccounts <= 1 && f.sharingAccounts >= 3 ? burst : 0,
    syncFirstUse: f.syncAccounts >= 3 ? clamp01((f.syncAccounts / n - 0.3) / 0.5) : 0,
    chargebacks: f.chargebackAccounts >= 2 ? clamp01((f.chargebackAccounts / n - 0.1) / 0.4) : 0,
    bustOut:
      f.disputedAccounts >= 2 && f.disputedAccounts * 4 >= 3 * f.size
        ? clamp01(f.disputes / n - 1.5)
        : 0,
    fraudLabels: clamp01(f.fraudLabels / n / 0.2),
    moneyFlow: clamp01((f.moneyInside - 0.3) / 0.3),
    passThrough: f.passThroughAccounts >= 3 ? clamp01((f.passThroughAccounts / n - 0.25) / 0.4) : 0,
    moneyCycles:
      f.cycleAccounts >= 3
        ? clamp01((f.cycleAccounts / n - 0.3) / 0.4) * clamp01((f.moneyInside - 0.5) / 0.3)
        : 0,
    contactsAcrossHomes: clamp01((f.crossHomeAccounts - household) / household),
    sharedMailbox: f.mailboxAccounts >= 3 ? clamp01(f.mailboxAccounts / n / 0.5) : 0,
    dormantWake: f.wakeAccounts >= 3 ? clamp01((f.wakeAccounts / n - 0.3) / 0.5) : 0,
  };
}

/** Signals that corroborate structure; money kept inside or sent round is not one (clubs and families do it). */
const CORROBORATING: SignalName[] = [
  'creationBurst',
  'burstAcrossHomes',
  'syncFirstUse',
  'chargebacks',
  'bustOut',
  'fraudLabels',
  'passThrough',
  'contactsAcrossHomes',
  'sharedMailbox',
  'dormantWake',
];

/** A home: a small group most of whose members give one postal address. */
export function isHousehold(f: RingFeatures, config: DetectionConfig): boolean {
  return f.size <= config.scoring.householdMaxSize && f.homeAccounts * 2 >= f.size;
}

/**
 * Harm evidence: at least two fraud labels, or chargebacks on most members averaging one per
 * member (a family sees the odd dispute, and two members who paid a failing merchant may both
 * see several; a bust-out charges back on nearly every account).
 */
export function hasHarm(f: RingFeatures): boolean {
  return (
    f.fraudLabels >= 2 ||
    (f.chargebackAccounts >= 2 && f.chargebackAccounts * 2 > f.size && f.chargebacks >= f.size)
  );
}

/** Score 0-100 (one decimal) of a candidate's features. */
export function scoreRing(f: RingFeatures, config: DetectionConfig): number {
  const s = signalStrengths(f, config);
  const points = config.scoring.points;
  let total = 0;
  let behaviour = 0;
  for (const name of Object.keys(points) as SignalName[]) {
    const p = points[name] * s[name];
    total += p;
    if (CORROBORATING.includes(name)) behaviour += p;
  }
  const cap = config.scoring.threshold - 1;
  if (behaviour < config.scoring.minBehaviourPoints) total = Math.min(total, cap);
  if (isHousehold(f, config) && !hasHarm(f) && f.mailboxAccounts < 3) total = Math.min(total, cap);
  if (f.legitLabels * 2 >= f.size && f.size > 0) total *= config.scoring.legitDamping;
  return Math.round(Math.min(100, total) * 10) / 10;
}

/** Whether a score is flagged under the configured threshold. */
export function isFlagged(score: number, config: DetectionConfig): boolean {
  return score >= config.scoring.threshold;
}
