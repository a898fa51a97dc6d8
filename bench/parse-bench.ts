// npm run bench: pages/s of `parse` beside a floor pass measured in the same run,
// on the example pages repeated. Reported as ratios; nothing here is asserted.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parsePage } from '../dist/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = join(root, 'examples', 'pages');
const pages = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => ({ name: f, bytes: readFileSync(join(dir, f)) }));
const seconds = Number(process.env.BENCH_SECONDS ?? 3);

/** The least any parser must do: decode, split lines, a few regexes per line. */
function floorPass(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  let hits = 0;
  for (const line of text.split('\n')) {
    if (/^本报讯/.test(line)) hits++;
    if (/[（(](?:紧接|下转|详见)第.{1,3}版[）)]/.test(line)) hits++;
    if (/[。！？]$/.test(line.trimEnd())) hits++;
  }
  return hits;
}

function measure(label: string, fn: (bytes: Uint8Array, name: string) => unknown): { pagesPerSecond: number; heapMb: number } {
  for (let i = 0; i < 20; i++) for (const p of pages) fn(p.bytes, p.name); // warm up
  global.gc?.();
  const heapBefore = process.memoryUsage().heapUsed;
  let maxHeap = heapBefore;
  let n = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(seconds * 1e9));
  while (process.hrtime.bigint() < deadline) {
    for (const p of pages) fn(p.bytes, p.name);
    n += pages.length;
    if (n % 200 === 0) maxHeap = Math.max(maxHeap, process.memoryUsage().heapUsed);
  }
  const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
  const result = { pagesPerSecond: n / elapsed, heapMb: (maxHeap - heapBefore) / 2 ** 20 };
  console.log(`${label.padEnd(8)} ${result.pagesPerSecond.toFixed(0).padStart(8)} pages/s   heap growth ${result.heapMb.toFixed(1)} MB`);
  return result;
}

const kb = pages.reduce((s, p) => s + p.bytes.length, 0) / pages.length / 1024;
console.log(`banmian parse bench: ${pages.length} example pages (${kb.toFixed(1)} KB each on average), ${seconds}s per pass, node ${process.version}`);
const floor = measure('floor', floorPass);
const parse = measure('parse', (bytes, name) => parsePage(bytes, name));
console.log(`parse/floor speed ratio: ${(parse.pagesPerSecond / floor.pagesPerSecond).toFixed(3)} (target ≥ 0.333)`);
console.log(`parse: ${(1000 / parse.pagesPerSecond).toFixed(2)} ms per page`);

// One text of many pages run together (a whole issue or a year pasted into one file): its time per page beside a page
// alone, in the same run. Linking looks for a headline's body among the runs of text around it, so this stays near 1×.
const RUN_TOGETHER = 100;
const long = Buffer.concat(Array.from({ length: RUN_TOGETHER }, (_, i) => pages[i % pages.length].bytes));
const single = (() => {
  const start = process.hrtime.bigint();
  for (let i = 0; i < RUN_TOGETHER; i++) parsePage(pages[i % pages.length].bytes, pages[i % pages.length].name);
  return Number(process.hrtime.bigint() - start) / 1e9;
})();
const together = (() => {
  const start = process.hrtime.bigint();
  parsePage(long, 'run-together.txt');
  return Number(process.hrtime.bigint() - start) / 1e9;
})();
console.log(
  `${RUN_TOGETHER} pages in one text (${(long.length / 2 ** 20).toFixed(1)} MB): ${together.toFixed(2)} s, against ${single.toFixed(2)} s as ${RUN_TOGETHER} texts: ${(together / single).toFixed(1)}× the time`,
);
