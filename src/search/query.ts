// The query language: words (any run of characters, matched as a substring),
// "phrases" in straight or curly quotes, AND / OR / NOT (and -word),
// parentheses. Juxtaposed terms are ANDed. White space inside a phrase is kept
// out of matching, as it is everywhere in Chinese search.
import { fold } from './fold.js';

export type Query =
  | { type: 'term'; text: string; folded: string }
  | { type: 'and' | 'or'; items: Query[] }
  | { type: 'not'; item: Query };

export class QueryError extends Error {}

export const MAX_QUERY_LENGTH = 200;

type Tok = { kind: 'word' | 'phrase'; text: string } | { kind: 'and' | 'or' | 'not' | '(' | ')' };

function lex(input: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  const QUOTES: Record<string, string> = { '"': '"', '“': '”', '「': '」', '『': '』', '”': '”' };
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch in QUOTES) {
      const close = QUOTES[ch];
      const j = input.indexOf(close, i + 1);
      if (j < 0) throw new QueryError(`the quote opened at character ${i + 1} is not closed`);
      out.push({ kind: 'phrase', text: input.slice(i + 1, j) });
      i = j + 1;
      continue;
    }
    if (ch === '(' || ch === '（') {
      out.push({ kind: '(' });
      i++;
      continue;
    }
    if (ch === ')' || ch === '）') {
      out.push({ kind: ')' });
      i++;
      continue;
    }
    if (ch === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]) && (i === 0 || /\s/.test(input[i - 1]))) {
      out.push({ kind: 'not' });
      i++;
      continue;
    }
    let j = i;
    while (j < input.length && !/[\s"“”「」『』()（）]/.test(input[j])) j++;
    const word = input.slice(i, j);
    if (word === 'AND') out.push({ kind: 'and' });
    else if (word === 'OR') out.push({ kind: 'or' });
    else if (word === 'NOT') out.push({ kind: 'not' });
    else out.push({ kind: 'word', text: word });
    i = j;
  }
  return out;
}

/** Parses a query, or throws `QueryError` saying what is wrong with it. */
export function parseQuery(input: string): Query {
  if (input.length > MAX_QUERY_LENGTH) throw new QueryError(`the query is longer than ${MAX_QUERY_LENGTH} characters`);
  const toks = lex(input);
  if (toks.length === 0) throw new QueryError('the query is empty');
  let pos = 0;
  const peek = () => toks[pos];

  function parseOr(): Query {
    const items = [parseAnd()];
    while (peek()?.kind === 'or') {
      pos++;
      items.push(parseAnd());
    }
    return items.length === 1 ? items[0] : { type: 'or', items };
  }
  function parseAnd(): Query {
    const items = [parseUnary()];
    for (;;) {
      const t = peek();
      if (!t || t.kind === 'or' || t.kind === ')') break;
      if (t.kind === 'and') pos++;
      items.push(parseUnary());
    }
    return items.length === 1 ? items[0] : { type: 'and', items };
  }
  function parseUnary(): Query {
    const t = toks[pos++];
    if (!t) throw new QueryError('the query ends where a word was expected');
    if (t.kind === 'not') return { type: 'not', item: parseUnary() };
    if (t.kind === '(') {
      const q = parseOr();
      if (toks[pos++]?.kind !== ')') throw new QueryError('a parenthesis is not closed');
      return q;
    }
    if (t.kind === 'word' || t.kind === 'phrase') {
      const folded = fold(t.text);
      if (!folded) throw new QueryError(`"${t.text}" has nothing to search for`);
      return { type: 'term', text: t.text, folded };
    }
    throw new QueryError(`"${t.kind === ')' ? ')' : t.kind.toUpperCase()}" cannot stand there`);
  }

  const q = parseOr();
  if (pos < toks.length) throw new QueryError('a closing parenthesis has no opening one');
  if (!hasPositive(q)) throw new QueryError('the query only excludes; say what to find as well');
  return q;
}

function hasPositive(q: Query): boolean {
  if (q.type === 'term') return true;
  if (q.type === 'not') return false;
  return q.type === 'and' ? q.items.some(hasPositive) : q.items.every(hasPositive);
}

/** The plain terms a query looks for (for highlighting). */
export function positiveTerms(q: Query): string[] {
  if (q.type === 'term') return [q.folded];
  if (q.type === 'not') return [];
  return q.items.flatMap(positiveTerms);
}

/** Whether folded field texts satisfy a query: the reference a full-text engine must agree with. */
export function matches(q: Query, texts: string[]): boolean {
  if (q.type === 'term') return texts.some((t) => t.includes(q.folded));
  if (q.type === 'not') return !matches(q.item, texts);
  if (q.type === 'and') return q.items.every((x) => matches(x, texts));
  return q.items.some((x) => matches(x, texts));
}
