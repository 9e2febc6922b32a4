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
      syncFirstUse: 1,
      chargebacks: (4 / 12 - 0.1) / 0.4,
      fraudLabels: 2 / 12 / 0.2,
      moneyFlow: 1,
      passThrough: (6 / 12 - 0.25) / 0.4,
      moneyCycles: 0,
      contactsAcrossHomes: 0,
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
    // 20 sharing + 15 size + 15 burst + 20 * 0.8333 labels + 15 money
    expect(scoreRing(quieter, config)).toBe(81.7);
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
    expect(scoreRing(farm, config)).toBe(35);
    expect(scoreRing({ ...farm, syncAccounts: 5 }, config)).toBe(50);
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
    // 20 sharing + 15 * 4/6 size + 15 burst + 15 sync
    expect(scoreRing(farm, config)).toBe(60);
    expect(scoreRing({ ...farm, legitLabels: 5 }, config)).toBe(30);
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
    expect(
      accountsOnCycles(
        [
          [1, 2],
          [2, 3],
          [3, 1],
          [3, 4],
          [4, 5],
          [5, 4],
        ],
        3,
      ),
    ).toBe(3);
    expect(
      accountsOnCycles(
        [
          [1, 2],
          [2, 1],
        ],
        3,
      ),
    ).toBe(0);
    expect(
      accountsOnCycles(
        [
          [1, 2],
          [2, 3],
          [3, 4],
          [4, 1],
          [2, 5],
        ],
        3,
      ),
    ).toBe(4);
  });
});
