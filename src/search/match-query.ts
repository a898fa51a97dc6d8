// A parsed query evaluated on the postings of ./postings.ts: exactly the
// articles whose folded field text contains each word (one, two or three
// characters: its own term; longer: trigrams that cover it, confirmed where
// they stand in line), combined by AND / OR / NOT as sorted id lists. Every store reads its
// postings its own way and hands them in as a PostingsSource.
import { QueryError, type Query } from './query.js';
import { FIELD_CODE, FIELD_ORDER, exactCounts, type Postings } from './postings.js';
import type { SearchField } from '../store/store.js';

export interface PostingsSource {
  /** a term's postings, row by row, ids ascending across rows */
  postings(term: string): Postings[];
}

/** Articles that hold a word, ascending, with how often it stands in each. */
export interface WordHits {
  ids: Int32Array;
  tf: Uint32Array;
}

function codePoints(s: string): string[] {
  return [...s];
}

/** One term's ids and counts, over all rows. */
function termHits(src: PostingsSource, term: string): WordHits {
  const rows = src.postings(term);
  let n = 0;
  for (const r of rows) n += r.docs.length;
  const ids = new Int32Array(n);
  const tf = new Uint32Array(n);
  let at = 0;
  for (const r of rows) {
    const counts = exactCounts(r);
    const { base, docs } = r;
    tf.set(counts, at);
    for (let i = 0; i < docs.length; i++) ids[at++] = base + docs[i];
  }
  return { ids, tf };
}

/** Sorted ids present in every list. */
export function intersectIds(lists: Int32Array[]): Int32Array {
  if (lists.length === 0) return new Int32Array(0);
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let cur = sorted[0];
  for (let k = 1; k < sorted.length && cur.length; k++) {
    const other = sorted[k];
    const out = new Int32Array(cur.length);
    let n = 0;
    let j = 0;
    for (let i = 0; i < cur.length; i++) {
      const v = cur[i];
      j = gallop(other, v, j);
      if (j < other.length && other[j] === v) out[n++] = v;
    }
    cur = out.subarray(0, n);
  }
  return cur;
}

/** The first index ≥ from whose value is ≥ v (ascending values): steps doubling, then halving. */
export function gallop(a: ArrayLike<number>, v: number, from: number): number {
  let step = 1;
  let hi = from;
  while (hi < a.length && a[hi] < v) {
    from = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (from < hi) {
    const mid = (from + hi) >>> 1;
    if (a[mid] < v) from = mid + 1;
    else hi = mid;
  }
  return from;
}

/** Whether positions[lo..hi) (ascending) hold p. */
function holds(positions: ArrayLike<number>, lo: number, hi: number, p: number): boolean {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = positions[mid];
    if (v === p) return true;
    if (v < p) lo = mid + 1;
    else hi = mid;
  }
  return false;
}

/**
 * Where a phrase of four or more characters stands in one field. Its trigrams
 * at offsets 0, 3, 6, … and the last cover it; an article holds the phrase
 * where each stands at its offset from the first. Segment by segment, the
 * covers' doc lists are walked together from the shortest, and positions are
 * read only for the articles in all of them.
 */
