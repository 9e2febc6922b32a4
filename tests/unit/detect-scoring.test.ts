import { DEFAULT_DETECTION_CONFIG } from '../../core/detect/config';
import type { RingFeatures } from '../../core/detect/features';
import { densestWindow, accountsOnCycles } from '../../core/detect/features';
import {
  hasHarm,
  isFlagged,
  isHousehold,
  scoreRing,
  signalStrengths,
} from '../../core/detect/scoring';

const config = DEFAULT_DETECTION_CONFIG;
const base: RingFeatures = {
  size: 4,
  density: 1,
  cohesion: 1,
  sharingAccounts: 0,
  sharedIdentifiers: 0,
  fraudLabels: 0,
  legitLabels: 0,
  chargebacks: 0,
  chargebackAccounts: 0,
  burstAccounts: 0,
  syncAccounts: 0,
  cycleAccounts: 0,
  internalPayments: 0,
  moneyInside: 0,
  passThroughAccounts: 0,
  homeAccounts: 0,
  crossHomeAccounts: 0,
  disputedAccounts: 0,
  disputes: 0,
  mailboxAccounts: 0,
  wakeAccounts: 0,
};

describe('ring score', () => {
  it('a ring with every signal scores its points sum, capped at 100', () => {
    const f = {
      ...base,
      size: 12,
      sharingAccounts: 12,
      burstAccounts: 12,
      syncAccounts: 10,
      chargebackAccounts: 4,
      chargebacks: 5,
      fraudLabels: 2,
      moneyInside: 0.8,
      passThroughAccounts: 6,
    };
    expect(signalStrengths(f, config)).toEqual({
      sharing: 1,
      size: 1,
      creationBurst: 1,
      // no two members give one address: the burst is among strangers sharing devices
      burstAcrossHomes: 1,
      syncFirstUse: 1,
      chargebacks: (4 / 12 - 0.1) / 0.4,
      // chargebacks of members that are not shops are not known here (disputedAccounts 0)
      bustOut: 0,
      fraudLabels: 2 / 12 / 0.2,
      moneyFlow: 1,
      passThrough: (6 / 12 - 0.25) / 0.4,
      moneyCycles: 0,
      contactsAcrossHomes: 0,
      sharedMailbox: 0,
      dormantWake: 0,
    });
    expect(signalStrengths({ ...f, passThroughAccounts: 2, size: 3 }, config).passThrough).toBe(0);
    expect(scoreRing(f, config)).toBe(100);
    const quieter = {
      ...f,
      chargebackAccounts: 0,
      chargebacks: 0,
      syncAccounts: 0,
      passThroughAccounts: 0,
    };
    // 20 sharing + 15 size + 15 burst + 10 burst across homes + 20 * 0.8333 labels + 15 money
    expect(scoreRing(quieter, config)).toBe(91.7);
    expect(isFlagged(scoreRing(f, config), config)).toBe(true);
  });

  it('a household (one address) that signs up together, shares a tablet and pays itself is not flagged', () => {
    const household = {
      ...base,
      size: 4,
      sharingAccounts: 4,
      homeAccounts: 4,
      burstAccounts: 4,
      internalPayments: 7,
      moneyInside: 0.6,
      passThroughAccounts: 2,
    };
    // 20 sharing + 15 burst + 15 money = 50 uncapped (2 relays are chance); a home without harm evidence stays below 50
    expect(scoreRing(household, config)).toBe(49);
    expect(isHousehold(household, config)).toBe(true);
    expect(isFlagged(scoreRing(household, config), config)).toBe(false);
    expect(scoreRing({ ...household, chargebacks: 3, chargebackAccounts: 3 }, config)).toBe(49);
    expect(scoreRing({ ...household, chargebacks: 9, chargebackAccounts: 3 }, config)).toBe(70);
  });

  it('one chargeback or one wrong fraud label in a household does not flag it', () => {
    const f = {
      ...base,
      size: 3,
      sharingAccounts: 3,
      homeAccounts: 3,
      burstAccounts: 3,
      chargebacks: 1,
      chargebackAccounts: 1,
      fraudLabels: 1,
    };
    expect(hasHarm(f)).toBe(false);
    expect(scoreRing(f, config)).toBe(49);
  });

  it('a small group without a common address is flagged on coordination alone', () => {
    const farm = { ...base, size: 5, sharingAccounts: 5, burstAccounts: 5 };
    // 20 sharing + 15 burst + 10 burst across homes: created together is not enough on its own
    expect(scoreRing(farm, config)).toBe(45);
    expect(isFlagged(scoreRing(farm, config), config)).toBe(false);
    // + 15 synchronised first use of one device
    expect(scoreRing({ ...farm, syncAccounts: 5 }, config)).toBe(60);
    // the same group at one address is a family signing up at home: no across-homes points
    expect(scoreRing({ ...farm, homeAccounts: 5 }, config)).toBe(35);
    // two members at one address already make it a home
    expect(signalStrengths({ ...farm, homeAccounts: 2 }, config).burstAcrossHomes).toBe(0);
  });

  it('structure alone (a big group sharing devices, no behaviour) stays below the threshold', () => {
    expect(scoreRing({ ...base, size: 30, sharingAccounts: 30 }, config)).toBe(35);
    expect(
      scoreRing(
        { ...base, size: 40, sharingAccounts: 40, sharedIdentifiers: 9, density: 3, cohesion: 1 },
        config,
      ),
    ).toBe(35);
  });

  it('a batch of accounts sharing devices, set up together, is flagged without labels or chargebacks', () => {
    const farm = { ...base, size: 10, sharingAccounts: 10, burstAccounts: 10, syncAccounts: 9 };
    // 20 sharing + 15 * 4/6 size + 15 burst + 10 burst across homes + 15 sync
    expect(scoreRing(farm, config)).toBe(70);
    expect(scoreRing({ ...farm, legitLabels: 5 }, config)).toBe(35);
  });

  it('a mule chain (money in = money out, staying inside) is flagged without shared identifiers', () => {
    const mules = {
      ...base,
      size: 14,
      fraudLabels: 2,
      internalPayments: 60,
      moneyInside: 0.5,
      passThroughAccounts: 10,
    };
    // 15 size + 20 * (2/14)/0.2 labels + 15 * 0.2/0.3 money + 35 pass-through
    expect(scoreRing(mules, config)).toBe(74.3);
  });

  it('money sent round a closed loop is flagged; friends settling up in a cycle are not', () => {
    const loop = {
      ...base,
      size: 4,
      fraudLabels: 1,
      chargebacks: 1,
      chargebackAccounts: 1,
      cycleAccounts: 4,
      internalPayments: 43,
      moneyInside: 0.93,
      passThroughAccounts: 2,
    };
    expect(signalStrengths(loop, config).moneyCycles).toBe(1);
    // 20 labels + 15 money inside + 20 money cycles
    expect(scoreRing(loop, config)).toBe(55);
    const friends = {
      ...loop,
      fraudLabels: 0,
      chargebacks: 0,
      chargebackAccounts: 0,
      moneyInside: 0.3,
    };
    expect(signalStrengths(friends, config).moneyCycles).toBe(0);
    expect(scoreRing(friends, config)).toBe(0);
    expect(
      signalStrengths({ ...loop, size: 14, cycleAccounts: 6 }, config).moneyCycles,
    ).toBeCloseTo((6 / 14 - 0.3) / 0.4, 10);
  });

  it('a club whose money goes round among its members, with nothing else, is not flagged', () => {
    const club = {
      ...base,
      size: 12,
      sharingAccounts: 7,
      homeAccounts: 4,
      cycleAccounts: 8,
      internalPayments: 42,
      moneyInside: 0.84,
      passThroughAccounts: 2,
    };
    // 20 * 7/12 sharing + 15 size + 15 money inside + 20 * (8/12 - 0.3)/0.4 cycles = 60 uncapped,
    // but cycles and money inside do not corroborate: capped below the threshold
    expect(signalStrengths(club, config).moneyCycles).toBeCloseTo((8 / 12 - 0.3) / 0.4, 10);
    expect(scoreRing(club, config)).toBe(49);
    // one relay more makes a quarter of them pass money on: (3/12 - 0.25) = 0, still capped
    expect(scoreRing({ ...club, passThroughAccounts: 3 }, config)).toBe(49);
    // half of them passing on what they receive is a ring: + 35 * (6/12 - 0.25)/0.4
    expect(scoreRing({ ...club, passThroughAccounts: 6 }, config)).toBe(81.9);
  });

  it('a few phones behind many homes are flagged; a family sharing a landline is not', () => {
    const synthetic = {
      ...base,
      size: 16,
      sharingAccounts: 15,
      sharedIdentifiers: 8,
      homeAccounts: 6,
      crossHomeAccounts: 13,
      fraudLabels: 2,
      chargebacks: 4,
      chargebackAccounts: 2,
      burstAccounts: 3,
      moneyInside: 0.12,
    };
    expect(signalStrengths(synthetic, config).contactsAcrossHomes).toBe(1);
    // 18.75 sharing + 15 size + 1.25 chargebacks + 12.5 labels + 15 contacts across homes
    expect(scoreRing(synthetic, config)).toBe(62.5);
    expect(scoreRing({ ...synthetic, crossHomeAccounts: 6 }, config)).toBe(47.5);
    const family = { ...base, size: 5, sharingAccounts: 5, homeAccounts: 4, crossHomeAccounts: 5 };
    expect(signalStrengths(family, config).contactsAcrossHomes).toBe(0);
  });

  it('a club sharing a kiosk and paying its members, with the odd dispute, is not flagged', () => {
    const club = {
      ...base,
      size: 13,
      sharingAccounts: 13,
      sharedIdentifiers: 3,
      internalPayments: 112,
      moneyInside: 0.8,
      chargebacks: 2,
      chargebackAccounts: 2,
    };
    // 20 sharing + 15 size + 15 money + 20 * (2/13 - 0.1)/0.4 chargebacks = 52.7 uncapped, but
    // only 2.7 points corroborate (money kept inside does not): capped below the threshold
    expect(scoreRing(club, config)).toBe(49);
    expect(scoreRing({ ...club, chargebackAccounts: 5, chargebacks: 5 }, config)).toBe(64.2);
  });

  it('a household where two of four members were charged back by a failing merchant is not flagged', () => {
    const home = {
      ...base,
      size: 4,
      sharingAccounts: 4,
      homeAccounts: 3,
      fraudLabels: 1,
      chargebacks: 5,
      chargebackAccounts: 2,
      cycleAccounts: 3,
      moneyInside: 0.23,
    };
    expect(hasHarm(home)).toBe(false);
    expect(scoreRing(home, config)).toBe(49);
    expect(hasHarm({ ...home, chargebackAccounts: 3 })).toBe(true);
  });
});

