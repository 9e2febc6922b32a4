/**
 * Ingest benchmark (not a test): payment rows per second end to end (read, parse, validate,
 * normalise, write) into a fresh SQLite store, next to the same file loaded by the `sqlite3`
 * shell's bare `.import` into an empty table, and the peak RSS of this process.
 *
 *   npm run bench:ingest -- [--rows N] [--accounts A] [--gzip] [--dir DIR] [--parse-thread auto|always|never]
 *
 * The payments file is generated once per (rows, accounts) and reused (default dir: the OS temp
 * dir). Payers have one card and one device each; a fifth of payments go to 500 merchants.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type * as IngestPaths from '../core/ingest/ingest-paths';
import type * as SqliteStore from '../core/store/sqlite/sqlite-store';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? fallback : (process.argv[i + 1] ?? fallback);
}

const rows = Number(flag('rows', '1000000'));
const accounts = Number(flag('accounts', String(Math.max(1000, Math.round(rows / 10)))));
const gzip = process.argv.includes('--gzip');
const dir = flag('dir', path.join(os.tmpdir(), 'fraud-rings-bench'));
const parseThread = flag('parse-thread', 'auto') as 'auto' | 'always' | 'never';

/** CPU seconds (user + system) of this process's main thread, from /proc (Linux); NaN elsewhere. */
function mainThreadCpuSeconds(): number {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return NaN;
  }
}

/** Deterministic 32-bit generator (mulberry32), so every run benchmarks the same file. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function generate(file: string): Promise<void> {
  const tmp = `${file}.tmp`;
  const out = fs.createWriteStream(tmp);
  const sink: NodeJS.WritableStream = gzip ? zlib.createGzip() : out;
  if (gzip) (sink as zlib.Gzip).pipe(out);
  const next = rng(1);
  const start = Date.UTC(2026, 0, 1);
  let buf = 'payment_id,payer_id,payee_id,amount,currency,created_at,card_id,device_id,status\n';
  for (let i = 0; i < rows; i++) {
    const payer = Math.floor(next() * accounts);
    const payee =
      next() < 0.2 ? `m${Math.floor(next() * 500)}` : `u${Math.floor(next() * accounts)}`;
    const amount = (1 + Math.floor(next() * 50000) / 100).toFixed(2);
    const at = new Date(start + Math.floor(next() * 300 * 86400) * 1000)
      .toISOString()
      .replace('.000Z', 'Z');
    const status = next() < 0.01 ? 'chargeback' : 'settled';
    buf += `p${String(i).padStart(10, '0')},u${payer},${payee},${amount},EUR,${at},card-${payer},DEV-${payer},${status}\n`;
    if (buf.length > 1 << 20) {
      if (!sink.write(buf)) await new Promise<void>((r) => sink.once('drain', () => r()));
      buf = '';
    }
  }
  sink.end(buf);
  await new Promise<void>((r) => out.once('close', () => r()));
  fs.renameSync(tmp, file);
}

/**
 * The ingest under test is the compiled tree (`dist/`, what the `fraud-rings` bin runs), not the
 * sources through tsx: tsx's CommonJS output reads every imported constant through a getter,
 * which took a fifth of a second of the write thread's profile per million rows. The tree is brought
 * up to date first (an incremental `tsc` build: a few seconds when nothing changed).
 */
let built = false;
function compiled<T>(module: string): T {
  const root = path.join(__dirname, '..');
  if (!built) {
    execFileSync(
      process.execPath,
      [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    built = true;
  }
  return require(path.join(root, 'dist', module)) as T;
}

async function main(): Promise<void> {
  const { ingestPaths } = compiled<typeof IngestPaths>('core/ingest/ingest-paths');
  const { openSqliteStore } = compiled<typeof SqliteStore>('core/store/sqlite/sqlite-store');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `payments-${rows}-${accounts}.csv${gzip ? '.gz' : ''}`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${file}\n`);
    await generate(file);
  }
  const mb = fs.statSync(file).size / 2 ** 20;
  const dbFile = path.join(dir, 'bench-ingest.db');
  for (const f of [dbFile, `${dbFile}-wal`, `${dbFile}-shm`]) fs.rmSync(f, { force: true });

  const store = openSqliteStore(dbFile);
  await store.migrate();
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  const main0 = mainThreadCpuSeconds();
  const report = await ingestPaths(store, [file], { rejectsDir: dir, parseThread });
  const loadedSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  await store.close();
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const cpu = process.cpuUsage(cpu0);
  const mainCpu = mainThreadCpuSeconds() - main0;
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const f = report.files[0]!;
  const peakMiB = process.resourceUsage().maxRSS / 1024;
  console.log(`file            ${file} (${mb.toFixed(0)} MiB, ${rows} rows, ${accounts} accounts)`);
  console.log(
    `fraud-rings     ${f.accepted} rows accepted, ${f.rejected} rejected, loaded=${f.loaded}`,
  );
  console.log(
    `fraud-rings     ${seconds.toFixed(2)} s, ${Math.round(f.read / seconds).toLocaleString('en')} rows/s (incl. commit and close)`,
  );
  console.log(
    `fraud-rings     ${cpuSeconds.toFixed(2)} s of CPU (all threads), ${Math.round(f.read / cpuSeconds).toLocaleString('en')} rows per CPU second; load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`,
  );
  console.log(
    `breakdown       ${loadedSeconds.toFixed(2)} s to commit, ${(seconds - loadedSeconds).toFixed(2)} s to close (WAL checkpoint); CPU ${mainCpu.toFixed(2)} s on the main (write) thread, ${(cpuSeconds - mainCpu).toFixed(2)} s on other threads (parse thread: ${parseThread}); ${Math.round(f.read / mainCpu).toLocaleString('en')} rows per main-thread CPU second`,
  );
  console.log(`peak RSS        ${peakMiB.toFixed(0)} MiB`);

  const which = spawnSync('sqlite3', ['--version']);
  if (which.status !== 0) {
    console.log(
      'sqlite3 .import skipped: the sqlite3 shell is not installed (apt-get install -y sqlite3)',
    );
    return;
  }
  const csv = gzip ? path.join(dir, 'bench-import.csv') : file;
  if (gzip) fs.writeFileSync(csv, zlib.gunzipSync(fs.readFileSync(file)));
  const importDb = path.join(dir, 'bench-import.db');
  fs.rmSync(importDb, { force: true });
  const t1 = process.hrtime.bigint();
  execFileSync('sqlite3', [importDb, '.import --csv ' + csv.replace(/ /g, '\\ ') + ' payments']);
  const importSeconds = Number(process.hrtime.bigint() - t1) / 1e9;
  console.log(
    `sqlite3 .import ${importSeconds.toFixed(2)} s, ${Math.round(rows / importSeconds).toLocaleString('en')} rows/s (bare: no validation, no indexes, no keys)`,
  );
  if (gzip) fs.rmSync(csv, { force: true });
}

main().catch((err) => {
  console.error(err);
  process.exitCode = 1;
});
