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
  origin: number[];
}

export function foldText(printed: string): Folded {
  let text = '';
  const origin: number[] = [];
  for (let i = 0; i < printed.length; ) {
    const code = printed.codePointAt(i)!;
    const ch = String.fromCodePoint(code);
    const f = foldChar(ch);
    for (let k = 0; k < f.length; k++) origin.push(i);
    text += f;
    i += ch.length;
  }
  return { text, origin };
}

/** Just the folded string, for queries and scans. */
export function fold(printed: string): string {
  let out = '';
  for (const ch of printed) out += foldChar(ch);
  return out;
}
