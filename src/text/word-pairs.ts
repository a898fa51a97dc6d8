// How often two characters stand side by side inside a word of general Chinese:
// summed over jieba's word list (349k words with corpus frequencies, shipped
// in the @node-rs/jieba package as dict.txt, MIT). Evidence that a line break
// between them falls inside a word. Loaded once, on first use.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

let pairs: Map<string, number> | null = null;
let words: Set<string> | null = null;

function load(): Map<string, number> {
  const path = createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt');
  const out = new Map<string, number>();
  words = new Set();
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    const space = line.indexOf(' ');
    if (space < 2) continue;
    const word = line.slice(0, space);
    const freq = Number.parseInt(line.slice(space + 1), 10) || 0;
    if (word.length >= 3) words.add(word);
    for (let k = 0; k + 1 < word.length; k++) {
      const pair = word.slice(k, k + 2);
      out.set(pair, (out.get(pair) ?? 0) + freq);
    }
  }
  return out;
}

/** The summed frequency of the words that hold `pair` (two UTF-16 units); 0 when none does. */
export function wordPairFrequency(pair: string): number {
  pairs ??= load();
  return pairs.get(pair) ?? 0;
}

/** `text` is a word of three characters or more in the word list. */
export function isLongWord(text: string): boolean {
  pairs ??= load();
  return words!.has(text);
}
