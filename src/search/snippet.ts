import { foldText } from './fold.js';
import type { Snippet, SearchField } from '../store/store.js';

/**
 * A window of printed text around the first hit of any of the (folded) terms,
 * with every hit inside it marked. Hits are found on the folded text and mapped
 * back, so traditional characters and full-width forms are marked as printed.
 */
export function makeSnippet(field: SearchField, printed: string, terms: string[], radius = 40): Snippet | null {
  const { text, origin } = foldText(printed);
  const hits: Array<[number, number]> = [];
  for (const term of terms) {
    for (let i = text.indexOf(term); i >= 0; i = text.indexOf(term, i + 1)) {
      const last = origin[i + term.length - 1];
      hits.push([origin[i], last + (printed.codePointAt(last)! > 0xffff ? 2 : 1)]);
    }
  }
  if (hits.length === 0) return null;
  hits.sort((a, b) => a[0] - b[0]);
  const start = Math.max(0, hits[0][0] - radius);
  const end = Math.min(printed.length, hits[0][1] + radius * 2);
  const marks: Array<[number, number]> = [];
  for (const [s, e] of hits) {
    if (s < start || e > end) continue;
    const prev = marks[marks.length - 1];
    if (prev && s <= prev[1] - start) prev[1] = Math.max(prev[1], e - start);
    else marks.push([s - start, e - start]);
  }
  const prefix = start > 0 ? '…' : '';
  return {
    field,
    // line breaks between paragraphs show as spaces; offsets stay the same
    text: prefix + printed.slice(start, end).replace(/[\r\n]/g, ' ') + (end < printed.length ? '…' : ''),
    marks: marks.map(([s, e]) => [s + prefix.length, e + prefix.length]),
  };
}

/** The snippet with its hits in brackets, for a terminal: 【外贸】. */
export function markText(s: Snippet, open = '【', close = '】'): string {
  let out = '';
  let at = 0;
  for (const [a, b] of s.marks) {
    out += s.text.slice(at, a) + open + s.text.slice(a, b) + close;
    at = b;
  }
  return out + s.text.slice(at);
}
