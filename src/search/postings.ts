// banmian's own search index, the part every store shares: each article's
// folded fields cut into unigrams and bigrams (which articles hold them, how
// often) and trigrams (also where each stands, for longer phrases), kept by
// runs of article ids less than 65,536 apart. A run's postings for one term
// are one blob, read in place (fixed-width arrays; only a trigram's ends are
// summed from its counts when read):
//
//   u32 n · u32 flags · u32 k · u16 docs[n] (ids less the run's base, ascending)
//   · u8 counts[n] (255: the next of u32 overflow[k]) · u32 overflow[k]
//   then, for trigrams: positions (u16, u32 when flagged wide), doc i's being the
//   next counts[i] of them. Trigrams written before 2026-12-04 have u32 ends[n]
//   in place of counts and overflow (doc i's positions: positions[ends[i-1] .. ends[i]]);
//   they are read as they are, and merged into the new shape. The counts took a
//   third to a half off a trigram's blob, which a search reads whole.
import { foldChar, foldUnit } from './fold.js';
import type { SearchField } from '../store/store.js';

export const SEGMENT_IDS = 65_536;
export const FIELD_ORDER: SearchField[] = ['title', 'body', 'byline', 'caption'];
/** the one-character prefix of a field's terms */
export const FIELD_CODE: Record<SearchField, string> = { title: 't', body: 'b', byline: 'y', caption: 'c' };
/** the term under which a segment keeps its articles' lengths (folded characters, all fields) */
export const LENGTHS_TERM = '#len';

const WIDE = 1;
const POSITIONS = 2;
/** (with POSITIONS) counts per doc, not ends */
const COUNTED = 4;

export function segmentOf(id: number): number {
  return Math.floor(id / SEGMENT_IDS);
}

/**
 * A term's postings in one segment, read in place: counts (`counts`, 255
 * meaning "see the next `overflow`"; none in trigrams of the older shape) and,
 * for trigrams, positions (doc i's are `positions[ends[i-1] .. ends[i]]`; `ends`
 * is summed from the counts when read).
 */
export interface Postings {
  base: number;
  docs: Uint16Array;
  counts: Uint8Array | null;
  overflow: Uint32Array | null;
  ends: Uint32Array | null;
  positions: Uint16Array | Uint32Array | null;
}

const pad4 = (at: number) => at + ((4 - (at % 4)) % 4);

function aligned(blob: Uint8Array): Uint8Array {
  if (blob.byteOffset % 4 === 0) return blob;
  const copy = new Uint8Array(blob.length);
  copy.set(blob);
  return copy;
}

export function decodePostings(base: number, raw: Uint8Array): Postings {
  const blob = aligned(raw);
  const buf = blob.buffer;
  const [n, flags, k] = new Uint32Array(buf, blob.byteOffset, 3);
  let at = blob.byteOffset + 12;
  const docs = new Uint16Array(buf, at, n);
  at += 2 * n;
  if (flags & POSITIONS && !(flags & COUNTED)) {
    at = pad4(at);
    const ends = new Uint32Array(buf, at, n);
    at += 4 * n;
    const total = n ? ends[n - 1] : 0;
    const positions = flags & WIDE ? new Uint32Array(buf, at, total) : new Uint16Array(buf, at, total);
    return { base, docs, counts: null, overflow: null, ends, positions };
  }
  const counts = new Uint8Array(buf, at, n);
  at = pad4(at + n);
  const overflow = new Uint32Array(buf, at, k);
  if (!(flags & POSITIONS)) return { base, docs, counts, overflow, ends: null, positions: null };
  at += 4 * k;
  const ends = new Uint32Array(n);
  let total = 0;
  for (let i = 0, o = 0; i < n; i++) ends[i] = total += counts[i] === 255 ? overflow[o++] : counts[i];
  const positions = flags & WIDE ? new Uint32Array(buf, at, total) : new Uint16Array(buf, at, total);
  return { base, docs, counts, overflow, ends, positions };
}

/** Exact counts (term frequencies) of a postings list, doc by doc. */
export function exactCounts(p: Postings): Uint32Array {
  const out = new Uint32Array(p.docs.length);
  if (p.ends) {
    for (let i = 0; i < out.length; i++) out[i] = p.ends[i] - (i ? p.ends[i - 1] : 0);
    return out;
  }
  let k = 0;
  for (let i = 0; i < out.length; i++) out[i] = p.counts![i] === 255 ? p.overflow![k++] : p.counts![i];
  return out;
}

