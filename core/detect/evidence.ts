/**
 * Evidence a person can read: one function per kind, each returning the contract's
 * `{kind, value?, accounts?, ...}` plus the sentence (`text`) an investigator sees, e.g.
 * "9 of 12 accounts used device d-41f", "10 of 12 accounts were created within 36 hours (3 May 2026)".
 * Dates are UTC and spelled out so a sentence means the same to every reader.
 */
import type { Evidence, IdentifierKind } from '../types';
import type { CandidateFacts, SharedFact, WindowFact } from './features';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const HOUR = 3_600_000;

/** "3 May 2026" (UTC). */
export function formatDay(t: number): string {
  const d = new Date(t);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** "3 May 2026" or "3 May 2026 to 5 May 2026" (UTC). */
export function formatSpan(start: number, end: number): string {
  const a = formatDay(start);
  const b = formatDay(end);
  return a === b ? a : `${a} to ${b}`;
}

/** Whole hours covering a span, at least 1. */
export function spanHours(start: number, end: number): number {
  return Math.max(1, Math.ceil((end - start) / HOUR));
}

const VERB: Record<IdentifierKind, string> = {
  device: 'used device',
  card: 'paid with card',
  phone: 'gave phone',
  email: 'gave email',
  address: 'gave address',
  ip: 'connected from IP',
};

/** `shared_<kind>`: "9 of 12 accounts used device d-41f". */
export function sharedIdentifierEvidence(
  fact: Pick<SharedFact, 'kind' | 'accounts'>,
  size: number,
  value: string,
): Evidence {
  return {
    kind: `shared_${fact.kind}`,
    value,
    accounts: fact.accounts,
    text: `${fact.accounts} of ${size} accounts ${VERB[fact.kind]} ${value}`,
  };
}

/** `synchronised_first_use`: "9 of 12 accounts first used device d-41f within 36 hours (3 May 2026)". */
export function synchronisedFirstUseEvidence(
  sync: WindowFact,
  size: number,
  device: string,
): Evidence {
  const hours = spanHours(sync.start, sync.end);
  return {
    kind: 'synchronised_first_use',
    value: device,
    accounts: sync.accounts,
    hours,
    text: `${sync.accounts} of ${size} accounts first used device ${device} within ${hours} ${hours === 1 ? 'hour' : 'hours'} (${formatSpan(sync.start, sync.end)})`,
  };
}

/** `creation_burst`: "10 of 12 accounts were created within 36 hours (3 May 2026)". */
export function creationBurstEvidence(burst: WindowFact, size: number): Evidence {
  const hours = spanHours(burst.start, burst.end);
  return {
    kind: 'creation_burst',
    accounts: burst.accounts,
    hours,
    text: `${burst.accounts} of ${size} accounts were created within ${hours} ${hours === 1 ? 'hour' : 'hours'} (${formatSpan(burst.start, burst.end)})`,
  };
}

/** `chargebacks`: "4 chargebacks on payments made or received by 3 of 12 accounts". */
export function chargebacksEvidence(chargebacks: number, accounts: number, size: number): Evidence {
  return {
    kind: 'chargebacks',
    accounts,
    count: chargebacks,
    text: `${chargebacks} ${chargebacks === 1 ? 'chargeback' : 'chargebacks'} on payments made or received by ${accounts} of ${size} accounts`,
  };
}

/** `fraud_labels`: "3 of 12 accounts are labelled fraud by earlier investigations". */
export function fraudLabelsEvidence(fraud: number, size: number): Evidence {
  return {
    kind: 'fraud_labels',
    accounts: fraud,
    text: `${fraud} of ${size} accounts ${fraud === 1 ? 'is' : 'are'} labelled fraud by earlier investigations`,
  };
}

/** `money_cycle`: "5 of 12 accounts pass money round in a cycle". */
export function moneyCycleEvidence(accounts: number, size: number): Evidence {
  return {
    kind: 'money_cycle',
    accounts,
    text: `${accounts} of ${size} accounts pass money round in a cycle`,
  };
}

/** `money_inside`: "78% of the money the 12 accounts paid went to other members (41 payments)". */
export function moneyInsideEvidence(share: number, payments: number, size: number): Evidence {
  const percent = Math.round(share * 100);
  return {
    kind: 'money_inside',
    share: Math.round(share * 1000) / 1000,
    payments,
    text: `${percent}% of the money the ${size} accounts paid went to other members (${payments} ${payments === 1 ? 'payment' : 'payments'})`,
  };
}

/** `pass_through`: "9 of 14 accounts passed on about what they received". */
export function passThroughEvidence(accounts: number, size: number): Evidence {
  return {
    kind: 'pass_through',
    accounts,
    text: `${accounts} of ${size} accounts passed on about what they received (money in close to money out)`,
  };
}

/** `contacts_across_homes`: "13 of 16 accounts share a phone or email with a member at another address". */
export function contactsAcrossHomesEvidence(accounts: number, size: number): Evidence {
  return {
    kind: 'contacts_across_homes',
    accounts,
    text: `${accounts} of ${size} accounts share a phone or email with a member at another address`,
  };
}

/** `shared_mailbox`: "4 of 5 accounts gave an email that 3 or more accounts gave". */
export function sharedMailboxEvidence(accounts: number, size: number): Evidence {
  return {
    kind: 'shared_mailbox',
    accounts,
    text: `${accounts} of ${size} accounts gave an email that 3 or more accounts gave`,
  };
}

/**
 * `dormant_wake`: "4 of 4 accounts, created by 26 Nov 2021, first became active within 20 hours
 * (23 Mar 2026)".
 */
export function dormantWakeEvidence(
  wake: WindowFact & { createdBefore: number },
  size: number,
): Evidence {
  const hours = spanHours(wake.start, wake.end);
  const created = Number.isFinite(wake.createdBefore)
    ? `, created by ${formatDay(wake.createdBefore)},`
    : '';
  return {
    kind: 'dormant_wake',
    accounts: wake.accounts,
    hours,
    text: `${wake.accounts} of ${size} accounts${created} first became active within ${hours} ${hours === 1 ? 'hour' : 'hours'} (${formatSpan(wake.start, wake.end)})`,
  };
}

/** Contacts shared across homes are worth saying from this many accounts on (more than a couple). */
export const CONTACTS_ACROSS_HOMES_MIN_ACCOUNTS = 3;

/** Money staying inside is worth saying from this share on. */
export const MONEY_INSIDE_MIN_SHARE = 0.25;

/**
 * All evidence of a candidate in a fixed order: shared identifiers (most shared first, at most
 * `maxShared`), synchronised first use, creation burst, chargebacks, fraud labels, money cycle,
 * money inside, pass-through, contacts across homes, shared mailbox, dormant wake. `display` gives the shown value of an identifier key.
 */
export function buildEvidence(
  facts: CandidateFacts,
  display: (identifierKey: number) => string,
  maxShared: number,
): Evidence[] {
  const f = facts.features;
  const out: Evidence[] = facts.shared
    .slice(0, maxShared)
    .map((s) => sharedIdentifierEvidence(s, f.size, display(s.identifierKey)));
  if (facts.sync && facts.sync.accounts >= 3)
    out.push(synchronisedFirstUseEvidence(facts.sync, f.size, display(facts.sync.identifierKey)));
  if (facts.burst && facts.burst.accounts >= 3)
    out.push(creationBurstEvidence(facts.burst, f.size));
  if (f.chargebacks > 0) out.push(chargebacksEvidence(f.chargebacks, f.chargebackAccounts, f.size));
  if (f.fraudLabels > 0) out.push(fraudLabelsEvidence(f.fraudLabels, f.size));
  if (f.cycleAccounts > 0) out.push(moneyCycleEvidence(f.cycleAccounts, f.size));
  if (f.moneyInside >= MONEY_INSIDE_MIN_SHARE && f.internalPayments > 0)
    out.push(moneyInsideEvidence(f.moneyInside, f.internalPayments, f.size));
  if (f.passThroughAccounts >= 2) out.push(passThroughEvidence(f.passThroughAccounts, f.size));
  if (f.crossHomeAccounts >= CONTACTS_ACROSS_HOMES_MIN_ACCOUNTS)
    out.push(contactsAcrossHomesEvidence(f.crossHomeAccounts, f.size));
  if (f.mailboxAccounts >= 3) out.push(sharedMailboxEvidence(f.mailboxAccounts, f.size));
  if (facts.wake && facts.wake.accounts >= 3) out.push(dormantWakeEvidence(facts.wake, f.size));
  return out;
}
