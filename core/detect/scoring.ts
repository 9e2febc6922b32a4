/**
 * The 0-100 ring score: a sum of evidence points, each signal contributing up to its configured
 * points (`DetectionConfig.scoring.points`) in proportion to its strength in [0, 1]. A ring is
 * flagged at `scoring.threshold` (default 50).
 *
 * Strengths (n = members):
 * - sharing = members sharing a personal identifier with another member / n;
 * - size = (n - householdMaxSize) / householdMaxSize, in [0, 1];
 * - creationBurst = (burst / n - 0.5) / 0.4 when at least 3 members were created within
 *   `burstHours`: half the group at once is chance in a household, 90% is a batch;
 * - syncFirstUse = (sync / n - 0.3) / 0.5 when at least 3 members first used one device within `syncHours`;
 * - chargebacks = members with a chargeback / n / 0.3, when at least 2 members have one;
 * - fraudLabels = fraud-labelled members / n / 0.3 (labels are sparse and sometimes wrong: they
 *   add points but are never needed);
 * - moneyLoop = half the share of members on a payment cycle of 3 or more, plus half the share of
 *   money that stays inside.
 * Corroboration: structure alone (sharing, size) makes an office or a large family look alike to a
 * ring, so without any behavioural signal (burst, synchronised first use, chargebacks, labels,
 * money loop) the score is capped below the threshold. When at least half the members carry a
 * `legit` label, the score is multiplied by `legitDamping`.
 */
import type { DetectionConfig } from './config';
import type { RingFeatures } from './features';

export type SignalName = keyof DetectionConfig['scoring']['points'];

const clamp01 = (x: number) => (x <= 0 || !Number.isFinite(x) ? 0 : x >= 1 ? 1 : x);

/** Strength in [0, 1] of every signal of a candidate. */
export function signalStrengths(f: RingFeatures, config: DetectionConfig): Record<SignalName, number> {
  const n = Math.max(1, f.size);
  const household = config.scoring.householdMaxSize;
  return {
    sharing: clamp01(f.sharingAccounts / n),
    size: clamp01((f.size - household) / household),
    creationBurst: f.burstAccounts >= 3 ? clamp01((f.burstAccounts / n - 0.5) / 0.4) : 0,
    syncFirstUse: f.syncAccounts >= 3 ? clamp01((f.syncAccounts / n - 0.3) / 0.5) : 0,
    chargebacks: f.chargebackAccounts >= 2 ? clamp01(f.chargebackAccounts / n / 0.3) : 0,
    fraudLabels: clamp01(f.fraudLabels / n / 0.3),
    moneyLoop: clamp01(0.5 * (f.cycleAccounts / n) + 0.5 * f.moneyInside),
  };
}

const BEHAVIOURAL: SignalName[] = ['creationBurst', 'syncFirstUse', 'chargebacks', 'fraudLabels', 'moneyLoop'];

/** Score 0-100 (one decimal) of a candidate's features. */
export function scoreRing(f: RingFeatures, config: DetectionConfig): number {
  const s = signalStrengths(f, config);
  const points = config.scoring.points;
  let total = 0;
  let behaviour = 0;
  for (const name of Object.keys(points) as SignalName[]) {
    const p = points[name] * s[name];
    total += p;
    if (BEHAVIOURAL.includes(name)) behaviour += p;
  }
  if (behaviour < 1) total = Math.min(total, config.scoring.threshold - 1);
  if (f.legitLabels * 2 >= f.size && f.size > 0) total *= config.scoring.legitDamping;
  return Math.round(Math.min(100, total) * 10) / 10;
}

/** Whether a score is flagged under the configured threshold. */
export function isFlagged(score: number, config: DetectionConfig): boolean {
  return score >= config.scoring.threshold;
}