/** A growable array of 32-bit integers. */
class Grow {
  a: Int32Array;
  n = 0;
  constructor(size = 4) {
    this.a = new Int32Array(size);
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
  view(): Int32Array {
    return this.a.subarray(0, this.n);
  }
}

const foldCache = new Map<number, number[]>();

/** The folded code points of one printed code point (none for white space). */
function foldCode(cp: number): number[] {
  let f = foldCache.get(cp);
  if (f === undefined) {
    f = [];
    for (const c of foldChar(String.fromCodePoint(cp))) f.push(c.codePointAt(0)!);
    foldCache.set(cp, f);
  }
  return f;
}

/** The folded code points of a printed text. */
export function foldedCodes(printed: string, out: Grow = new Grow(printed.length + 1)): Int32Array {
  out.n = 0;
  for (let i = 0; i < printed.length; i++) {
    let cp = printed.charCodeAt(i);
    if (cp < 0xd800 || cp > 0xdfff) {
      // the usual case, a table look-up
      const u = foldUnit(cp);
      if (u >= 0) out.push(u);
      if (u !== -2) continue;
    }
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < printed.length) {
      cp = printed.codePointAt(i)!;
      if (cp > 0xffff) i++;
    }
    const f = foldCode(cp);
    for (let k = 0; k < f.length; k++) out.push(f[k]);
  }
  return out.view();
}

/** Encodes a term's postings: docs with counts, and for trigrams each doc's positions (`tail` then holds each doc's end in them). */
export function encodePostings(docs: ArrayLike<number>, tail: ArrayLike<number>, positions: ArrayLike<number> | null): Uint8Array {
  const n = docs.length;
  const countOf = positions ? (i: number) => tail[i] - (i ? tail[i - 1] : 0) : (i: number) => tail[i];
  let k = 0;
  for (let i = 0; i < n; i++) if (countOf(i) >= 255) k++;
  let wide = false;
  if (positions) for (let i = 0; i < positions.length && !wide; i++) wide = positions[i] > 0xffff;
  const at = pad4(12 + 3 * n);
  const blob = new Uint8Array(at + 4 * k + (positions ? positions.length * (wide ? 4 : 2) : 0));
  new Uint32Array(blob.buffer, 0, 3).set([n, positions ? POSITIONS | COUNTED | (wide ? WIDE : 0) : 0, k]);
  new Uint16Array(blob.buffer, 12, n).set(docs);
  const counts = new Uint8Array(blob.buffer, 12 + 2 * n, n);
  const overflow = new Uint32Array(blob.buffer, at, k);
  k = 0;
  for (let i = 0; i < n; i++) {
    const c = countOf(i);
    counts[i] = Math.min(c, 255);
    if (c >= 255) overflow[k++] = c;
  }
  if (positions) (wide ? new Uint32Array(blob.buffer, at + 4 * k, positions.length) : new Uint16Array(blob.buffer, at + 4 * k, positions.length)).set(positions);
  return blob;
}

/**
 * (term, code point) → the longer term, in typed arrays with open addressing.
 * A Map per term (a run's every unigram and bigram one) took 0.90–0.98 s to
 * gather 16,384 bench articles' occurrences; this table 0.59–0.71 s.
 */
class TermChildren {
  private parent = new Int32Array(1 << 16);
  private code = new Int32Array(1 << 16);
  private child = new Int32Array(1 << 16).fill(-1);
  private mask = (1 << 16) - 1;
  private size = 0;

  private slot(parent: number, code: number): number {
    let h = Math.imul(parent, 0x9e3779b1) ^ Math.imul(code, 0x85ebca77);
    h ^= h >>> 15;
    let at = h & this.mask;
    while (this.child[at] !== -1 && (this.parent[at] !== parent || this.code[at] !== code)) at = (at + 1) & this.mask;
    return at;
  }

  /** The child term; where there is none yet, `next` becomes it. */
  childOf(parent: number, code: number, next: number): number {
    let at = this.slot(parent, code);
    const child = this.child[at];
    if (child !== -1) return child;
    if (2 * (this.size + 1) > this.child.length) {
      this.grow();
      at = this.slot(parent, code);
    }
    this.size++;
    this.parent[at] = parent;
    this.code[at] = code;
    this.child[at] = next;
    return next;
  }

