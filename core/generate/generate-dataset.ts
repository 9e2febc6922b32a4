import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidInputError } from '../errors';
import { emitBusinessAccounts } from './business-accounts';
import { DAY, type GenContext, type TimeWindow } from './context';
import { DatasetWriter, isoSeconds } from './dataset-writer';
import { emitHousehold } from './households';
import { emitLegitGroups } from './legit-groups';
import { IdFactory } from './ids';
import { Infrastructure } from './infrastructure';
import { makePlan, planRings, type Plan } from './plan';
import { RING_GENERATORS } from './ring-kinds';
import { RING_KINDS, type RingKind } from './ring-kind';
import { hash32, Rng } from './rng';

export interface GenerateProgress {
  /** People (household members and ring members) written so far. */
  people: number;
  total: number;
}

export interface GenerateOptions {
  outDir: string;
  users: number;
  /** Planted rings; default about one per 2,000 users and at least 8. */
  rings?: number;
  /** Unsigned 32-bit integer; default 1. */
  seed?: number;
  onProgress?: (progress: GenerateProgress) => void;
}

export interface GenerateResult {
  files: { users: string; devices: string; payments: string; truth: string };
  counts: {
    users: number;
    sightings: number;
    payments: number;
    merchants: number;
    merchantAccounts: number;
  };
  truth: {
    rings: number;
    members: number;
    labelledFraud: number;
    byKind: Record<RingKind, number>;
  };
  window: { start: string; end: string };
}

export const GENERATE_LIMITS = { minUsers: 200, maxUsers: 50_000_000, usersPerRing: 30 } as const;
const MERCHANT_ACCOUNT_SHARE = 0.25;

/** About one ring per 2,000 accounts, at least 8, and never more than the population allows. */
export function defaultRingCount(users: number): number {
  return Math.min(
    Math.max(8, Math.round(users / 2000)),
    Math.floor(users / GENERATE_LIMITS.usersPerRing),
  );
}

/** The activity window: the 365 days before a fixed instant in the first half of 2026 chosen by the seed. */
export function timeWindowFor(seed: number): TimeWindow {
  const end = Date.UTC(2026, 0, 1) + (hash32(seed ^ 0x1234567) % 180) * DAY;
  return { start: end - 365 * DAY, end };
}

function validate(opts: GenerateOptions): { users: number; rings: number; seed: number } {
  const { users } = opts;
  if (
    !Number.isInteger(users) ||
    users < GENERATE_LIMITS.minUsers ||
    users > GENERATE_LIMITS.maxUsers
  ) {
    throw new InvalidInputError(
      'INVALID_ARGUMENT',
      `generate: --users must be an integer from ${GENERATE_LIMITS.minUsers} to ${GENERATE_LIMITS.maxUsers}`,
    );
  }
  const rings = opts.rings ?? defaultRingCount(users);
  const maxRings = Math.floor(users / GENERATE_LIMITS.usersPerRing);
  if (!Number.isInteger(rings) || rings < 0 || rings > maxRings) {
    throw new InvalidInputError(
      'INVALID_ARGUMENT',
      `generate: --rings must be an integer from 0 to ${maxRings} for ${users} users`,
    );
  }
  const seed = opts.seed ?? 1;
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new InvalidInputError(
      'INVALID_ARGUMENT',
      'generate: --seed must be an integer from 0 to 4294967295',
    );
  }
  return { users, rings, seed };
}

async function writeTruth(path: string, plan: Plan, ids: IdFactory): Promise<void> {
  const lines = plan.rings.map((r) => {
    const members = Array.from({ length: r.size }, (_, k) => ids.user(r.start + k));
    return JSON.stringify({ id: r.id, kind: r.kind, members });
  });
  await writeFile(path, `{"rings":[\n${lines.join(',\n')}\n]}\n`, 'utf8');
}

/**
 * Writes a synthetic data set to `outDir`: `users.csv`, `devices.csv`, `payments.csv` in the
 * data contract's columns and `truth.json` with the planted rings.
 *
 * A legitimate population (households, offices, mobile carriers behind NAT, public Wi-Fi,
 * merchants with terminals, friends paying friends, a few wrong labels) surrounds rings of
 * five kinds (`device_farm`, `synthetic_identity`, `mule_network`, `bust_out`, `sleeper`)
 * that hide among it with ordinary activity and carry few `fraud` labels. `users.csv` has
 * exactly `users` rows. Output depends only on the options: the same seed gives byte-identical
 * files (seeded PRNG, time window derived from the seed). Rows are streamed with backpressure,
 * so memory is bounded by a few typed arrays per person, not by the number of rows.
 *
 * @throws InvalidInputError (`INVALID_ARGUMENT`) for out-of-range users, rings or seed.
 */
export async function generateDataset(opts: GenerateOptions): Promise<GenerateResult> {
  const { users, rings, seed } = validate(opts);
  const merchantCount = Math.max(20, Math.round(users / 250));
  const merchantAccounts = Math.floor(merchantCount * MERCHANT_ACCOUNT_SHARE);
  const people = users - merchantAccounts;
  const ringSpecs = planRings(seed, rings);
  const window = timeWindowFor(seed);
  const plan = makePlan(seed, people, ringSpecs, window);

  await mkdir(opts.outDir, { recursive: true });
  const ids = new IdFactory(hash32(seed ^ 0x9e3779b9));
  const infra = new Infrastructure(
    new Rng(seed, 'infra'),
    ids,
    people,
    merchantCount,
    MERCHANT_ACCOUNT_SHARE,
  );
  const out = new DatasetWriter(opts.outDir, () => ids.payment());
  const ctx: GenContext = {
    rng: new Rng(seed, 'emit'),
    ids,
    window,
    plan,
    infra,
    out,
    ringFraudLabels: 0,
  };

  try {
    const written = emitBusinessAccounts(ctx);
    if (written !== merchantAccounts)
      throw new Error(`expected ${merchantAccounts} merchant accounts, wrote ${written}`);
    let reported = 0;
    for (let u = 0; u < plan.unitStart.length; u++) {
      const ring = plan.unitRing[u];
      if (ring === -1) emitHousehold(ctx, plan.unitStart[u], plan.unitSize[u]);
      else RING_GENERATORS[plan.rings[ring].kind].emit(ctx, plan.rings[ring]);
      await out.flushIfFull();
      const done = plan.unitStart[u] + plan.unitSize[u];
      if (opts.onProgress && (done - reported >= 5000 || done === people)) {
        reported = done;
        opts.onProgress({ people: done, total: people });
      }
    }
    emitLegitGroups(ctx);
    await out.close();
  } catch (err) {
    out.destroy();
    throw err;
  }

  const truthPath = join(opts.outDir, 'truth.json');
  await writeTruth(truthPath, plan, ids);
  const byKind = Object.fromEntries(RING_KINDS.map((k) => [k, 0])) as Record<RingKind, number>;
  for (const r of plan.rings) byKind[r.kind]++;
  return {
    files: {
      users: out.users.path,
      devices: out.devices.path,
      payments: out.payments.path,
      truth: truthPath,
    },
    counts: {
      users: out.users.rows,
      sightings: out.devices.rows,
      payments: out.payments.rows,
      merchants: merchantCount,
      merchantAccounts,
    },
    truth: {
      rings: plan.rings.length,
      members: plan.rings.reduce((s, r) => s + r.size, 0),
      labelledFraud: ctx.ringFraudLabels,
      byKind,
    },
    window: { start: isoSeconds(window.start), end: isoSeconds(window.end) },
  };
}
