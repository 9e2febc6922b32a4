/**
 * Detection quality over many development seeds, for tuning without re-generating: the first
 * run generates and ingests each seed into `<work>/u<users>-s<seed>.db` (kept), later runs copy
 * that store to a scratch file and only detect and evaluate (as the data contract defines it).
 * Prints one line per seed, the misses and false flags in brief, and the pooled figures.
 * No baselines (see detect-quality.ts for those). Never run it on the held-out seeds.
 *
 *   npx tsx bench/detect-sweep.ts [--users 50000] [--seeds 31,32,33] [--work /tmp/detect-q] [--verbose]
 */
import fs from 'node:fs';
import path from 'node:path';
import { generateDataset } from '../core/generate';
import { ingestPaths } from '../core/ingest/ingest-paths';
import { openSqliteStore } from '../core/store/sqlite/sqlite-store';
import { runDetection } from '../core/detect/run-detection';
import { evaluateRings, MATCH_JACCARD, parseTruth, type Evaluation } from '../core/detect/evaluate';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1] : fallback;
}

function seedList(spec: string): number[] {
  return spec.split(',').flatMap((part) => {
    const [a, b] = part.split('-').map(Number);
    return b === undefined ? [a] : Array.from({ length: b - a + 1 }, (_, k) => a + k);
  });
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);

const jaccard = (a: Set<string>, b: string[]) => {
  const shared = b.filter((m) => a.has(m)).length;
  return shared / (a.size + b.length - shared);
};

async function main(): Promise<void> {
  const users = Number(arg('users', '50000'));
  const seeds = seedList(arg('seeds', '31,32,33'));
  if (seeds.some((s) => s >= 41 && s <= 49)) throw new Error('seeds 41-49 are held out');
  const work = arg('work', '/tmp/detect-q');
  const verbose = process.argv.includes('--verbose');
  const dump = arg('dump', '');
  if (dump) fs.writeFileSync(dump, '');
  fs.mkdirSync(work, { recursive: true });
  const totals: Evaluation[] = [];
  let cpu = 0;
  for (const seed of seeds) {
    const dir = path.join(work, `u${users}-s${seed}`);
    const db = path.join(work, `u${users}-s${seed}.db`);
    if (!fs.existsSync(path.join(dir, 'truth.json')) || !fs.existsSync(db)) {
      fs.rmSync(dir, { recursive: true, force: true });
      for (const f of [db, `${db}-wal`, `${db}-shm`]) fs.rmSync(f, { force: true });
      await generateDataset({ outDir: dir, users, seed });
      const store = openSqliteStore(db);
      await store.migrate();
      await ingestPaths(store, [dir]);
      await store.close();
    }
    const scratch = path.join(work, `scratch.db`);
    for (const f of [scratch, `${scratch}-wal`, `${scratch}-shm`]) fs.rmSync(f, { force: true });
    fs.copyFileSync(db, scratch);
    const truth = parseTruth(JSON.parse(fs.readFileSync(path.join(dir, 'truth.json'), 'utf8')));
    const store = openSqliteStore(scratch);
    await store.migrate();
    const c0 = process.cpuUsage();
    const { rings } = await runDetection(store, { seed: 42 });
    const c1 = process.cpuUsage(c0);
    cpu += (c1.user + c1.system) / 1000;
    await store.close();
    const flagged = rings.filter((r) => r.flagged);
    if (dump) {
      const lines = rings.map((r) => {
        const set = new Set(r.members);
        let best = 0;
        let kind = 'legit';
        for (const t of truth) {
          const j = jaccard(set, t.members);
          if (j > best) [best, kind] = [j, t.kind];
        }
        return JSON.stringify({
          seed,
          score: r.score,
          flagged: r.flagged,
          jaccard: best,
          kind,
          ...r.features,
        });
      });
      fs.appendFileSync(dump, lines.join('\n') + '\n');
    }
    const e = evaluateRings(
      flagged.map((r) => r.members),
      truth,
    );
    totals.push(e);
    console.log(
      `seed ${String(seed).padStart(3)}: rings P ${pct(e.rings.precision)} R ${pct(e.rings.recall)} F1 ${pct(e.rings.f1)} ` +
        `(${e.rings.flagged} flagged / ${e.rings.truth} true)  members P ${pct(e.members.precision)} R ${pct(e.members.recall)}`,
    );
    const kindOf = new Map<string, string>();
    truth.forEach((t) => t.members.forEach((m) => kindOf.set(m, t.kind)));
    for (const t of truth) {
      const sets = rings.map((r) => ({ r, j: jaccard(new Set(r.members), t.members) }));
      if (sets.some((s) => s.r.flagged && s.j >= MATCH_JACCARD)) continue;
      const best = sets.sort((a, b) => b.j - a.j)[0];
      const why =
        best && best.j > 0
          ? `best j ${best.j.toFixed(2)} score ${best.r.score} size ${best.r.size}${verbose ? ` ${JSON.stringify(best.r.features)}` : ''}`
          : 'no candidate';
      console.log(
        `    MISS ${t.kind} size ${t.members.length}: ${why}${verbose ? `\n      truth ${t.members.join(',')}` : ''}`,
      );
    }
    for (const r of flagged) {
      const members = new Set(r.members);
      const legit = r.members.filter((m) => !kindOf.has(m)).length;
      if (truth.some((t) => jaccard(members, t.members) >= MATCH_JACCARD)) {
        if (legit >= 3)
          console.log(
            `    IMPURE ${legit} legit of ${r.size}, score ${r.score}${verbose ? ` ${JSON.stringify(r.features)}` : ''}`,
          );
        continue;
      }
      const inside = new Map<string, number>();
      for (const m of r.members) {
        const k = kindOf.get(m) ?? 'legit';
        inside.set(k, (inside.get(k) ?? 0) + 1);
      }
      console.log(
        `    FALSE score ${r.score} size ${r.size} ${JSON.stringify(Object.fromEntries(inside))}${verbose ? ` ${JSON.stringify(r.features)}\n      members ${r.members.join(',')}` : ''}`,
      );
    }
  }
  const sum = (f: (e: Evaluation) => number) => totals.reduce((s, e) => s + f(e), 0);
  const mean = (f: (e: Evaluation) => number) => sum(f) / totals.length;
  const tp = sum((e) => e.rings.flaggedMatching);
  const fl = sum((e) => e.rings.flagged);
  const found = sum((e) => e.rings.truthFound);
  const tr = sum((e) => e.rings.truth);
  console.log(
    `mean over ${totals.length} seeds: ring F1 ${pct(mean((e) => e.rings.f1))}, member P ${pct(mean((e) => e.members.precision))}; ` +
      `pooled: ${fl - tp} false of ${fl} flagged, ${tr - found} missed of ${tr}; ` +
      `seeds below F1 0.95: ${totals.filter((e) => e.rings.f1 < 0.95).length}; detection CPU ${(cpu / 1000).toFixed(1)} s`,
  );
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