  private grow(): void {
    const { parent, code, child } = this;
    const length = child.length * 2;
    this.parent = new Int32Array(length);
    this.code = new Int32Array(length);
    this.child = new Int32Array(length).fill(-1);
    this.mask = length - 1;
    for (let k = 0; k < child.length; k++) {
      if (child[k] === -1) continue;
      const at = this.slot(parent[k], code[k]);
      this.parent[at] = parent[k];
      this.code[at] = code[k];
      this.child[at] = child[k];
    }
  }
}

/**
 * The postings of a run of articles (ids from `base`, less than SEGMENT_IDS
 * apart), gathered as they are stored. Each character, pair and triple is
 * appended as its term to a flat array per gram length, article after article
 * and field after field, and sorted by term only when encoded: appending to
 * one list per term touched a cache line per term and cost as much as FTS5.
 * An occurrence's article and a trigram's position are not kept with it: they
 * are where it stands among its article's and its field's occurrences, so that
 * a run holds 4 bytes per occurrence (against 9 to 12 with them), and a
 * segment's articles fit in one run where they are short.
 */
export class PostingsBuilder {
  readonly base: number;
  /** (a field's root, or a term) and the code point that follows it → the longer term */
  private readonly children = new TermChildren();
  /** each term's field, shorter term (-1 for a unigram) and last code point */
  private readonly termField = new Grow();
  private readonly termPrefix = new Grow();
  private readonly termLast = new Grow();
  /** per gram length (1, 2, 3): the term of each occurrence */
  private readonly occTerm = [new Grow(1 << 16), new Grow(1 << 16), new Grow(1 << 16)];
  /** per article and field (FIELD_ORDER), where its occurrences of each gram length start: 3 numbers */
  private readonly fieldStarts = new Grow(1 << 10);
  private readonly lengthDocs = new Grow();
  private readonly lengths = new Grow();
  private readonly scratch = new Grow(1024);
  private lastId = -1;
  size = 0;

  constructor(base: number) {
    this.base = base;
  }

  /** Occurrences gathered, which the run's memory follows (4 bytes each, and as much again while encoded). */
  get occurrences(): number {
    return this.occTerm[0].n + this.occTerm[1].n + this.occTerm[2].n;
  }

  private newTerm(field: number, prefix: number, last: number): number {
    this.termField.push(field);
    this.termPrefix.push(prefix);
    this.termLast.push(last);
    return this.termField.n - 1;
  }

  /** The term that is `term` (a field's root: -1 - field) followed by code point `c`, made when new. */
  private extend(term: number, field: number, c: number): number {
    const next = this.termField.n;
    const t = this.children.childOf(term, c, next);
    if (t === next) this.newTerm(field, term < 0 ? -1 : term, c);
    return t;
  }

  /** Adds an article (ids ascending, less than SEGMENT_IDS past base). */
  add(id: number, fields: Record<SearchField, string>): void {
    const local = id - this.base;
    if (local < 0 || local >= SEGMENT_IDS) throw new Error(`article ${id} is outside the postings from ${this.base}`);
    if (id <= this.lastId) throw new Error(`article ${id} comes after ${this.lastId}`);
    this.lastId = id;
    this.size++;
    let length = 0;
    const [uTerm, bTerm, tTerm] = this.occTerm;
    for (let f = 0; f < FIELD_ORDER.length; f++) {
      this.fieldStarts.push(uTerm.n);
      this.fieldStarts.push(bTerm.n);
      this.fieldStarts.push(tTerm.n);
      const codes = foldedCodes(fields[FIELD_ORDER[f]], this.scratch);
      length += codes.length;
      const root = -1 - f;
      for (let i = 0; i < codes.length; i++) {
        const u = this.extend(root, f, codes[i]);
        uTerm.push(u);
        if (i + 1 === codes.length) break;
        const b = this.extend(u, f, codes[i + 1]);
        bTerm.push(b);
        if (i + 2 === codes.length) continue;
        tTerm.push(this.extend(b, f, codes[i + 2]));
      }
    }
    this.lengthDocs.push(local);
    this.lengths.push(length);
  }

