// How often two characters stand side by side inside a word of general Chinese:
// summed over jieba's word list (349k words with corpus frequencies, shipped
// in the @node-rs/jieba package as dict.txt, MIT), and its words of three
// characters or more. Evidence that a line break between them falls inside a
// word. Loaded once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface WordList {
  pairs: Map<string, number>;
  long: Set<string>;
}

let list: WordList | null = null;

function load(): WordList {
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const pairs = new Map<string, number>();
  const long = new Set<string>();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 2) continue;
    const word = line.slice(0, space);
    const freq = Number.parseInt(line.slice(space + 1), 10) || 0;
    if (word.length >= 3) long.add(word);
    for (let k = 0; k + 1 < word.length; k++) {
      const pair = word.slice(k, k + 2);
      pairs.set(pair, (pairs.get(pair) ?? 0) + freq);
    }
  }
  return { pairs, long };
}

/** The summed frequency of the words that hold `pair` (two UTF-16 units); 0 when none does. */
export function wordPairFrequency(pair: string): number {
  list ??= load();
  return list.pairs.get(pair) ?? 0;
}

/** `text` is a word of three characters or more in the word list. */
export function isLongWord(text: string): boolean {
  list ??= load();
  return list.long.has(text);
}

/** A word of three or four characters of the word list reads across the break between `a` and `b`. */
export function spansLongWord(a: string, b: string): boolean {
  for (let left = 1; left <= 3; left++) {
    for (let right = 1; left + right <= 4; right++) {
      if (left + right >= 3 && left <= a.length && right <= b.length && isLongWord(a.slice(-left) + b.slice(0, right))) return true;
    }
  }
  return false;
}

/** How often, summed over the word list, two characters must stand inside words for a break between them to split a word. */
const WORD_PAIR = 1000;

/** A line break between `a` and `b` falls inside a word: the two characters across it are a common pair within words, or a word of three or four reads across it. */
export function breaksWord(a: string, b: string): boolean {
  return a.length > 0 && b.length > 0 && (wordPairFrequency(a.slice(-1) + b[0]) >= WORD_PAIR || spansLongWord(a, b));
}
