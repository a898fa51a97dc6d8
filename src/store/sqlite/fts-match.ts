import { queryTerms } from '../../search/tokenize.js';
import { QueryError, type Query } from '../../search/query.js';
import type { SearchField } from '../store.js';

const FIELDS: SearchField[] = ['title', 'body', 'byline', 'caption'];

function columns(field: SearchField | undefined, kind: 'u' | 'b'): string {
  return `{${(field ? [field] : FIELDS).map((f) => `${f}_${kind}`).join(' ')}}`;
}

/**
 * A parsed query → an FTS5 MATCH expression over our own tokens. Tokens are
 * base-36 codes, so nothing a user types reaches FTS5's syntax: no injection,
 * no engine parse errors.
 */
export function toFtsMatch(q: Query, field?: SearchField): string {
  switch (q.type) {
    case 'term': {
      const { kind, terms } = queryTerms(q.folded);
      return kind === 'unigram' ? `${columns(field, 'u')} : ${terms[0]}` : `${columns(field, 'b')} : "${terms.join(' ')}"`;
    }
    case 'or':
      if (q.items.some((i) => i.type === 'not')) throw new QueryError('NOT cannot stand directly inside OR; put it in parentheses with a word to find');
      return `(${q.items.map((i) => toFtsMatch(i, field)).join(' OR ')})`;
    case 'and': {
      const pos = q.items.filter((i) => i.type !== 'not');
      const neg = q.items.filter((i): i is Extract<Query, { type: 'not' }> => i.type === 'not');
      let expr = `(${pos.map((i) => toFtsMatch(i, field)).join(' AND ')})`;
      for (const n of neg) expr = `(${expr} NOT ${toFtsMatch(n.item, field)})`;
      return expr;
    }
    case 'not':
      throw new QueryError('the query only excludes; say what to find as well');
  }
}
