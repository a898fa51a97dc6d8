// Relevance for the postings of ./postings.ts: bm25 over the words of a query,
// a word's count in each field weighted (a headline's ten times the body's, so
// headline hits come first), the article's length from the postings' length
// lists.
import { FIELD_ORDER, LENGTHS_TERM, exactCounts, type Postings } from './postings.js';
import { fieldWordHits, gallop, type PostingsSource, type WordHits } from './match-query.js';
import type { SearchField } from '../store/store.js';

export const FIELD_WEIGHTS: Record<SearchField, number> = { title: 10, body: 1, byline: 2, caption: 2 };
const K1 = 1.2;
const B = 0.75;

/** Article lengths (folded characters), by id. */
export class Lengths {
  private readonly byId: Uint32Array;
  readonly average: number;
  readonly articles: number;

  constructor(src: PostingsSource) {
    const rows = src.postings(LENGTHS_TERM);
    let max = 0;
    for (const r of rows) if (r.docs.length) max = Math.max(max, r.base + r.docs[r.docs.length - 1]);
    this.byId = new Uint32Array(max + 1);
    let total = 0;
    let n = 0;
    for (const r of rows) {
      const counts = exactCounts(r);
      for (let i = 0; i < counts.length; i++) {
        this.byId[r.base + r.docs[i]] = counts[i];
        total += counts[i];
      }
      n += counts.length;
    }
    this.average = n ? total / n : 1;
    this.articles = n;
  }

  of(id: number): number {
    return id < this.byId.length ? this.byId[id] : this.average;
  }
}

/** Adds weight × its count in hits to each id's slot of `into` (ids and hits ascending), walking whichever list is shorter. */
function addCounts(ids: Int32Array, hits: WordHits, weight: number, into: Float64Array): void {
  const h = hits.ids;
  if (ids.length === 0) return;
  let j = gallop(h, ids[0], 0);
  const last = ids[ids.length - 1];
  if (h.length - j < ids.length) {
    // a headline's hits are few beside the body's
    let i = 0;
    for (; j < h.length && h[j] <= last; j++) {
      i = gallop(ids, h[j], i);
      if (ids[i] === h[j]) into[i] += weight * hits.tf[j];
    }
    return;
  }
  for (let i = 0; i < ids.length && j < h.length; i++) {
    const v = ids[i];
    j = gallop(h, v, j);
    if (j < h.length && h[j] === v) into[i] += weight * hits.tf[j];
  }
}

/** Indexes of the `count` best scores from `from` on (ties: the later index first), best first. */
export function topScores(scores: Float64Array, from: number, count: number): number[] {
  const want = from + count;
  if (want >= scores.length / 4) {
    return Array.from(scores.keys())
      .sort((a, b) => scores[b] - scores[a] || b - a)
      .slice(from, want);
  }
  // few wanted of many: keep the best `want` in order as the scores go by
  const best: number[] = [];
  const better = (a: number, b: number) => scores[a] > scores[b] || (scores[a] === scores[b] && a > b);
  for (let i = 0; i < scores.length; i++) {
    if (best.length === want && !better(i, best[want - 1])) continue;
    let at = best.length === want ? want - 1 : best.length;
    while (at > 0 && better(i, best[at - 1])) at--;
    best.splice(at, 0, i);
    if (best.length > want) best.pop();
  }
  return best.slice(from);
}

/**
 * bm25 scores of some articles (ids ascending) for the words of a query, in
 * the given fields; `cache` holds the words' hits already looked up to match.
 */
export function scoreHits(
  src: PostingsSource,
  ids: Int32Array,
  words: string[],
  fields: SearchField[] = FIELD_ORDER,
  lengths: Lengths,
  cache?: Map<string, WordHits>,
): Float64Array {
  const scores = new Float64Array(ids.length);
  const norm = new Float64Array(ids.length);
  for (let i = 0; i < ids.length; i++) norm[i] = K1 * (1 - B + (B * lengths.of(ids[i])) / lengths.average);
  for (const word of [...new Set(words)]) {
    const weighted = new Float64Array(ids.length);
    let df = 0;
    for (const field of fields) {
      const hits = fieldWordHits(src, field, word, cache);
      df = Math.max(df, hits.ids.length);
      addCounts(ids, hits, FIELD_WEIGHTS[field], weighted);
    }
    const idf = Math.log(1 + (lengths.articles - df + 0.5) / (df + 0.5));
    for (let i = 0; i < ids.length; i++) if (weighted[i]) scores[i] += (idf * weighted[i] * (K1 + 1)) / (weighted[i] + norm[i]);
  }
  return scores;
}
