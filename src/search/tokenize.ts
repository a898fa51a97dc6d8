// Search tokens, the same for every store: every character (unigram) and every
// pair of neighbouring characters (bigram) of the folded text. A query of one
// character looks up unigrams; a longer one is a phrase of consecutive bigrams,
// which matches exactly where the folded text contains the query.
import { foldChar, foldText } from './fold.js';

export interface Token {
  term: string;
  /** UTF-16 offsets in the printed text */
  start: number;
  end: number;
}

const WIDTH = 4; // base-36 digits per code point: 36^4 > U+10FFFF

/** A code point as four base-36 digits: a token every full-text engine keeps whole. */
function codeOf(cp: number): string {
  return cp.toString(36).padStart(WIDTH, '0');
}

export function unigramTerm(a: number): string {
  return `u${codeOf(a)}`;
}

export function bigramTerm(a: number, b: number): string {
  return `b${codeOf(a)}${codeOf(b)}`;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** Unigram and bigram tokens of a printed text, with where each came from. */
export function tokenize(printed: string): { unigrams: Token[]; bigrams: Token[] } {
  const { text, origin } = foldText(printed);
  const cps: Array<{ cp: number; at: number; len: number }> = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const len = cp > 0xffff ? 2 : 1;
    cps.push({ cp, at: i, len });
    i += len;
  }
  const end = (k: number) => {
    const last = cps[k].at + cps[k].len - 1;
    const o = origin[last];
    return o + (printed.codePointAt(o)! > 0xffff ? 2 : 1);
  };
  const unigrams: Token[] = cps.map((c, k) => ({ term: unigramTerm(c.cp), start: origin[c.at], end: end(k) }));
  const bigrams: Token[] = [];
  for (let k = 0; k + 1 < cps.length; k++) {
    bigrams.push({ term: bigramTerm(cps[k].cp, cps[k + 1].cp), start: origin[cps[k].at], end: end(k + 1) });
  }
  return { unigrams, bigrams };
}

/** The terms a folded query string becomes: one unigram, or the chain of its bigrams. */
export function queryTerms(folded: string): { kind: 'unigram' | 'bigrams'; terms: string[] } {
  const cps = codePoints(folded);
  if (cps.length === 1) return { kind: 'unigram', terms: [unigramTerm(cps[0])] };
  const terms: string[] = [];
  for (let k = 0; k + 1 < cps.length; k++) terms.push(bigramTerm(cps[k], cps[k + 1]));
  return { kind: 'bigrams', terms };
}

const codes = new Map<number, string>();

function cachedCode(cp: number): string {
  let c = codes.get(cp);
  if (c === undefined) {
    c = codeOf(cp);
    codes.set(cp, c);
  }
  return c;
}

/**
 * The index terms of a printed text, without positions: each distinct unigram
 * once, and every bigram in order (what a full-text column is fed). The fast
 * path of `tokenize` for writing.
 */
export function indexTerms(printed: string): { unigrams: string; bigrams: string } {
  const uni = new Set<string>();
  const bi: string[] = [];
  let prev = '';
  for (const ch of printed) {
    for (const f of foldChar(ch)) {
      const code = cachedCode(f.codePointAt(0)!);
      uni.add(code);
      if (prev) bi.push(`b${prev}${code}`);
      prev = code;
    }
  }
  let unigrams = '';
  for (const u of uni) unigrams += unigrams ? ` u${u}` : `u${u}`;
  return { unigrams, bigrams: bi.join(' ') };
}

/** Space-separated terms, the form a full-text column is fed. */
export function termString(tokens: Token[]): string {
  return tokens.map((t) => t.term).join(' ');
}
