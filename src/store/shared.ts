// What every store does the same way: which text each search field holds, how
// it becomes index terms, snippets, and gaps in a run of issues.
import { BYLINE_ROLES, type ArticleRecord, type PageRecord } from '../project/to-records.js';
import type { HitArticle, PageInput, SearchField, Snippet, StoredArticle, StoredPage } from './store.js';
import { articleId } from './keys.js';
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

export function snippetFor(a: Fielded, terms: string[], only?: SearchField): Snippet {
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

/** An article row as every store's SQL returns it: the articles columns plus where it was printed. */
export interface ArticleRow {
  id: number;
  uid: string;
  page_id: number;
  seq: number;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  dateline: string | null;
  byline: string;
  paragraphs: string;
  captions: string;
  continued_from: string | null;
  continued_to: string | null;
  complete: number;
  confidence: number;
  sources: string;
  group_uid: string | null;
  key: string;
  paper: string | null;
  date: string | null;
  page_no: number | null;
  page_name: string | null;
}

/** The columns of an article row that a search hit reads (`sources` left out), articles table `a`, pages `p`. */
export const HIT_COLUMNS = `a.id, a.uid, a.page_id, a.seq, a.kicker, a.title, a.subtitle, a.dateline, a.byline, a.paragraphs, a.captions,
  a.continued_from, a.continued_to, a.complete, a.confidence, a.group_uid, p.key, p.paper, p.date, p.page_no, p.page_name`;

/** An article row as a search hit reads it. */
export type HitRow = Omit<ArticleRow, 'sources'>;

/** A row → the article, with its parts (null: printed in one part). */
export function articleFromRow(row: ArticleRow, parts: Array<{ id: string; page: number | null }> | null): StoredArticle {
  const { parts: all, ...article } = hitFromRow(row, parts);
  return { ...article, sources: JSON.parse(row.sources), parts: all };
}

/** A row read for a search hit → the article without its sources. */
export function hitFromRow(row: HitRow, parts: Array<{ id: string; page: number | null }> | null): HitArticle {
  return {
    id: row.uid,
    pageKey: row.key,
    paper: row.paper,
    date: row.date,
    page: row.page_no,
    pageName: row.page_name,
    kicker: row.kicker,
    title: row.title,
    subtitle: row.subtitle,
    byline: JSON.parse(row.byline),
    dateline: row.dateline,
    paragraphs: JSON.parse(row.paragraphs),
    captions: JSON.parse(row.captions),
    continuedFrom: row.continued_from,
    continuedTo: row.continued_to,
    complete: row.complete === 1,
    confidence: row.confidence,
    parts: parts ?? [{ id: row.uid, page: row.page_no }],
  };
}

/** A page row as every store keeps it. */
export interface PageRow {
  key: string;
  paper: string | null;
  date: string | null;
  page_no: number | null;
  page_name: string | null;
  source_path: string | null;
  content_hash: string;
  source_text: string | null;
  /** the page record without its articles, as JSON */
  record: string;
}

/** A stored page and its article rows → the input that stores it again, elsewhere (`banmian migrate`). */
export function pageInputFromRows(page: PageRow, articles: ArticleRow[]): PageInput {
  return {
    identity: { paper: page.paper, date: page.date, page: page.page_no, pageName: page.page_name },
    key: page.key,
    sourcePath: page.source_path,
    contentHash: page.content_hash,
    sourceText: page.source_text,
    record: {
      ...JSON.parse(page.record),
      articles: articles.map((row) => {
        const { id, pageKey, paper, date, page: _page, pageName, parts, ...article } = articleFromRow(row, null);
        return { ...article, id };
      }),
    },
  };
}

/** A page row and its articles' ids → the page as stores return it. */
export function storedPageFromRow(row: PageRow, articleIds: string[]): StoredPage {
  const record = JSON.parse(row.record);
  return {
    key: row.key,
    paper: row.paper,
    date: row.date,
    page: row.page_no,
    pageName: row.page_name,
    sourcePath: row.source_path,
    articles: articleIds.length,
    masthead: record.masthead ?? null,
    other: record.other ?? [],
    sourceText: row.source_text,
    messages: record.messages ?? [],
    articleIds,
  };
}

/**
 * A page's rows as every store writes them: its record less the articles, its
 * masthead, and each article's column values and people, serialized once.
 * A parse worker makes them (`PageInput.rows`), so that the thread that stores
 * the page only binds strings.
 */
export interface PageRows {
  /** the page record without its articles, as JSON */
  record: string;
  masthead: string | null;
  articles: ArticleRows[];
}

/** An article's values kicker … sources, in the articles table's order, its record id, and its people as role, name, role, name, … */
export interface ArticleRows {
  id: string;
  values: Array<string | number | null>;
  people: string[];
}

/** A page record's rows. */
export function pageRowsOf(record: PageRecord): PageRows {
  return {
    record: JSON.stringify({ ...record, articles: undefined }),
    masthead: record.masthead ? JSON.stringify(record.masthead) : null,
    articles: record.articles.map((a) => ({
      id: a.id,
      values: [
        a.kicker,
        a.title,
        a.subtitle,
        a.dateline,
        JSON.stringify(a.byline),
        JSON.stringify(a.paragraphs),
        JSON.stringify(a.captions),
        a.continuedFrom,
        a.continuedTo,
        a.complete ? 1 : 0,
        a.confidence,
        JSON.stringify(a.sources),
      ],
      people: BYLINE_ROLES.flatMap((role) => a.byline[role].flatMap((name) => [role, name])),
    })),
  };
}

/** The page record that `rows` were made of (`pageRowsOf` undone). */
export function recordOfRows(rows: PageRows): PageRecord {
  return {
    ...JSON.parse(rows.record),
    articles: rows.articles.map(({ id, values: v }) => ({
      id,
      kicker: v[0],
      title: v[1],
      subtitle: v[2],
      dateline: v[3],
      byline: JSON.parse(v[4] as string),
      paragraphs: JSON.parse(v[5] as string),
      captions: JSON.parse(v[6] as string),
      continuedFrom: v[7],
      continuedTo: v[8],
      complete: v[9] === 1,
      confidence: v[10],
      sources: JSON.parse(v[11] as string),
    })),
  };
}

/** A page's rows: those its parser made, or made now. */
export function rowsOf(input: PageInput): PageRows {
  return input.rows ?? pageRowsOf(input.record);
}

/**
 * The values of an article's row, in the order of the articles table's
 * columns uid … sources (every store's insert lists them so).
 */
export function articleValues(key: string, pageId: number | string, seq: number, a: ArticleRows): unknown[] {
  return [articleId(key, seq + 1), pageId, seq + 1, ...a.values];
}
