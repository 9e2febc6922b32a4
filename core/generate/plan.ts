import { DAY, type TimeWindow } from './context';
import { householdCreatedTimes } from './households';
import { RING_GENERATORS } from './ring-kinds';
import { RING_KINDS, RING_KIND_WEIGHTS, type RingKind } from './ring-kind';
import { Rng, WeightedPicker } from './rng';

export interface RingPlan {
  ordinal: number;
  id: string;
  kind: RingKind;
  /** Index of the first member; members are `start .. start + size - 1`. */
  start: number;
  size: number;
}

/**
 * The layout of the people of a data set, decided before any row is written so that every
 * generator can look up anyone's creation time and ring membership: contiguous index ranges
 * (units) that are either a household (1–6 people) or a planted ring, with rings placed at
 * random among households. Row order and ids reveal nothing of it (ids are scrambled).
 */
export interface Plan {
  people: number;
  ringOf: Int32Array;
  createdAt: Float64Array;
  /** Legitimate people carrying a wrong `fraud` label. */
  wrongFraud: Set<number>;
  /** Fraudsters acting alone (true fraud, but no ring): about 0.2 % of everyone outside rings. */
  loneFraud: Set<number>;
  /** Index into COUNTRIES of each person, filled in as people are written. */
  countryOf: Uint8Array;
  /** Days of sign-up campaigns, when many unrelated legitimate accounts are opened together. */
  promoDays: number[];
  rings: RingPlan[];
  unitStart: Int32Array;
  unitSize: Int32Array;
  /** Ring ordinal of a unit, -1 for a household. */
  unitRing: Int32Array;
}

const HOUSEHOLD_SIZES = [2, 3, 4, 5, 6];
const householdSizePicker = new WeightedPicker([0.45, 0.25, 0.17, 0.08, 0.05]);
const kindPicker = new WeightedPicker(RING_KINDS.map((k) => RING_KIND_WEIGHTS[k]));

/** Mostly 4–30 members (skewed to the small end), a few triples and a few of 31–60. */
export function ringSize(rng: Rng): number {
  const u = rng.float();
  if (u < 0.07) return 3;
  if (u < 0.93) return 4 + Math.floor(27 * Math.pow(rng.float(), 1.7));
  return rng.range(31, 60);
}

/** Kinds of `count` rings: one of each kind first (when there are enough), then weighted. */
export function ringKinds(rng: Rng, count: number): RingKind[] {
  const first = rng.shuffle([...RING_KINDS]);
  return Array.from({ length: count }, (_, i) =>
    i < first.length ? first[i] : RING_KINDS[kindPicker.pick(rng)],
  );
}

/** Ring sizes and kinds for `count` rings (drawn first, so the total can be validated). */
export function planRings(seed: number, count: number): Array<{ kind: RingKind; size: number }> {
  const rng = new Rng(seed, 'rings');
  return ringKinds(rng, count).map((kind) => ({ kind, size: ringSize(rng) }));
}

/**
 * Lays out `people` people: households and the given rings at random positions, each
 * person's creation time, the mislabelled and the lone fraudsters. Deterministic for the seed.
 */
export function makePlan(
  seed: number,
  people: number,
  rings: Array<{ kind: RingKind; size: number }>,
  window: TimeWindow,
): Plan {
  const rng = new Rng(seed, 'plan');
  const ringMembers = rings.reduce((s, r) => s + r.size, 0);
  const legit = people - ringMembers;

  const legitSizes: number[] = [];
  for (let left = legit; left > 0;) {
    const size = Math.min(
      left,
      rng.chance(0.45) ? 1 : HOUSEHOLD_SIZES[householdSizePicker.pick(rng)],
    );
    legitSizes.push(size);
    left -= size;
  }
  const slots = rings.map(() => rng.int(legitSizes.length + 1)).sort((a, b) => a - b);

  const promoDays = Array.from({ length: 8 }, (_, k) =>
    k < 4 ? window.start + rng.int(window.end - window.start) : window.start - rng.int(730) * DAY,
  );
  const unitCount = legitSizes.length + rings.length;
  const plan: Plan = {
    people,
    ringOf: new Int32Array(people).fill(-1),
    createdAt: new Float64Array(people),
    wrongFraud: new Set(),
    loneFraud: new Set(),
    countryOf: new Uint8Array(people),
    promoDays,
    rings: [],
    unitStart: new Int32Array(unitCount),
    unitSize: new Int32Array(unitCount),
    unitRing: new Int32Array(unitCount),
  };

  let person = 0;
  let unit = 0;
  let nextRing = 0;
  const addRing = (): void => {
    const { kind, size } = rings[nextRing];
    const ring: RingPlan = {
      ordinal: nextRing,
      id: `ring-${String(nextRing + 1).padStart(4, '0')}`,
      kind,
      start: person,
      size,
    };
    plan.rings.push(ring);
    const times = RING_GENERATORS[kind].createdTimes(rng, size, window);
    for (let k = 0; k < size; k++) {
      plan.ringOf[person + k] = nextRing;
      plan.createdAt[person + k] = times[k];
    }
    plan.unitStart[unit] = person;
    plan.unitSize[unit] = size;
    plan.unitRing[unit] = nextRing;
    unit++;
    person += size;
    nextRing++;
  };
  for (let h = 0; h < legitSizes.length; h++) {
    while (nextRing < rings.length && slots[nextRing] <= h) addRing();
    const size = legitSizes[h];
    const times = householdCreatedTimes(rng, size, window, promoDays);
    for (let k = 0; k < size; k++) plan.createdAt[person + k] = times[k];
    plan.unitStart[unit] = person;
    plan.unitSize[unit] = size;
    plan.unitRing[unit] = -1;
    unit++;
    person += size;
  }
  while (nextRing < rings.length) addRing();

  const wrong = Math.min(legit, Math.max(3, Math.round(legit * 0.0003)));
  while (plan.wrongFraud.size < wrong) {
    const i = rng.int(people);
    if (plan.ringOf[i] === -1) plan.wrongFraud.add(i);
  }
  const lone = Math.round(legit * 0.002);
  while (plan.loneFraud.size < lone) {
    const i = rng.int(people);
    if (plan.ringOf[i] === -1 && !plan.wrongFraud.has(i)) plan.loneFraud.add(i);
  }
  return plan;
}