  private termName(t: number): string {
    let s = '';
    let field = 0;
    for (let k = t; k >= 0; k = this.termPrefix.a[k]) {
      s = String.fromCodePoint(this.termLast.a[k]) + s;
      field = this.termField.a[k];
    }
    return FIELD_CODE[FIELD_ORDER[field]] + s;
  }

  /**
   * Each occurrence of gram length g + 1 as (term, doc, position in its
   * field), in the order gathered: articles ascending, each field's from its
   * first character on.
   */
  private forEachOccurrence(g: number, visit: (term: number, doc: number, position: number) => void): void {
    const terms = this.occTerm[g].a;
    const starts = this.fieldStarts.a;
    const fields = FIELD_ORDER.length;
    const end = this.occTerm[g].n;
    for (let a = 0, k = 0; a < this.size; a++) {
      // the article's id less the base, as its length was kept
      const doc = this.lengthDocs.a[a];
      for (let f = 0; f < fields; f++, k += 3) {
        const from = starts[k + g];
        const to = k + 3 < 3 * fields * this.size ? starts[k + 3 + g] : end;
        for (let i = from; i < to; i++) visit(terms[i], doc, i - from);
      }
    }
  }

  /** Every term's blob, and the lengths blob (unigram-shaped: the counts are the lengths). */
  *encode(): Generator<[string, Uint8Array]> {
    const terms = this.termField.n;
    for (let g = 0; g < 3; g++) {
      const termOf = this.occTerm[g];
      const withPositions = g === 2;
      // counting sort by term; in the order gathered, so docs and positions stay ascending
      const n = termOf.n;
      const start = new Int32Array(terms + 1);
      for (let i = 0; i < n; i++) start[termOf.a[i] + 1]++;
      for (let t = 0; t < terms; t++) start[t + 1] += start[t];
      const next = start.slice(0, terms);
      const docs = new Uint16Array(n);
      const pos = withPositions ? new Int32Array(n) : null;
      this.forEachOccurrence(g, (term, doc, position) => {
        const at = next[term]++;
        docs[at] = doc;
        if (pos) pos[at] = position;
      });
      const termDocs = new Uint16Array(n);
      const tail = new Int32Array(n);
      for (let t = 0; t < terms; t++) {
        const from = start[t];
        const to = start[t + 1];
        if (from === to) continue;
        // docs of the term, and per doc its count, or the end of its positions
        let m = 0;
        for (let i = from; i < to; i++) {
          if (m === 0 || termDocs[m - 1] !== docs[i]) {
            termDocs[m++] = docs[i];
            tail[m - 1] = 0;
          }
          tail[m - 1] = pos ? i - from + 1 : tail[m - 1] + 1;
        }
        yield [this.termName(t), encodePostings(termDocs.subarray(0, m), tail.subarray(0, m), pos ? pos.subarray(from, to) : null)];
      }
    }
    yield [LENGTHS_TERM, encodePostings(this.lengthDocs.view(), this.lengths.view(), null)];
  }
}

/** One blob for a term's postings from several runs of one segment, rebased on `base`. */
export function mergePostings(base: number, parts: Postings[]): Uint8Array {
  let n = 0;
  let total = 0;
  for (const p of parts) {
    n += p.docs.length;
    if (p.ends && p.docs.length) total += p.ends[p.docs.length - 1];
  }
  const docs = new Int32Array(n);
  const tail = new Int32Array(n);
  const withPositions = parts.length > 0 && parts[0].ends !== null;
  const positions = withPositions ? new Int32Array(total) : null;
  let at = 0;
  let pat = 0;
  for (const p of parts) {
    const shift = p.base - base;
    if (shift < 0 || shift >= SEGMENT_IDS) throw new Error(`postings from ${p.base} do not belong with ${base}`);
    const counts = withPositions ? null : exactCounts(p);
    for (let i = 0; i < p.docs.length; i++) {
      const doc = p.docs[i] + shift;
      if (doc >= SEGMENT_IDS) throw new Error(`article ${p.base + p.docs[i]} is outside the postings from ${base}`);
      docs[at] = doc;
      tail[at++] = withPositions ? pat + p.ends![i] : counts![i];
    }
    if (withPositions) {
      const len = p.docs.length ? p.ends![p.docs.length - 1] : 0;
      positions!.set(p.positions!.subarray(0, len), pat);
      pat += len;
    }
  }
  return encodePostings(docs, tail, positions);
}
