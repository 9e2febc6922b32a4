/**
 * Where detection goes wrong on one generated data set, for tuning on development seeds: runs
 * detection on an ingested store, prints the evaluation, then every missed true ring beside the
 * candidate that overlaps it most, and every flagged ring that matches no true ring.
 *
 *   npx tsx bench/detect-diagnose.ts --db /tmp/x.db --truth /tmp/x/truth.json
 */
import fs from 'node:fs';
import { openSqliteStore } from '../core/store/sqlite/sqlite-store';
import { runDetection } from '../core/detect/run-detection';
import { evaluateRings, MATCH_JACCARD, parseTruth } from '../core/detect/evaluate';
import type { RingRecord } from '../core/types';

function arg(name: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0 || !process.argv[i + 1]) throw new Error(`usage: --db <file> --truth <truth.json>`);
  return process.argv[i + 1];
}

const jaccard = (a: Set<string>, b: string[]) => {
  const shared = b.filter((m) => a.has(m)).length;
  return shared / (a.size + b.length - shared);
};

const brief = (r: RingRecord) =>
  `score ${r.score} ${r.flagged ? 'FLAGGED' : 'not flagged'} size ${r.size} ${JSON.stringify(r.features)}`;

async function main(): Promise<void> {
  const truth = parseTruth(JSON.parse(fs.readFileSync(arg('truth'), 'utf8')));
  const store = openSqliteStore(arg('db'));
  const { rings } = await runDetection(store, { seed: 42 });
  await store.close();
  const flagged = rings.filter((r) => r.flagged);
  const e = evaluateRings(
    flagged.map((r) => r.members),
    truth,
  );
  console.log(
    `rings P ${e.rings.precision.toFixed(3)} R ${e.rings.recall.toFixed(3)} F1 ${e.rings.f1.toFixed(3)}; members P ${e.members.precision.toFixed(3)} R ${e.members.recall.toFixed(3)}`,
  );
  const kindOf = new Map<string, string>();
  truth.forEach((t) => t.members.forEach((m) => kindOf.set(m, `${t.kind}:${t.id}`)));
  for (const t of truth) {
    const sets = rings.map((r) => ({ r, j: jaccard(new Set(r.members), t.members) }));
    if (sets.some((s) => s.r.flagged && s.j >= MATCH_JACCARD)) continue;
    const best = sets.sort((a, b) => b.j - a.j)[0];
    console.log(`\nMISSED ${t.id} ${t.kind} size ${t.members.length}`);
    if (best && best.j > 0) {
      console.log(`  best jaccard ${best.j.toFixed(2)}: ${brief(best.r)}`);
      console.log(`  ${best.r.evidence.map((x) => x.text).join(' | ')}`);
    } else console.log('  no candidate overlaps it');
  }
  for (const r of flagged) {
    const members = new Set(r.members);
    if (truth.some((t) => jaccard(members, t.members) >= MATCH_JACCARD)) continue;
    const inside = new Map<string, number>();
    for (const m of r.members) {
      const k = kindOf.get(m) ?? 'legit';
      inside.set(k, (inside.get(k) ?? 0) + 1);
    }
    console.log(`\nFALSE ${brief(r)}`);
    console.log(`  members: ${JSON.stringify(Object.fromEntries(inside))}`);
    console.log(`  ${r.evidence.map((x) => x.text).join(' | ')}`);
  }
  const impure = flagged.filter((r) => r.members.some((m) => !kindOf.has(m)));
  for (const r of impure) {
    const legit = r.members.filter((m) => !kindOf.has(m)).length;
    if (legit === r.size) continue;
    console.log(`\nIMPURE ${legit} legit of ${r.size}: ${brief(r)}`);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
