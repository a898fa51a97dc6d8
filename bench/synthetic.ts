// A synthetic archive for benchmarks: the sentences, headlines and reporters of
// the example pages, shuffled by a seeded generator into articles, pages (6
// articles each), issues (8 pages each) and three papers. The pages are text in
// the form a marked extraction gives (`## headline`, `本报讯 记者X报道 …`), so
// ingesting them runs the whole parser.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage, parseQuery, fold, type Store } from '../dist/index.js';
import { rng } from '../tools/seeded.js';

export interface SyntheticPage {
  path: string;
  paper: string;
  date: string;
  page: number;
  text: string;
}

export function loadMaterial(dir: string): { sentences: string[]; headlines: string[]; reporters: string[] } {
  const sentences: string[] = [];
  const headlines: string[] = [];
  const reporters = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
    const { record } = parsePage(readFileSync(join(dir, f)), f);
    for (const a of record.articles) {
      if (a.title) headlines.push(a.title);
      a.byline.reporters.forEach((r) => reporters.add(r));
      for (const p of a.paragraphs) sentences.push(...(p.match(/[^。！？]+[。！？]”?/g) ?? []).filter((s) => s.length >= 8));
    }
  }
  return { sentences, headlines, reporters: [...reporters] };
}

export const PAPERS = ['浙江工人日报', '钱江晚报', '义乌商报'];
export const ARTICLES_PER_PAGE = 6;
export const PAGES_PER_ISSUE = 8;

/** Pages holding `articles` articles in all, spread over the papers day by day from 2000-01-01. */
export function* syntheticPages(articles: number, material = loadMaterial(join(import.meta.dirname ?? '.', '..', 'examples', 'pages')), seed = 7): Generator<SyntheticPage> {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const pages = Math.ceil(articles / ARTICLES_PER_PAGE);
  for (let n = 0; n < pages; n++) {
    const issue = Math.floor(n / PAGES_PER_ISSUE);
    const paper = PAPERS[issue % PAPERS.length];
    const day = Math.floor(issue / PAPERS.length);
    const date = new Date(Date.UTC(2000, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const page = (n % PAGES_PER_ISSUE) + 1;
    const blocks: string[] = [];
    const count = Math.min(ARTICLES_PER_PAGE, articles - n * ARTICLES_PER_PAGE);
    for (let k = 0; k < count; k++) {
      blocks.push(`## ${pick(material.headlines)}${Math.floor(r() * 1000)}`);
      const paragraphs = 2 + Math.floor(r() * 3);
      for (let p = 0; p < paragraphs; p++) {
        const sentences = 1 + Math.floor(r() * 3);
        let text = '';
        for (let s = 0; s < sentences; s++) text += pick(material.sentences);
        blocks.push(p === 0 ? `本报讯 记者${pick(material.reporters)}报道 ${text}` : text);
      }
    }
    yield { path: `${paper}/${date}/${String(page).padStart(2, '0')}.txt`, paper, date, page, text: blocks.join('\n\n') + '\n' };
  }
}

/** The fixed query set of the benches: 20 each of 1-, 2-, 3-, 4-character words and 8-character phrases from the material. */
export function benchQueries(material: { sentences: string[] }, seed = 42): string[] {
  const r = (() => {
    let s = seed;
    return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  })();
  const queries: string[] = [];
  for (const len of [1, 2, 3, 4, 8]) {
    for (let i = 0; i < 20; i++) {
      const s = material.sentences[Math.floor(r() * material.sentences.length)].replace(/[，。！？、“”：；（）《》\s]/g, '');
      const at = Math.floor(r() * Math.max(1, s.length - len));
      // quoted, so that a slice such as `-5月` is read as text, not as NOT
      queries.push(`“${s.slice(at, at + len)}”`);
    }
  }
  return queries;
}

/** The p-th percentile of some timings. */
export function pct(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Search time of each query (the first search warms the store's in-memory counts). */
export async function searchTimes(store: Store, queries: string[]): Promise<number[]> {
  await store.search({ query: parseQuery('“的”'), limit: 1 });
  const times: number[] = [];
  for (const q of queries) {
    const query = parseQuery(q);
    const t = performance.now();
    await store.search({ query, limit: 20 });
    times.push(performance.now() - t);
  }
  return times;
}

/**
 * An article's folded field texts as one string, fields apart by a line break,
 * copied flat: slices of the rows they came from kept those rows alive, and a
 * million articles' texts outgrew an 8 GB heap.
 */
export function scanText(fields: Record<string, string>): string {
  return Buffer.from(Object.values(fields).map(fold).join('\n')).toString();
}

/** Time of a plain substring scan over the articles' folded field texts, for every fifth query. */
export function scanTimes(texts: string[], queries: string[]): number[] {
  const times: number[] = [];
  for (const q of queries.filter((_, i) => i % 5 === 0)) {
    const needle = fold(q.replace(/[“”]/g, ''));
    const t = performance.now();
    let n = 0;
    for (const text of texts) if (text.includes(needle)) n++;
    times.push(performance.now() - t);
    if (n < 0) console.log(n); // keeps the loop from being optimized away
  }
  return times;
}
