// npm run bench:archive -- [--articles N] [--db PATH]
// Builds a synthetic archive of N articles (default 100,000) in a fresh SQLite
// file and reports, in one run: parse pages/s and ingest pages/s (parse and
// store), and search latency p50/p99 over a fixed query set beside a plain
// substring scan of the same articles. Ratios, never assertions.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { openStore, fieldTexts, pageInputOf, ingestSources, poolSize } from '../dist/index.js';
import { benchQueries, loadMaterial, pct, scanText, scanTimes as scanLatencies, searchTimes as searchLatencies, syntheticPages } from './synthetic.js';

const { values } = parseArgs({ options: { articles: { type: 'string', default: '100000' }, db: { type: 'string' }, keep: { type: 'boolean' }, 'search-only': { type: 'boolean' } } });
const articles = Number(values.articles);
const dir = mkdtempSync(join(tmpdir(), 'banmian-bench-'));
const dbPath = values.db ?? join(dir, 'bench.db');
const material = loadMaterial(join(import.meta.dirname, '..', 'examples', 'pages'));
const encoder = new TextEncoder();

console.log(`banmian archive bench: ${articles.toLocaleString()} synthetic articles, node ${process.version}, store ${dbPath}`);

// parse alone, on the first pages: once to warm up, then timed twice, the faster pass kept (one cold pass moved
// by a third between runs); timed again after the ingest, and the faster of the two compared with it, since
// this machine's speed drifts by a third within the hour
const sample = [...syntheticPages(Math.min(articles, 12_000), material)];
function parseAlone(): number {
  let rate = 0;
  for (let pass = 0; pass < 3; pass++) {
    const t = performance.now();
    for (const p of sample) pageInputOf(p.path, encoder.encode(p.text));
    if (pass > 0) rate = Math.max(rate, sample.length / ((performance.now() - t) / 1000));
  }
  return rate;
}
const searchOnly = Boolean(values['search-only']);
const parseBefore = searchOnly ? 0 : parseAlone();
let t = 0;

// ingest: parse and store every page as `banmian ingest` does (each page all or nothing, 64 committed together)
const store = await openStore(`sqlite:${dbPath}`);
t = performance.now();
let pages = 0;
const sources = function* () {
  for (const p of searchOnly ? [] : syntheticPages(articles, material)) {
    if (++pages % 20_000 === 0) console.log(`  … ${pages.toLocaleString()} pages read`);
    yield { path: p.path, read: () => encoder.encode(p.text) };
  }
};
// as `banmian ingest` does for many files: parsed on worker threads while this one writes
const workers = poolSize();
await ingestSources(store, sources(), { workers });
const ingestSeconds = (performance.now() - t) / 1000;
const ingestRate = pages / ingestSeconds;
const parseAfter = searchOnly ? 0 : parseAlone();
const parseRate = Math.max(parseBefore, parseAfter);
if (!searchOnly) {
  console.log(`parse     ${parseRate.toFixed(0).padStart(8)} pages/s  (the faster of before the ingest, ${parseBefore.toFixed(0)}, and after it, ${parseAfter ? parseAfter.toFixed(0) : 'not run'})`);
console.log(`ingest    ${ingestRate.toFixed(0).padStart(8)} pages/s  (${pages.toLocaleString()} pages in ${ingestSeconds.toFixed(0)}s, parsed on ${workers} worker thread${workers === 1 ? '' : 's'}; ${(statSync(dbPath).size / 2 ** 30).toFixed(2)} GiB)`);
  console.log(`ingest/parse ratio: ${(ingestRate / parseRate).toFixed(2)} (target ≥ 0.5)`);
}

// the same articles' folded field texts, in memory, for the scan
const texts: string[] = [];
for await (const a of store.articles()) texts.push(scanText(fieldTexts(a)));

const queries = benchQueries(material);
// as many other queries of the same kinds (another draw), searched first: a fresh process's first searches run
// code V8 has not compiled yet, which measures its compiler rather than the index (the scan's one loop is warm
// after its first query)
const warmQueries = benchQueries(material, 7).filter((q) => !queries.includes(q));

if (!searchOnly) console.log(`(ingest figures above; search figures below)`);
// the other queries in the fresh process; then each measured query once, the first time it is searched (the
// figure compared), its postings read from the disk or the OS's cache; then the same queries again
const coldTimes = await searchLatencies(store, warmQueries);
const searchTimes = await searchLatencies(store, queries);
const againTimes = await searchLatencies(store, queries);
const scanTimes = scanLatencies(texts, queries);
const p50 = pct(searchTimes, 50);
const p99 = pct(searchTimes, 99);
const scan50 = pct(scanTimes, 50);
console.log(`  cold    p50 ${pct(coldTimes, 50).toFixed(2)} ms  p99 ${pct(coldTimes, 99).toFixed(2)} ms  (${warmQueries.length} other queries of the same kinds, the process's first searches)`);
console.log(`search    p50 ${p50.toFixed(2)} ms  p99 ${p99.toFixed(2)} ms  (${queries.length} queries, each searched for the first time: 1-, 2-, 3-, 4-character words and 8-character phrases; total, facets and snippets included)`);
console.log(`  again   p50 ${pct(againTimes, 50).toFixed(2)} ms  p99 ${pct(againTimes, 99).toFixed(2)} ms  (the same queries a second time)`);
console.log(`scan      p50 ${scan50.toFixed(1)} ms  p99 ${pct(scanTimes, 99).toFixed(1)} ms  (substring scan of the same ${texts.length.toLocaleString()} articles held in memory)`);
console.log(`scan/search p50 ratio: ${(scan50 / p50).toFixed(0)}× (target ≥ 100×; ${(scan50 / pct(coldTimes, 50)).toFixed(0)}× the process's first searches, ${(scan50 / pct(againTimes, 50)).toFixed(0)}× the second time)`);
await store.close();
if (!values.keep && !values.db) rmSync(dir, { recursive: true, force: true });
