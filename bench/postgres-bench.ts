// npm run bench:postgres -- [--articles N] [--pg postgres://…]   (or BANMIAN_BENCH_POSTGRES)
// The same synthetic archive on PostgreSQL, in one run: ingest pages/s through
// the job queue with 1 and with 2 worker processes (each into a fresh schema),
// then search latency p50/p99 over the fixed query set on PostgreSQL beside
// SQLite (the same pages stored by putPages) and a substring scan. Ratios,
// never assertions.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { openStore, fold, fieldTexts, pageInputOf } from '../dist/index.js';
import { enqueuePages, openQueue } from '../dist/queue/ingest-queue.js';
import { benchQueries, loadMaterial, pct, scanTimes, searchTimes, syntheticPages } from './synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '20000' }, pg: { type: 'string' } } });
const base = values.pg ?? process.env.BANMIAN_BENCH_POSTGRES ?? process.env.BANMIAN_TEST_POSTGRES;
if (!base) {
  console.log('postgres bench skipped: give --pg postgres://user:pass@host/db or set BANMIAN_BENCH_POSTGRES');
  process.exit(0);
}
const articles = Number(values.articles);
const material = loadMaterial(join(import.meta.dirname, '..', 'examples', 'pages'));
const pages = [...syntheticPages(articles, material)];
const run = Date.now().toString(36);
const schemaUrl = (name: string) => {
  const u = new URL(base);
  u.searchParams.set('schema', `bench_${run}_${name}`);
  return u.toString();
};
console.log(`banmian postgres bench: ${articles.toLocaleString()} synthetic articles (${pages.length.toLocaleString()} pages), node ${process.version}`);

/** Queue every page (with its content), start `workers` worker processes, and time until they are done. */
async function queuedIngest(url: string, workers: number): Promise<number> {
  const store = await openStore(url); // makes the schema and tables before the clock starts
  await store.close();
  const boss = await openQueue(url, { supervise: false, schedule: false });
  await enqueuePages(
    boss,
    pages.map((p) => ({ path: p.path, content: Buffer.from(p.text).toString('base64'), hints: {} })),
  );
  await boss.stop({ graceful: false, wait: true });
  const t = performance.now();
  const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
  await Promise.all(
    Array.from({ length: workers }, () => {
      const child = spawn(process.execPath, [main, 'worker', '--db', url, '--concurrency', '2', '--exit-when-idle', '--quiet'], { stdio: 'inherit' });
      return new Promise((resolve) => child.on('exit', resolve));
    }),
  );
  return pages.length / ((performance.now() - t) / 1000);
}

const one = await queuedIngest(schemaUrl('w1'), 1);
console.log(`postgres ingest, 1 worker   ${one.toFixed(0).padStart(6)} pages/s`);
const two = await queuedIngest(schemaUrl('w2'), 2);
console.log(`postgres ingest, 2 workers  ${two.toFixed(0).padStart(6)} pages/s  (${(two / one).toFixed(2)}× one worker; this machine has 2 cores, shared with the server)`);

// SQLite with the same pages, for search beside PostgreSQL
const dir = mkdtempSync(join(tmpdir(), 'banmian-pgbench-'));
const sqlite = await openStore(`sqlite:${join(dir, 'bench.db')}`);
let t = performance.now();
const encoder = new TextEncoder();
for (let i = 0; i < pages.length; i += 64) await sqlite.putPages(pages.slice(i, i + 64).map((p) => pageInputOf(p.path, encoder.encode(p.text))));
console.log(`sqlite ingest (one process) ${(pages.length / ((performance.now() - t) / 1000)).toFixed(0).padStart(6)} pages/s`);
const postgres = await openStore(schemaUrl('w1'));

const texts: string[][] = [];
for await (const a of sqlite.articles()) texts.push(Object.values(fieldTexts(a)).map(fold));
const queries = benchQueries(material);

const scans = scanTimes(texts, queries);
const pgTimes = await searchTimes(postgres, queries);
const sqliteTimes = await searchTimes(sqlite, queries);
const scan = pct(scans, 50);
for (const [name, times] of [
  ['postgres', pgTimes],
  ['sqlite', sqliteTimes],
] as const) {
  console.log(`${name.padEnd(8)} search p50 ${pct(times, 50).toFixed(1).padStart(7)} ms  p99 ${pct(times, 99).toFixed(1).padStart(7)} ms  scan/search p50 ${(scan / pct(times, 50)).toFixed(1)}×`);
}
console.log(`scan             p50 ${scan.toFixed(1).padStart(7)} ms  (substring scan of the same ${texts.length.toLocaleString()} articles held in memory)`);
await postgres.close();
await sqlite.close();
rmSync(dir, { recursive: true, force: true });
// the bench's schemas (archives and their queues) go with it
const admin = new pg.Client({ connectionString: base.replace(/\?.*$/, '') });
await admin.connect();
for (const name of ['w1', 'w2']) await admin.query(`DROP SCHEMA IF EXISTS bench_${run}_${name}, bench_${run}_${name}_jobs CASCADE`);
await admin.end();