describe('signals of bust-outs, shared mailboxes and sleepers', () => {
  it('repeated chargebacks on nearly every member are a bust-out; the odd dispute is not', () => {
    const bust = {
      ...base,
      size: 3,
      sharingAccounts: 3,
      chargebacks: 8,
      chargebackAccounts: 3,
      disputedAccounts: 3,
      disputes: 8,
    };
    expect(signalStrengths(bust, config).bustOut).toBe(1);
    // 20 sharing + 20 chargebacks + 15 bust-out
    expect(scoreRing(bust, config)).toBe(55);
    // 8/3 = 2.67 per member is past 2.5: full strength above. 1.5 per member is the odd dispute
    // (a few members who paid one failing merchant): nothing
    expect(
      signalStrengths({ ...bust, size: 4, disputedAccounts: 4, disputes: 6 }, config).bustOut,
    ).toBe(0);
    // 8 on 4 members, 2 per member: (2 - 1.5) = 0.5
    expect(
      signalStrengths({ ...bust, size: 4, disputedAccounts: 4, disputes: 8 }, config).bustOut,
    ).toBe(0.5);
    // 5 chargebacks on 3 members linked by payments only, one fraud label: 20 chargebacks + 20
    // labels + 15 * (5/3 - 1.5) bust-out = 42.5, not flagged
    expect(
      scoreRing(
        {
          ...base,
          size: 3,
          fraudLabels: 1,
          chargebacks: 5,
          chargebackAccounts: 3,
          disputedAccounts: 3,
          disputes: 5,
        },
        config,
      ),
    ).toBe(42.5);
    // only 2 of 4 members disputed (fewer than 3 in 4): not a bust-out however many chargebacks
    expect(
      signalStrengths({ ...bust, size: 4, disputedAccounts: 2, disputes: 9 }, config).bustOut,
    ).toBe(0);
    // shops (disputedAccounts excludes them) that received the chargebacks: not a bust-out
    expect(signalStrengths({ ...bust, disputedAccounts: 0, disputes: 0 }, config).bustOut).toBe(0);
  });

  it('three accounts on one mailbox lift the household cap; a couple sharing an email does not', () => {
    const synthetic = {
      ...base,
      size: 4,
      sharingAccounts: 4,
      homeAccounts: 3,
      crossHomeAccounts: 3,
      mailboxAccounts: 3,
      fraudLabels: 1,
      chargebacks: 2,
      chargebackAccounts: 2,
    };
    expect(isHousehold(synthetic, config)).toBe(true);
    expect(hasHarm(synthetic)).toBe(false);
    expect(signalStrengths(synthetic, config).sharedMailbox).toBe(1);
    // 20 sharing + 20 chargebacks ((2/4 - 0.1) / 0.4) + 20 labels (1/4 >= 0.2) + 20 mailbox, no household cap
    expect(scoreRing(synthetic, config)).toBe(80);
    // 3 of 8 on the mailbox: (3/8) / 0.5 = 0.75 of 20 points
    expect(signalStrengths({ ...synthetic, size: 8 }, config).sharedMailbox).toBe(0.75);
    // a couple on one email (mailboxAccounts counts emails given by 3+ accounts only): 60, a
    // home without harm evidence, capped at 49
    expect(scoreRing({ ...synthetic, mailboxAccounts: 0 }, config)).toBe(49);
  });

  it('long-dormant accounts waking together are a sleeper ring', () => {
    const sleepers = { ...base, size: 4, sharingAccounts: 4, syncAccounts: 4, wakeAccounts: 4 };
    expect(signalStrengths(sleepers, config).dormantWake).toBe(1);
    // 20 sharing + 15 sync + 20 dormant wake
    expect(scoreRing(sleepers, config)).toBe(55);
    expect(scoreRing({ ...sleepers, wakeAccounts: 0 }, config)).toBe(35);
    // 3 of 7 woke together: (3/7 - 0.3) / 0.5
    expect(
      signalStrengths({ ...sleepers, size: 7, wakeAccounts: 3 }, config).dormantWake,
    ).toBeCloseTo((3 / 7 - 0.3) / 0.5, 10);
    // two are not a ring's worth
    expect(signalStrengths({ ...sleepers, wakeAccounts: 2 }, config).dormantWake).toBe(0);
  });
});

