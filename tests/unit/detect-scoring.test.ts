import { DEFAULT_DETECTION_CONFIG } from '../../core/detect/config';
import type { RingFeatures } from '../../core/detect/features';
import { densestWindow, accountsOnCycles } from '../../core/detect/features';
import { isFlagged, scoreRing, signalStrengths } from '../../core/detect/scoring';

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
};

describe('ring score', () => {
  it('a ring with every signal scores its points sum', () => {
    const f = { ...base, size: 12, sharingAccounts: 12, burstAccounts: 12, syncAccounts: 10, chargebackAccounts: 4, chargebacks: 5, fraudLabels: 2, cycleAccounts: 6, moneyInside: 0.8 };
    const s = signalStrengths(f, config);
    expect(s).toEqual({ sharing: 1, size: 1, creationBurst: 1, syncFirstUse: 1, chargebacks: 1, fraudLabels: 2 / 12 / 0.3, moneyLoop: 0.65 });
    // 25 + 10 + 20 + 15 + 20 + 15 * 0.5556 + 15 * 0.65 = 108.1, capped
    expect(scoreRing(f, config)).toBe(100);
    const quieter = { ...f, chargebackAccounts: 0, chargebacks: 0, syncAccounts: 0 };
    expect(scoreRing(quieter, config)).toBeCloseTo(25 + 10 + 20 + (15 * 2) / 12 / 0.3 + 15 * 0.65, 1);
    expect(isFlagged(scoreRing(f, config), config)).toBe(true);
  });

  it('a household sharing address, family laptop and payments is not flagged', () => {
    const household = { ...base, size: 4, sharingAccounts: 4, internalPayments: 7, moneyInside: 0.3, cycleAccounts: 0, burstAccounts: 2 };
    expect(scoreRing(household, config)).toBe(27.3);
    expect(isFlagged(scoreRing(household, config), config)).toBe(false);
  });

  it('structure alone (a big group sharing devices, no behaviour) stays below the threshold', () => {
    const office = { ...base, size: 30, sharingAccounts: 30 };
    expect(scoreRing(office, config)).toBe(35);
    const shared = { ...base, size: 40, sharingAccounts: 40, sharedIdentifiers: 9, density: 3 };
    expect(scoreRing(shared, config)).toBe(35);
    expect(isFlagged(35, config)).toBe(false);
  });

  it('a ring created in a batch that shares devices is flagged without labels or chargebacks', () => {
    const farm = { ...base, size: 10, sharingAccounts: 10, burstAccounts: 10, syncAccounts: 9 };
    // 25 sharing + 10 * 4/6 size + 20 burst + 15 sync
    expect(scoreRing(farm, config)).toBe(66.7);
  });

  it('mostly legit-labelled groups are damped', () => {
    const f = { ...base, size: 10, sharingAccounts: 10, burstAccounts: 10, syncAccounts: 9, legitLabels: 5 };
    expect(scoreRing(f, config)).toBe(33.3);
  });

  it('one chargeback or one wrong fraud label in a household does not flag it', () => {
    const f = { ...base, size: 3, sharingAccounts: 3, chargebacks: 1, chargebackAccounts: 1, fraudLabels: 1 };
    expect(scoreRing(f, config)).toBeLessThan(config.scoring.threshold);
  });
});

describe('feature helpers', () => {
  it('densest window finds the most times within a span, earliest first', () => {
    expect(densestWindow([50, 0, 10, 200, 210, 215, Number.NaN], 20)).toEqual({ accounts: 3, start: 200, end: 215 });
    expect(densestWindow([5, 1], 100)).toEqual({ accounts: 2, start: 1, end: 5 });
    expect(densestWindow([Number.NaN], 100)).toBeNull();
  });

  it('counts accounts on payment cycles of at least three', () => {
    expect(accountsOnCycles([[1, 2], [2, 3], [3, 1], [3, 4], [4, 5], [5, 4]], 3)).toBe(3);
    expect(accountsOnCycles([[1, 2], [2, 1]], 3)).toBe(0);
    expect(accountsOnCycles([[1, 2], [2, 3], [3, 4], [4, 1], [2, 5]], 3)).toBe(4);
  });
});
