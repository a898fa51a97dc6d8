// How well the columns of pdftotext's default-mode texts are put back
// together, measured against the reading order: for generated pages, whose
// `-raw` text (the content stream, which the generator writes in reading
// order) says which block of the default text follows which.
//
//   npm run deinterleave-report -- DIR [--write OUT]
//
// DIR holds NAME.default.txt beside NAME.raw.txt (a generated folder; shuffled
// and scrambled twins are read against their page's own `-raw` text). For each
// page: its blocks, the links between them that the reading order has within a
// column (a block going on in one emitted after it), how many of those the
// chains found make, and how many links they make that it does not have.
//
// --write OUT writes three bounds as texts to parse and score, each a folder of
// NAME.txt: `true-columns` (the reading order's chains, written in the order
// they start, as the found ones are), `true-order` (the same chains in reading
// order), `found-in-order` (the chains found, put in reading order).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { deinterleaved, type ChooseColumns, type DerivedLine } from '../src/parse/deinterleave-columns.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { write: { type: 'string' } } });
const dir = positionals[0];
if (!dir || !existsSync(dir)) {
  console.error('usage: npm run deinterleave-report -- DIR [--write OUT]  (DIR: NAME.default.txt beside NAME.raw.txt)');
  process.exit(2);
}

/**
 * Where each block's text starts and ends in the reading order (whitespace removed); -1 where it is not found.
 * Longer blocks are placed first, each at the first place no block holds yet: a short line that a headline or
 * another line repeats (`“守好红色根脉·班前十分钟活动”`) is not taken for their copy of it.
 */
function placesIn(reading: string, blocks: readonly DerivedLine[][]): Array<{ start: number; end: number }> {
  const texts = blocks.map((b) => b.map((l) => l.text).join('').replace(/\s+/g, ''));
  const held = new Uint8Array(reading.length);
  const places = texts.map(() => ({ start: -1, end: -1 }));
  const order = texts.map((_, k) => k).sort((a, b) => texts[b].length - texts[a].length || a - b);
  for (const k of order) {
    const t = texts[k];
    if (!t) continue;
    for (let at = reading.indexOf(t); at >= 0; at = reading.indexOf(t, at + 1)) {
      if (held.subarray(at, at + t.length).some((x) => x)) continue;
      held.fill(1, at, at + t.length);
      places[k] = { start: at, end: at + t.length };
      break;
    }
  }
  return places;
}

/** The chains the links make, each starting where no link comes in, in block order. */
function chainsOf(n: number, next: Array<number | undefined>): number[][] {
  const hasPrev = new Set(next.filter((j): j is number => j !== undefined));
  const seen = new Set<number>();
  const chains: number[][] = [];
  for (let j = 0; j < n; j++) {
    if (hasPrev.has(j)) continue;
    const chain = [j];
    seen.add(j);
    for (let k = next[j]; k !== undefined && !seen.has(k); k = next[k]) {
      chain.push(k);
      seen.add(k);
    }
    chains.push(chain);
  }
  // (a block the links left out — a cycle from a text found twice — stands alone)
  for (let j = 0; j < n; j++) if (!seen.has(j)) chains.push([j]);
  return chains;
}

const VARIANTS = ['true-columns', 'true-order', 'found-in-order'] as const;
function writeText(variant: string, name: string, text: string): void {
  const folder = join(values.write!, variant);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, `${name}.txt`), text);
}

const totals = { pages: 0, links: 0, found: 0, wrong: 0 };
const rows: string[] = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.default.txt')).sort()) {
  const name = file.slice(0, -'.default.txt'.length);
  const base = name.replace(/-(shuffled|scrambled)$/, '');
  const rawPath = join(dir, `${base}.raw.txt`);
  if (!existsSync(rawPath)) continue;
  const reading = readFileSync(rawPath, 'utf8').replace(/\s+/g, '');
  const text = readFileSync(join(dir, file), 'utf8');
  let blocks: readonly DerivedLine[][] = [];
  let found: number[][] = [];
  const out = deinterleaved(text, (b, f) => {
    blocks = b;
    found = f;
    return f;
  });
  if (!out) {
    rows.push(`${name}: not interleaved`);
    // (read as it is, by every bound)
    if (values.write) for (const variant of VARIANTS) writeText(variant, name, text);
    continue;
  }
  const places = placesIn(reading, blocks);
  const byStart = new Map(places.map((p, k) => [p.start, k]));
  const following = places.map((p) => (p.end < 0 ? undefined : byStart.get(p.end)));
  // within a column, a block goes on in one written after it; a column's top is written before its last line
  const columnNext = following.map((j, i) => (j !== undefined && j > i ? j : undefined));
  const made = new Map<number, number>();
  for (const c of found) for (let k = 0; k + 1 < c.length; k++) made.set(c[k], c[k + 1]);
  const links = columnNext.filter((j) => j !== undefined).length;
  const hit = [...made].filter(([i, j]) => columnNext[i] === j).length;
  const wrong = made.size - hit;
  totals.pages++;
  totals.links += links;
  totals.found += hit;
  totals.wrong += wrong;
  const trueChains = chainsOf(blocks.length, columnNext);
  rows.push(`${name}: ${blocks.length} blocks, ${links} links in columns, found ${hit}, wrong ${wrong}; ${found.length} chains found, ${trueChains.length} in the reading order`);
  if (values.write) {
    const inReading = (chains: number[][]) => [...chains].sort((a, b) => places[a[0]].start - places[b[0]].start);
    const variants: Record<(typeof VARIANTS)[number], ChooseColumns> = {
      'true-columns': () => trueChains,
      'true-order': () => inReading(trueChains),
      'found-in-order': (_, f) => inReading(f),
    };
    for (const variant of VARIANTS) writeText(variant, name, deinterleaved(text, variants[variant])!.text);
  }
}

console.log(rows.join('\n'));
const share = (a: number, b: number) => (b ? ((100 * a) / b).toFixed(1) : '0');
console.log(
  `${totals.pages} pages: ${totals.links} links in columns, found ${totals.found} (${share(totals.found, totals.links)} %), ` +
    `wrong ${totals.wrong} (${share(totals.wrong, totals.found + totals.wrong)} % of those made)`,
);
if (values.write) console.log(`bounds written to ${values.write}/{true-columns,true-order,found-in-order}: parse each (banmian parse DIR/*.txt --out P) and score P against ${dir}`);
