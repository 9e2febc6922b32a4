/**
 * Detection at scale on an ingested store (e.g. 1M generated accounts), end to end, with peak
 * memory, and the Louvain stage beside igraph's multilevel (Blondel et al.) on the same projected
 * graph in the same run (Debian's python3-igraph, in a /usr/bin/python3 subprocess; only
 * `community_multilevel` is timed, not the file read).
 *
 *   npx tsx bench/detect-scale.ts --db /tmp/frbench/1m.db [--truth /tmp/frbench/gen-1m/truth.json] [--no-igraph]
 *
 * `--no-igraph` stops after the end-to-end figures (no top-level-only rerun, no igraph), to
 * iterate on detection speed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../core/store/sqlite/sqlite-store';
import {
  detectGroup,
  detectionParams,
  fetchMoney,
  finishRun,
  groupParams,
  possibleMembers,
  projectGraph,
  splitComponents,
} from '../core/detect/run-detection';
import { evaluateRings, parseTruth } from '../core/detect/evaluate';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

const IGRAPH = `
import sys, time, igraph
n = int(sys.argv[2])
src, dst, w = [], [], []
with open(sys.argv[1]) as f:
    for line in f:
        a, b, c = line.split()
        src.append(int(a)); dst.append(int(b)); w.append(float(c))
g = igraph.Graph(n=n, edges=list(zip(src, dst)))
t = time.perf_counter()
c = g.community_multilevel(weights=w)
print(f"{(time.perf_counter() - t) * 1000:.0f} {len(c)} {c.modularity:.4f}")
`;

async function main(): Promise<void> {
  const db = arg('db') ?? '/tmp/frbench/1m.db';
  const store = openSqliteStore(db);
  await store.migrate();
  const params = detectionParams({ seed: 42 });
  const t0 = Date.now();
  const projection = await projectGraph(store, params);
  const t1 = Date.now();
  const groups = splitComponents(projection, 1);
  const t2 = Date.now();
  const money = fetchMoney(
    store,
    projection,
    possibleMembers(projection, groups, params.detection),
  );
  const gp = groupParams(params, projection);
  const results = groups.map((g) => detectGroup(g, gp));
  const t3 = Date.now();
  const { run, rings } = await finishRun(store, projection, results, params, {
    startedAt: t0,
    timingsMs: { projection: t1 - t0, components: t2 - t1, louvain: t3 - t2 },
    counts: { components: groups.reduce((sum, g) => sum + g.components.length, 0) },
    money,
  });
  const t4 = Date.now();
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(
    `store ${db}: ${projection.stats.accounts} accounts, ${projection.stats.edges} edges, ${run.counts.components} components`,
  );
  console.log(
    `end to end ${t4 - t0} ms: ${Object.entries(run.timingsMs)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `peak RSS ${peakMiB.toFixed(0)} MiB; candidates ${rings.length}, flagged ${run.counts.flagged}; modularity ${run.modularity}`,
  );

  const truthFile = arg('truth');
  if (truthFile) {
    const e = evaluateRings(
      rings.filter((r) => r.flagged).map((r) => r.members),
      parseTruth(JSON.parse(fs.readFileSync(truthFile, 'utf8'))),
    );
    console.log(
      `eval: ring P ${e.rings.precision.toFixed(3)} R ${e.rings.recall.toFixed(3)} F1 ${e.rings.f1.toFixed(3)}; member P ${e.members.precision.toFixed(3)} R ${e.members.recall.toFixed(3)}`,
    );
  }

  if (process.argv.includes('--no-igraph')) {
    await store.close();
    return;
  }
  if (spawnSync('/usr/bin/python3', ['-c', 'import igraph']).status !== 0) {
    console.log(
      'igraph comparison skipped: /usr/bin/python3 cannot import igraph (apt-get install -y python3-igraph)',
    );
    await store.close();
    return;
  }
  const topOnly = {
    ...gp,
    communities: { ...gp.communities, refineAbove: Number.MAX_SAFE_INTEGER },
  };
  const t5 = Date.now();
  const top = groups.map((g) => detectGroup(g, topOnly));
  const t6 = Date.now();
  const file = path.join(os.tmpdir(), `fr-edges-${process.pid}.txt`);
  const out = fs.createWriteStream(file);
  const { src, dst, weight } = projection.edges;
  for (let e = 0; e < src.length; e += 100_000) {
    let chunk = '';
    for (let i = e; i < Math.min(src.length, e + 100_000); i++)
      chunk += `${src[i]} ${dst[i]} ${weight[i]}\n`;
    if (!out.write(chunk)) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((r) => out.end(r));
  const [igraphMs, igraphCount, igraphQ] = execFileSync(
    '/usr/bin/python3',
    ['-c', IGRAPH, file, String(projection.accounts.count)],
    { encoding: 'utf8' },
  )
    .trim()
    .split(' ');
  fs.rmSync(file, { force: true });
  console.log(
    `louvain stage (graphology, per component + refinement): ${t3 - t2} ms, ${results.reduce((s, r) => s + r.communities.length, 0)} communities`,
  );
  console.log(
    `louvain top level only (graphology, per component):      ${t6 - t5} ms, ${top.reduce((s, r) => s + r.communities.length, 0)} communities (components of 2+)`,
  );
  console.log(
    `igraph community_multilevel (whole graph):                ${igraphMs} ms, ${igraphCount} communities (incl. singletons), modularity ${igraphQ}`,
  );
  await store.close();
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
