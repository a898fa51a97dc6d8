// Export shapes: JSONL in the gold shape plus ids and identity, CSV, and
// JSON-LD as schema.org NewsArticle.
import type { Masthead } from '../tree/types.js';
import type { StoredArticle } from '../store/store.js';

export type ExportedArticle = StoredArticle & { masthead: Masthead | null };

/** One JSONL line: everything needed to build the archive again. */
export function toJsonl(a: ExportedArticle): string {
  return JSON.stringify({
    id: a.id,
    pageKey: a.pageKey,
    paper: a.paper,
    date: a.date,
    page: a.page,
    pageName: a.pageName,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    byline: a.byline,
    dateline: a.dateline,
    paragraphs: a.paragraphs,
    captions: a.captions,
    continuedFrom: a.continuedFrom,
    continuedTo: a.continuedTo,
    complete: a.complete,
    confidence: a.confidence,
    parts: a.parts,
    sources: a.sources,
    masthead: a.masthead,
  });
}

export const CSV_COLUMNS = ['id', 'paper', 'date', 'page', 'pageName', 'kicker', 'title', 'subtitle', 'dateline', 'reporters', 'correspondents', 'photographers', 'text', 'captions', 'continuedFrom', 'continuedTo', 'complete'];

function csvCell(v: unknown): string {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsvRow(a: ExportedArticle): string {
  return [
    a.id,
    a.paper,
    a.date,
    a.page,
    a.pageName,
    a.kicker,
    a.title,
    a.subtitle,
    a.dateline,
    a.byline.reporters.join('、'),
    a.byline.correspondents.join('、'),
    a.byline.photographers.join('、'),
    a.paragraphs.join('\n'),
    a.captions.join('\n'),
    a.continuedFrom,
    a.continuedTo,
    a.complete,
  ]
    .map(csvCell)
    .join(',');
}

/** schema.org NewsArticle, for linked-data tools and search engines. */
export function toJsonLd(a: ExportedArticle, baseUrl = 'urn:banmian:'): Record<string, unknown> {
  const person = (name: string, role: string) => ({ '@type': 'Person', name, roleName: role });
  const authors = [
    ...a.byline.reporters.map((n) => person(n, '记者')),
    ...a.byline.correspondents.map((n) => person(n, '通讯员')),
  ];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    '@id': `${baseUrl}${encodeURIComponent(a.id)}`,
    headline: a.title ?? a.subtitle ?? a.kicker ?? '',
    alternativeHeadline: [a.kicker, a.subtitle].filter(Boolean).join(' ') || undefined,
    author: authors.length ? authors : undefined,
    contributor: a.byline.photographers.length ? a.byline.photographers.map((n) => person(n, '摄影')) : undefined,
    dateline: a.dateline ?? undefined,
    datePublished: a.date ?? undefined,
    printEdition: a.paper && a.date ? `${a.paper} ${a.date}` : undefined,
    printPage: a.page !== null ? String(a.page) : undefined,
    printSection: a.pageName ?? undefined,
    publisher: a.paper ? { '@type': 'Organization', name: a.paper } : undefined,
    articleBody: a.paragraphs.join('\n'),
    inLanguage: 'zh-CN',
  };
}
