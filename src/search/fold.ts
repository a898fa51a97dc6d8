// Lossy folding for search lives here and only here: full/half width and
// compatibility forms (NFKC), traditional → simplified (OpenCC, character by
// character so that every folded character points back to one printed
// character), lower case. White space is not significant in Chinese search and
// is dropped. Stored and shown text stays as printed.
import { Converter } from 'opencc-js/t2cn';

const toSimplified = Converter({ from: 'tw', to: 'cn' });
const cache = new Map<number, string>();

function isSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x3000 || c === 0xa0 || c === 0x0c || c === 0x0b;
}

/** The folded form of one printed character (usually one character, empty for white space). */
export function foldChar(ch: string): string {
  const code = ch.codePointAt(0)!;
  let f = cache.get(code);
  if (f === undefined) {
    if (isSpaceCode(code)) f = '';
    else {
      const nfkc = ch.normalize('NFKC').toLowerCase();
      f = [...nfkc].map((c) => (c.length === 1 && c.charCodeAt(0) < 0x3400 ? c : toSimplified(c))).join('').replace(/\s+/g, '');
    }
    cache.set(code, f);
  }
  return f;
}

export interface Folded {
  /** the folded text */
  text: string;
  /** for each UTF-16 unit of `text`, the UTF-16 offset in the printed text it came from */
  origin: Int32Array;
}

/** Per UTF-16 unit outside the surrogates, once learnt: 1 + the unit it folds to, DROPPED (white space) or SEVERAL. */
const unitFold = new Uint32Array(0x10000);
const DROPPED = 0x10001;
const SEVERAL = 0x10002;

function learnUnit(u: number): number {
  const f = foldChar(String.fromCharCode(u));
  return f.length === 0 ? DROPPED : f.length === 1 ? 1 + f.charCodeAt(0) : SEVERAL;
}

/** What a UTF-16 unit outside the surrogates folds to: one unit, or -1 (white space, dropped), or -2 (several units: see foldChar). */
export function foldUnit(u: number): number {
  const k = unitFold[u] || (unitFold[u] = learnUnit(u));
  return k === DROPPED ? -1 : k === SEVERAL ? -2 : k - 1;
}

export function foldText(printed: string): Folded {
  // room for one unit per printed unit, the usual case; grown when a character folds to more
  let units = new Uint16Array(printed.length + 16);
  let origin = new Int32Array(units.length);
  let n = 0;
  let lone = false;
  for (let i = 0; i < printed.length; ) {
    const u = printed.charCodeAt(i);
    if (u < 0xd800 || u > 0xdfff) {
      // the usual case: foldUnit's table, read here inline (calling foldUnit cost 10–15 % on the seed pages)
      const k = unitFold[u] || (unitFold[u] = learnUnit(u));
      if (k === DROPPED) {
        i++;
        continue;
      }
      if (k !== SEVERAL) {
        units[n] = k - 1;
        origin[n++] = i++;
        continue;
      }
    }
    const ch = String.fromCodePoint(printed.codePointAt(i)!);
    const f = foldChar(ch);
    if (n + f.length > units.length) {
      const more = 2 * units.length + f.length;
      units = grown(units, new Uint16Array(more));
      origin = grown(origin, new Int32Array(more));
    }
    for (let k = 0; k < f.length; k++) {
      units[n] = f.charCodeAt(k);
      origin[n++] = i;
    }
    if (ch.length === 1 && u >= 0xd800 && u <= 0xdfff) lone = true;
    i += ch.length;
  }
  return { text: lone ? fromUnits(units.subarray(0, n)) : utf16.decode(units.subarray(0, n)), origin: origin.subarray(0, n) };
}

// the machine's byte order is little-endian wherever Node runs; a decoder would replace a lone surrogate
const utf16 = new TextDecoder('utf-16le');

function fromUnits(units: Uint16Array): string {
  let text = '';
  for (let k = 0; k < units.length; k += 8192) text += String.fromCharCode(...units.subarray(k, k + 8192));
  return text;
}

function grown<T extends Uint16Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** Just the folded string, for queries and scans. */
export function fold(printed: string): string {
  let out = '';
  for (const ch of printed) out += foldChar(ch);
  return out;
}
