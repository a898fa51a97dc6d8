import { queryTerms } from '../../search/tokenize.js';
import { QueryError, type Query } from '../../search/query.js';
import type { SearchField } from '../store.js';

const WEIGHT: Record<SearchField, string> = { title: 'A', byline: 'B', caption: 'C', body: 'D' };
// (the short fields first: they are in the row; the body is read out of line)
const FIELDS: SearchField[] = ['title', 'byline', 'caption', 'body'];

/**
 * A parsed query → a SQL condition on `a` (articles). Each word is looked up
 * by its tokens in the GIN index (`terms @@ tsquery`: every bigram present)
 * and confirmed on the folded text (`strpos`), so the hit set is exactly the
 * articles whose text contains it — the same set the SQLite store finds.
 * Every value is a bind parameter; `args` collects them.
 */
export function toPgCondition(q: Query, field: SearchField | undefined, args: unknown[]): string {
  const param = (v: unknown) => {
    args.push(v);
    return `$${args.length}`;
  };
  switch (q.type) {
    case 'term': {
      const { terms } = queryTerms(q.folded);
      const w = field ? `:${WEIGHT[field]}` : '';
      const tsq = param([...new Set(terms)].map((t) => `${t}${w}`).join(' & '));
      // one character or two: the token itself says the text holds it; longer words are confirmed on the text
      if (terms.length === 1) return `(a.terms @@ ${tsq}::tsquery)`;
      const needle = param(q.folded);
      const where = (field ? [field] : FIELDS).map((f) => `strpos(a.folded_${f}, ${needle}) > 0`).join(' OR ');
      return `(a.terms @@ ${tsq}::tsquery AND (${where}))`;
    }
    case 'or':
      if (q.items.some((i) => i.type === 'not')) throw new QueryError('NOT cannot stand directly inside OR; put it in parentheses with a word to find');
      return `(${q.items.map((i) => toPgCondition(i, field, args)).join(' OR ')})`;
    case 'and': {
      const pos = q.items.filter((i) => i.type !== 'not');
      const neg = q.items.filter((i): i is Extract<Query, { type: 'not' }> => i.type === 'not');
      return `(${[...pos.map((i) => toPgCondition(i, field, args)), ...neg.map((n) => `NOT ${toPgCondition(n.item, field, args)}`)].join(' AND ')})`;
    }
    case 'not':
      throw new QueryError('the query only excludes; say what to find as well');
  }
}

/** The tokens of an article as a tsvector literal: each term once, with the weights of the fields it is in. */
export function termVector(fields: Record<SearchField, { unigrams: string; bigrams: string }>): string {
  const weights = new Map<string, Set<string>>();
  for (const f of FIELDS) {
    for (const list of [fields[f].unigrams, fields[f].bigrams]) {
      for (const t of list.split(' ')) {
        if (!t) continue;
        let w = weights.get(t);
        if (!w) weights.set(t, (w = new Set()));
        w.add(WEIGHT[f]);
      }
    }
  }
  // one position per weight (1–4), since a position carries one weight
  const pos: Record<string, number> = { A: 1, B: 2, C: 3, D: 4 };
  return [...weights].map(([t, ws]) => `${t}:${[...ws].map((w) => `${pos[w]}${w}`).join(',')}`).join(' ');
}
