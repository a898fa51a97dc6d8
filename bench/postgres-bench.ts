// npm run bench:postgres -- [--articles N] [--pg postgres://…]   (or BANMIAN_BENCH_POSTGRES)
//   … --search-only --schema NAME --sqlite PATH: step 3 alone, on an archive kept from an earlier run
//   (--keep) or copied into PostgreSQL with `banmian migrate` from a SQLite bench archive
// The same synthetic archive on PostgreSQL and SQLite, in one run:
// 1. PostgreSQL, through the job queue: the first tenth of the pages (at least
//    half of them when there are under 4,000) done by 1 worker process, then
//    the rest by 2 workers, into one archive; pages/s of each phase.
// 2. SQLite: the same pages stored by putPages in this process (as `ingest`).
// 3. Search latency p50/p99 over the fixed query set on both stores, beside a
//    substring scan of the same articles held in memory.
// Pages are generated as they are queued or stored (the generator is seeded),
// so 1M articles need no more memory than the scan's texts. Ratios, never assertions.
import { spawn } from 'node:child_process';
import pg from 'pg';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { openStore, fieldTexts, pageInputOf } from '../dist/index.js';
import { enqueuePages, openQueue } from '../dist/queue/ingest-queue.js';
import { ARTICLES_PER_PAGE, benchQueries, loadMaterial, pct, scanText, scanTimes, searchTimes, syntheticPages } from './synthetic.js';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '20000' }, pg: { type: 'string' }, keep: { type: 'boolean' }, 'search-only': { type: 'boolean' }, schema: { type: 'string' }, sqlite: { type: 'string' } },
});
const searchOnly = values['search-only'] ?? false;
if (searchOnly && (!values.schema || !values.sqlite)) {
  console.error('--search-only needs --schema (the PostgreSQL archive) and --sqlite (a SQLite archive of the same pages)');
  process.exit(2);
}
const base = values.pg ?? process.env.BANMIAN_BENCH_POSTGRES ?? process.env.BANMIAN_TEST_POSTGRES;
if (!base) {
  console.log('postgres bench skipped: give --pg postgres://user:pass@host/db or set BANMIAN_BENCH_POSTGRES');
  process.exit(0);
}
const articles = Number(values.articles);
const material = loadMaterial(join(import.meta.dirname, '..', 'examples', 'pages'));
const pageCount = Math.ceil(articles / ARTICLES_PER_PAGE);
const onePhase = pageCount < 4000 ? Math.ceil(pageCount / 2) : Math.ceil(pageCount / 10);
const schema = values.schema ?? `bench_${Date.now().toString(36)}`;
const url = (() => {
  const u = new URL(base);
  u.searchParams.set('schema', schema);
  return u.toString();
})();
const seconds = (t: number) => (performance.now() - t) / 1000;
console.log(
  searchOnly
    ? `banmian postgres bench, search only: schema ${schema} beside ${values.sqlite}, node ${process.version}`
    : `banmian postgres bench: ${articles.toLocaleString()} synthetic articles (${pageCount.toLocaleString()} pages), node ${process.version}, schema ${schema}`,
);

/** Queue pages [from, to) with their content, in batches as they are generated. */
async function enqueueRange(from: number, to: number): Promise<void> {
  const boss = await openQueue(url, { supervise: false, schedule: false });
  let batch = [];
  let n = 0;
  for (const p of syntheticPages(articles, material)) {
    if (n >= to) break;
    if (n++ < from) continue;
    batch.push({ path: p.path, content: Buffer.from(p.text).toString('base64'), hints: {} });
    if (batch.length === 1000) await enqueuePages(boss, batch.splice(0));
  }
  await enqueuePages(boss, batch);
  await boss.stop({ graceful: false, wait: true });
}

/** Starts `workers` worker processes on the queue and returns the seconds until all are idle and gone. */
async function drain(workers: number): Promise<number> {
  const t = performance.now();
  const main = join(import.meta.dirname, '..', 'dist', 'cli', 'main.js');
  await Promise.all(
    Array.from({ length: workers }, () => {
      const child = spawn(process.execPath, [main, 'worker', '--db', url, '--concurrency', '2', '--exit-when-idle', '--quiet'], { stdio: 'inherit' });
      return new Promise((resolve) => child.on('exit', resolve));
    }),
  );
  return seconds(t);
}

const dir = mkdtempSync(join(tmpdir(), 'banmian-pgbench-'));
const sqlitePath = values.sqlite ?? join(dir, 'bench.db');
if (!searchOnly) await ingestBoth();

/** 1 and 2: the pages into PostgreSQL through the queue, then into SQLite in this process. */
async function ingestBoth(): Promise<void> {
  const made = await openStore(url); // the schema and tables, before any clock starts
  await made.close();
  await enqueueRange(0, onePhase);
  const one = onePhase / (await drain(1));
  console.log(`postgres ingest, 1 worker   ${one.toFixed(0).padStart(6)} pages/s  (pages 1–${onePhase.toLocaleString()})`);
  let t = performance.now();
  await enqueueRange(onePhase, pageCount);
  console.log(`  (${(pageCount - onePhase).toLocaleString()} more pages queued in ${seconds(t).toFixed(0)}s)`);
  const two = (pageCount - onePhase) / (await drain(2));
  console.log(`postgres ingest, 2 workers  ${two.toFixed(0).padStart(6)} pages/s  (pages ${(onePhase + 1).toLocaleString()}–${pageCount.toLocaleString()}; ${(two / one).toFixed(2)}× one worker; this machine's 2 cores are shared with the server)`);

  // SQLite with the same pages, in this process
  const sqlite = await openStore(`sqlite:${sqlitePath}`);
  t = performance.now();
  const encoder = new TextEncoder();
  let batch = [];
  for (const p of syntheticPages(articles, material)) {
    batch.push(pageInputOf(p.path, encoder.encode(p.text)));
    if (batch.length === 64) await sqlite.putPages(batch.splice(0));
  }
  await sqlite.putPages(batch);
  console.log(`sqlite ingest (one process) ${(pageCount / seconds(t)).toFixed(0).padStart(6)} pages/s  (${(statSync(sqlitePath).size / 2 ** 30).toFixed(2)} GiB)`);
  await sqlite.close();
}
const postgres = await openStore(url);
const sqlite = await openStore(`sqlite:${sqlitePath}`);
const admin = new pg.Client({ connectionString: base.replace(/\?.*$/, '') });
await admin.connect();
const size = (await admin.query(`SELECT sum(pg_total_relation_size(c.oid))::bigint AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1`, [schema])).rows[0].bytes;
console.log(`postgres archive ${(Number(size) / 2 ** 30).toFixed(2)} GiB; ${(await postgres.stats()).articles.toLocaleString()} articles`);

const texts: string[] = [];
for await (const a of sqlite.articles()) texts.push(scanText(fieldTexts(a)));
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
// the bench's archives go with it, unless --keep: the SQLite file, the PostgreSQL schema (archive and queue)
if (values.keep) console.log(`kept: schema ${schema}, ${sqlitePath}`);
else rmSync(dir, { recursive: true, force: true });
if (!values.keep && !searchOnly) await admin.query(`DROP SCHEMA IF EXISTS ${schema}, ${schema}_jobs CASCADE`);
await admin.end();
