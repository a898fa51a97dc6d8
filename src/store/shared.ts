// What every store does the same way: which text each search field holds, how
// it becomes index terms, snippets, and gaps in a run of issues.
import type { ArticleRecord } from '../project/to-records.js';
import type { SearchField, Snippet, StoredArticle } from './store.js';
import { indexTerms } from '../search/tokenize.js';
import { makeSnippet } from '../search/snippet.js';

type Fielded = Pick<ArticleRecord, 'kicker' | 'title' | 'subtitle' | 'paragraphs' | 'captions' | 'byline'>;

/** The printed text of each search field of an article. */
export function fieldTexts(a: Fielded): Record<SearchField, string> {
  return {
    title: [a.kicker, a.title, a.subtitle].filter(Boolean).join('\n'),
    body: a.paragraphs.join('\n'),
    byline: [...a.byline.reporters, ...a.byline.correspondents, ...a.byline.photographers].join(' '),
    caption: a.captions.join('\n'),
  };
}

/**
 * The eight full-text columns: unigrams and bigrams of title, body, byline,
 * caption. A one-character query is a single term, so each character is
 * indexed once per field; bigrams keep every position, for phrases.
 */
export function ftsColumns(a: Fielded): string[] {
  const f = fieldTexts(a);
  const out: string[] = [];
  for (const field of ['title', 'body', 'byline', 'caption'] as const) {
    const { unigrams, bigrams } = indexTerms(f[field]);
    out.push(unigrams, bigrams);
  }
  return out;
}

export function snippetFor(a: StoredArticle, terms: string[], only?: SearchField): Snippet {
  const f = fieldTexts(a);
  for (const field of only ? [only] : (['title', 'body', 'caption', 'byline'] as const)) {
    const s = makeSnippet(field, f[field], terms);
    if (s) return s;
  }
  return { field: 'body', text: f.body.slice(0, 80), marks: [] };
}

/** Dates with no issue between a paper's first and last (at most 366 listed). */
export function missingDates(dates: string[]): string[] {
  if (dates.length < 2) return [];
  const have = new Set(dates);
  const out: string[] = [];
  const end = new Date(`${dates[dates.length - 1]}T00:00:00Z`).getTime();
  for (let t = new Date(`${dates[0]}T00:00:00Z`).getTime(); t <= end && out.length < 366; t += 86_400_000) {
    const d = new Date(t).toISOString().slice(0, 10);
    if (!have.has(d)) out.push(d);
  }
  return out;
}

/** Issues whose 版 numbers skip: pages 1…max that were not ingested. */
export function missingPages(issues: Array<{ date: string; pages: number[] }>): Array<{ date: string; pages: number[] }> {
  const out: Array<{ date: string; pages: number[] }> = [];
  for (const i of issues) {
    const have = new Set(i.pages.filter((n) => Number.isFinite(n) && n > 0));
    if (have.size === 0) continue;
    const max = Math.max(...have);
    const missing: number[] = [];
    for (let n = 1; n <= max; n++) if (!have.has(n)) missing.push(n);
    if (missing.length) out.push({ date: i.date, pages: missing });
  }
  return out;
}
