// A parsed query evaluated on the postings of ./postings.ts: exactly the
// articles whose folded field text contains each word (one, two or three
// characters: its own term; longer: trigrams that cover it, confirmed where
// they stand in line), combined by AND / OR / NOT as sorted id lists. Every store reads its
// postings its own way and hands them in as a PostingsSource.
import { QueryError, type Query } from './query.js';
import { FIELD_CODE, FIELD_ORDER, type Postings } from './postings.js';
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
  for (const r of rows) at = r.ends ? hitsFromEnds(r, ids, tf, at) : hitsFromCounts(r, ids, tf, at);
  return { ids, tf };
}

// Written straight into the term's arrays (exactCounts' own array cost as much as the rest at 1M).

/** A trigram row's ids and counts (a doc's count is how many positions it has) from `at` on; returns where it ended. */
function hitsFromEnds(r: Postings, ids: Int32Array, tf: Uint32Array, at: number): number {
  const { base, docs } = r;
  const ends = r.ends!;
  let prev = 0;
  for (let i = 0; i < docs.length; i++, at++) {
    ids[at] = base + docs[i];
    tf[at] = ends[i] - prev;
    prev = ends[i];
  }
  return at;
}

/** A unigram's or bigram's row (counts of 255 continue in `overflow`) from `at` on; returns where it ended. */
function hitsFromCounts(r: Postings, ids: Int32Array, tf: Uint32Array, at: number): number {
  const { base, docs } = r;
  const counts = r.counts!;
  const overflow = r.overflow!;
  let k = 0;
  for (let i = 0; i < docs.length; i++, at++) {
    ids[at] = base + docs[i];
    const c = counts[i];
    tf[at] = c === 255 ? overflow[k++] : c;
  }
  return at;
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

/**
 * Where a phrase of four or more characters stands in one field. Its trigrams
 * at offsets 0, 3, 6, … and the last cover it; an article holds the phrase
 * where each stands at its offset from the others. Segment by segment, the
 * places of the cover with the fewest articles there are kept where the next
 * cover stands at its offset from them, what is left where the one after does,
 * and so on.
 */
function phraseHits(src: PostingsSource, code: string, chars: string[]): WordHits {
  const offsets: number[] = [];
  for (let k = 0; k + 2 < chars.length; k += 3) offsets.push(k);
  if (offsets[offsets.length - 1] !== chars.length - 3) offsets.push(chars.length - 3);
  const out = new Hits();
  const covers: Array<Map<number, Postings>> = [];
  for (const k of offsets) {
    const rows = src.postings(code + chars[k] + chars[k + 1] + chars[k + 2]);
    // a cover no article of the field holds: the rest need not be read
    if (rows.length === 0) return out.done();
    covers.push(new Map(rows.map((r) => [r.base, r])));
  }
  // what each step keeps is written into one of two buffers in turn, reused segment after segment
  const buffers = [new PlacesBuffer(), new PlacesBuffer()];
  for (const base of covers[0].keys()) {
    const here = covers.map((c) => c.get(base));
    if (here.some((p) => !p)) continue;
    const rows = here as Postings[];
    let from = 0;
    for (let c = 1; c < rows.length; c++) if (rows[c].docs.length < rows[from].docs.length) from = c;
    let places: Places = { docs: rows[from].docs, ends: rows[from].ends!, positions: rows[from].positions! };
    for (let c = 0, step = 0; c < rows.length && places.docs.length; c++) {
      if (c !== from) places = keepWhere(places, rows[c], offsets[c] - offsets[from], buffers[step++ % 2]);
    }
    const { docs, ends } = places;
    for (let i = 0; i < docs.length; i++) out.push(base + docs[i], ends[i] - (i ? ends[i - 1] : 0));
  }
  return out.done();
}

/** Where a phrase's trigram stands so far, in one segment: doc i's places are positions[ends[i-1] .. ends[i]]. */
interface Places {
  docs: Uint16Array;
  ends: Uint32Array;
  positions: Uint16Array | Uint32Array;
}

/** Arrays that keepWhere writes the places it keeps into, grown when a step needs more. */
class PlacesBuffer {
  docs = new Uint16Array(0);
  ends = new Uint32Array(0);
  positions = new Uint32Array(0);

  fit(docs: number, positions: number): this {
    if (this.docs.length < docs) {
      this.docs = new Uint16Array(docs);
      this.ends = new Uint32Array(docs);
    }
    if (this.positions.length < positions) this.positions = new Uint32Array(positions);
    return this;
  }
}

/**
 * The places p of `places` where `cover` stands at p + off, written into
 * `into`. Both walks go forward only (docs, and each doc's positions,
 * ascending), so that the hot loop calls nothing but a gallop over a gap.
 */
function keepWhere(places: Places, cover: Postings, off: number, into: PlacesBuffer): Places {
  const da = places.docs;
  const ea = places.ends;
  const pa = places.positions;
  const db = cover.docs;
  const eb = cover.ends!;
  const pb = cover.positions!;
  const { docs, ends, positions } = into.fit(Math.min(da.length, db.length), pa.length);
  let n = 0;
  let kept = 0;
  let i = 0;
  let j = 0;
  while (i < da.length && j < db.length) {
    const x = da[i];
    const y = db[j];
    if (x < y) {
      i = da[i + 1] >= y ? i + 1 : gallop(da, y, i);
      continue;
    }
    if (y < x) {
      j = db[j + 1] >= x ? j + 1 : gallop(db, x, j);
      continue;
    }
    const before = kept;
    let w = j ? eb[j - 1] : 0;
    const stop = eb[j];
    for (let q = i ? ea[i - 1] : 0, qe = ea[i]; q < qe; q++) {
      const want = pa[q] + off;
      while (w < stop && pb[w] < want) w++;
      if (w < stop && pb[w] === want) positions[kept++] = pa[q];
    }
    if (kept > before) {
      docs[n] = x;
      ends[n++] = kept;
    }
    i++;
    j++;
  }
  return { docs: docs.subarray(0, n), ends: ends.subarray(0, n), positions: positions.subarray(0, kept) };
}

/** Hits collected in order. */
class Hits {
  private ids = new Int32Array(256);
  private tf = new Uint32Array(256);
  private n = 0;
  push(id: number, count: number): void {
    if (this.n === this.ids.length) {
      const ids = new Int32Array(2 * this.n);
      ids.set(this.ids);
      this.ids = ids;
      const tf = new Uint32Array(2 * this.n);
      tf.set(this.tf);
      this.tf = tf;
    }
    this.ids[this.n] = id;
    this.tf[this.n++] = count;
  }
  done(): WordHits {
    return { ids: this.ids.subarray(0, this.n), tf: this.tf.subarray(0, this.n) };
  }
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
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length * 8 < long.length ? mergeInto(short, long) : mergeEven(a, b);
}

/**
 * A short list merged into a long one: the long one's runs between the short
 * one's ids are copied whole (a headline's hits into the body's, say).
 */
function mergeInto(short: Int32Array, long: Int32Array): Int32Array {
  const out = new Int32Array(short.length + long.length);
  let n = 0;
  let from = 0;
  for (let i = 0; i < short.length; i++) {
    const v = short[i];
    const to = gallop(long, v, from);
    out.set(long.subarray(from, to), n);
    n += to - from;
    from = to < long.length && long[to] === v ? to + 1 : to;
    out[n++] = v;
  }
  out.set(long.subarray(from), n);
  n += long.length - from;
  return out.subarray(0, n);
}

function mergeEven(a: Int32Array, b: Int32Array): Int32Array {
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