function phraseHits(src: PostingsSource, code: string, chars: string[]): WordHits {
  const offsets: number[] = [];
  for (let k = 0; k + 2 < chars.length; k += 3) offsets.push(k);
  if (offsets[offsets.length - 1] !== chars.length - 3) offsets.push(chars.length - 3);
  const covers = offsets.map((k) => new Map(src.postings(code + chars[k] + chars[k + 1] + chars[k + 2]).map((r) => [r.base, r])));
  const ids: number[] = [];
  const tf: number[] = [];
  const m = offsets.length;
  const rows: Postings[] = new Array(m);
  const at = new Int32Array(m);
  for (const [base, first] of covers[0]) {
    rows[0] = first;
    let all = true;
    for (let c = 1; c < m && all; c++) {
      const r = covers[c].get(base);
      if (r) rows[c] = r;
      else all = false;
    }
    if (!all) continue;
    let lead = 0;
    for (let c = 1; c < m; c++) if (rows[c].docs.length < rows[lead].docs.length) lead = c;
    at.fill(0);
    const leadDocs = rows[lead].docs;
    for (let i = 0; i < leadDocs.length; i++) {
      const doc = leadDocs[i];
      let inAll = true;
      for (let c = 0; c < m && inAll; c++) {
        if (c === lead) {
          at[c] = i;
          continue;
        }
        const j = gallop(rows[c].docs, doc, at[c]);
        at[c] = j;
        inAll = j < rows[c].docs.length && rows[c].docs[j] === doc;
      }
      if (!inAll) continue;
      const r0 = rows[0];
      const j0 = at[0];
      let found = 0;
      for (let q = j0 ? r0.ends![j0 - 1] : 0; q < r0.ends![j0]; q++) {
        const p = r0.positions![q];
        let line = true;
        for (let c = 1; c < m && line; c++) {
          const r = rows[c];
          const j = at[c];
          line = holds(r.positions!, j ? r.ends![j - 1] : 0, r.ends![j], p + offsets[c]);
        }
        if (line) found++;
      }
      if (found) {
        ids.push(base + doc);
        tf.push(found);
      }
    }
  }
  return { ids: Int32Array.from(ids), tf: Uint32Array.from(tf) };
}

/** A word (folded) in one field; with a cache, each (field, word) is looked up once per query. */
export function fieldWordHits(src: PostingsSource, field: SearchField, folded: string, cache?: Map<string, WordHits>): WordHits {
  const key = `${field}\u0000${folded}`;
  const known = cache?.get(key);
  if (known) return known;
  const hits = lookUpWord(src, field, folded);
  cache?.set(key, hits);
  return hits;
}

function lookUpWord(src: PostingsSource, field: SearchField, folded: string): WordHits {
  const chars = codePoints(folded);
  const code = FIELD_CODE[field];
  if (chars.length <= 3) return termHits(src, code + folded);
  return phraseHits(src, code, chars);
}

/** Sorted ids present in any list. */
export function unionIds(lists: Int32Array[]): Int32Array {
  const queue = lists.filter((l) => l.length).sort((a, b) => a.length - b.length);
  if (queue.length === 0) return new Int32Array(0);
  while (queue.length > 1) {
    const merged = mergeTwo(queue.shift()!, queue.shift()!);
    let at = 0;
    while (at < queue.length && queue[at].length < merged.length) at++;
    queue.splice(at, 0, merged);
  }
  return queue[0];
}

function mergeTwo(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < a.length && j < b.length) {
    const x = a[i];
    const y = b[j];
    if (x < y) {
      out[n++] = x;
      i++;
    } else if (y < x) {
      out[n++] = y;
      j++;
    } else {
      out[n++] = x;
      i++;
      j++;
    }
  }
  while (i < a.length) out[n++] = a[i++];
  while (j < b.length) out[n++] = b[j++];
  return out.subarray(0, n);
}

export function exceptIds(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    j = gallop(b, a[i], j);
    if (j >= b.length || b[j] !== a[i]) out[n++] = a[i];
  }
  return out.subarray(0, n);
}

/** The ids (ascending) of the articles a query matches, in one field or in any. */
export function matchQuery(src: PostingsSource, q: Query, field?: SearchField, cache?: Map<string, WordHits>): Int32Array {
  const fields = field ? [field] : FIELD_ORDER;
  switch (q.type) {
    case 'term':
      return unionIds(fields.map((f) => fieldWordHits(src, f, q.folded, cache).ids));
    case 'or':
      if (q.items.some((i) => i.type === 'not')) throw new QueryError('NOT cannot stand directly inside OR; put it in parentheses with a word to find');
      return unionIds(q.items.map((i) => matchQuery(src, i, field, cache)));
    case 'and': {
      const pos = q.items.filter((i) => i.type !== 'not');
      let ids = intersectIds(pos.map((i) => matchQuery(src, i, field, cache)));
      for (const n of q.items) if (n.type === 'not' && ids.length) ids = exceptIds(ids, matchQuery(src, n.item, field, cache));
      return ids;
    }
    case 'not':
      throw new QueryError('the query only excludes; say what to find as well');
  }
}