describe('feature helpers', () => {
  it('densest window finds the most times within a span, earliest first', () => {
    expect(densestWindow([50, 0, 10, 200, 210, 215, Number.NaN], 20)).toEqual({
      accounts: 3,
      start: 200,
      end: 215,
    });
    expect(densestWindow([5, 1], 100)).toEqual({ accounts: 2, start: 1, end: 5 });
    expect(densestWindow([Number.NaN], 100)).toBeNull();
  });

  it('counts accounts on payment cycles of at least three', () => {
    // Arcs from[k] → to[k] on nodes 0..5: a triangle, and a two-cycle hanging off it.
    expect(accountsOnCycles(6, [1, 2, 3, 3, 4, 5], [2, 3, 1, 4, 5, 4], 3)).toBe(3);
    expect(accountsOnCycles(6, [1, 2], [2, 1], 3)).toBe(0);
    expect(accountsOnCycles(6, [1, 2, 3, 4, 2], [2, 3, 4, 1, 5], 3)).toBe(4);
    // Two triangles linked one way (2 → 3), an isolated node 6 and a node 7 feeding the second.
    expect(accountsOnCycles(8, [0, 1, 2, 3, 4, 5, 2, 7], [1, 2, 0, 4, 5, 3, 3, 4], 3)).toBe(6);
  });
});
