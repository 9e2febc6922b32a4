import {
  buildEvidence,
  chargebacksEvidence,
  contactsAcrossHomesEvidence,
  creationBurstEvidence,
  dormantWakeEvidence,
  formatSpan,
  fraudLabelsEvidence,
  moneyCycleEvidence,
  moneyInsideEvidence,
  passThroughEvidence,
  sharedIdentifierEvidence,
  sharedMailboxEvidence,
  synchronisedFirstUseEvidence,
} from '../../core/detect/evidence';
import type { CandidateFacts } from '../../core/detect/features';

const MAY3 = Date.UTC(2026, 4, 3, 8, 0);
const H = 3_600_000;

describe('evidence sentences', () => {
  it('shared identifiers, one verb per kind', () => {
    expect(sharedIdentifierEvidence({ kind: 'device', accounts: 9 }, 12, 'd-41f')).toEqual({
      kind: 'shared_device',
      value: 'd-41f',
      accounts: 9,
      text: '9 of 12 accounts used device d-41f',
    });
    expect(sharedIdentifierEvidence({ kind: 'card', accounts: 5 }, 8, '4111 **** 0077').text).toBe(
      '5 of 8 accounts paid with card 4111 **** 0077',
    );
    expect(
      sharedIdentifierEvidence({ kind: 'phone', accounts: 3 }, 4, '+44 20 7946 0018').text,
    ).toBe('3 of 4 accounts gave phone +44 20 7946 0018');
    expect(sharedIdentifierEvidence({ kind: 'email', accounts: 3 }, 3, 'a@x.io').text).toBe(
      '3 of 3 accounts gave email a@x.io',
    );
    expect(sharedIdentifierEvidence({ kind: 'address', accounts: 6 }, 7, '1 Elm Street').text).toBe(
      '6 of 7 accounts gave address 1 Elm Street',
    );
    expect(sharedIdentifierEvidence({ kind: 'ip', accounts: 4 }, 5, '10.0.0.7').kind).toBe(
      'shared_ip',
    );
    expect(sharedIdentifierEvidence({ kind: 'ip', accounts: 4 }, 5, '10.0.0.7').text).toBe(
      '4 of 5 accounts connected from IP 10.0.0.7',
    );
  });

  it('synchronised first use of a device', () => {
    expect(
      synchronisedFirstUseEvidence({ accounts: 9, start: MAY3, end: MAY3 + 36 * H }, 12, 'd-41f'),
    ).toEqual({
      kind: 'synchronised_first_use',
      value: 'd-41f',
      accounts: 9,
      hours: 36,
      text: '9 of 12 accounts first used device d-41f within 36 hours (3 May 2026 to 4 May 2026)',
    });
    expect(
      synchronisedFirstUseEvidence({ accounts: 3, start: MAY3, end: MAY3 + 10 * 60_000 }, 3, 'd-1')
        .text,
    ).toBe('3 of 3 accounts first used device d-1 within 1 hour (3 May 2026)');
  });

  it('creation burst', () => {
    expect(creationBurstEvidence({ accounts: 10, start: MAY3, end: MAY3 + 35.5 * H }, 12)).toEqual({
      kind: 'creation_burst',
      accounts: 10,
      hours: 36,
      text: '10 of 12 accounts were created within 36 hours (3 May 2026 to 4 May 2026)',
    });
  });

  it('chargebacks, labels and money', () => {
    expect(chargebacksEvidence(4, 3, 12)).toEqual({
      kind: 'chargebacks',
      accounts: 3,
      count: 4,
      text: '4 chargebacks on payments made or received by 3 of 12 accounts',
    });
    expect(chargebacksEvidence(1, 1, 5).text).toBe(
      '1 chargeback on payments made or received by 1 of 5 accounts',
    );
    expect(fraudLabelsEvidence(3, 12).text).toBe(
      '3 of 12 accounts are labelled fraud by earlier investigations',
    );
    expect(fraudLabelsEvidence(1, 12).text).toBe(
      '1 of 12 accounts is labelled fraud by earlier investigations',
    );
    expect(moneyCycleEvidence(5, 12)).toEqual({
      kind: 'money_cycle',
      accounts: 5,
      text: '5 of 12 accounts pass money round in a cycle',
    });
    expect(moneyInsideEvidence(0.7812, 41, 12)).toEqual({
      kind: 'money_inside',
      share: 0.781,
      payments: 41,
      text: '78% of the money the 12 accounts paid went to other members (41 payments)',
    });
  });

  it('pass-through', () => {
    expect(passThroughEvidence(9, 14)).toEqual({
      kind: 'pass_through',
      accounts: 9,
      text: '9 of 14 accounts passed on about what they received (money in close to money out)',
    });
  });

  it('contacts across homes', () => {
    expect(contactsAcrossHomesEvidence(13, 16)).toEqual({
      kind: 'contacts_across_homes',
      accounts: 13,
      text: '13 of 16 accounts share a phone or email with a member at another address',
    });
  });

  it('shared mailbox and dormant accounts waking together', () => {
    expect(sharedMailboxEvidence(3, 4)).toEqual({
      kind: 'shared_mailbox',
      accounts: 3,
      text: '3 of 4 accounts gave an email that 3 or more accounts gave',
    });
    const wake = {
      accounts: 4,
      start: Date.UTC(2026, 2, 23, 0, 59),
      end: Date.UTC(2026, 2, 23, 20, 36),
      createdBefore: Date.UTC(2021, 10, 26, 16, 54),
    };
    // 19 h 37 min rounds up to 20 hours
    expect(dormantWakeEvidence(wake, 4)).toEqual({
      kind: 'dormant_wake',
      accounts: 4,
      hours: 20,
      text: '4 of 4 accounts, created by 26 Nov 2021, first became active within 20 hours (23 Mar 2026)',
    });
    expect(dormantWakeEvidence({ ...wake, createdBefore: Infinity }, 5).text).toBe(
      '4 of 5 accounts first became active within 20 hours (23 Mar 2026)',
    );
  });

  it('dates are UTC days', () => {
    expect(formatSpan(Date.UTC(2026, 11, 31, 23, 0), Date.UTC(2027, 0, 1, 1, 0))).toBe(
      '31 Dec 2026 to 1 Jan 2027',
    );
    expect(formatSpan(Date.UTC(2026, 8, 1), Date.UTC(2026, 8, 1, 23))).toBe('1 Sep 2026');
  });

  it('buildEvidence orders kinds and leaves out weak facts', () => {
    const facts: CandidateFacts = {
      members: [0, 1, 2, 3],
      features: {
        size: 4,
        density: 1,
        cohesion: 1,
        sharingAccounts: 4,
        sharedIdentifiers: 2,
        fraudLabels: 0,
        legitLabels: 0,
        chargebacks: 2,
        chargebackAccounts: 2,
        burstAccounts: 2,
        syncAccounts: 0,
        cycleAccounts: 0,
        internalPayments: 3,
        moneyInside: 0.2,
        passThroughAccounts: 0,
        homeAccounts: 0,
        crossHomeAccounts: 2,
        disputedAccounts: 2,
        disputes: 2,
        mailboxAccounts: 2,
        wakeAccounts: 2,
      },
      shared: [
        { group: 0, identifierKey: 7, kind: 'device', accounts: 4 },
        { group: 1, identifierKey: 9, kind: 'address', accounts: 3 },
      ],
      burst: { accounts: 2, start: MAY3, end: MAY3 + H },
      sync: null,
      wake: { accounts: 2, start: MAY3, end: MAY3 + H, createdBefore: MAY3 - 400 * 24 * H },
    };
    const texts = buildEvidence(facts, (k) => `v${k}`, 1).map((e) => e.text);
    expect(texts).toEqual([
      '4 of 4 accounts used device v7',
      '2 chargebacks on payments made or received by 2 of 4 accounts',
    ]);
    facts.features.crossHomeAccounts = 3;
    expect(buildEvidence(facts, (k) => `v${k}`, 1).map((e) => e.text)).toContain(
      '3 of 4 accounts share a phone or email with a member at another address',
    );
    // two on a mailbox or two waking together are not said; three are, after contacts across homes
    facts.features.mailboxAccounts = 3;
    facts.wake = { ...(facts.wake as NonNullable<CandidateFacts['wake']>), accounts: 3 };
    expect(buildEvidence(facts, (k) => `v${k}`, 1).map((e) => e.kind)).toEqual([
      'shared_device',
      'chargebacks',
      'contacts_across_homes',
      'shared_mailbox',
      'dormant_wake',
    ]);
  });
});
