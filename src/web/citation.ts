import type { StoredArticle } from '../store/store.js';

/**
 * The article as GB/T 7714-2015 cites a newspaper article:
 * `作者. 题名[N]. 报纸名, 出版日期(版次).` Up to three authors, then `等`;
 * no author, no author element; an unknown paper or date is left out rather
 * than invented.
 */
export function gbt7714(a: Pick<StoredArticle, 'byline' | 'kicker' | 'title' | 'subtitle' | 'paper' | 'date' | 'page'>): string {
  const authors = [...a.byline.reporters, ...a.byline.correspondents];
  const who = authors.length > 3 ? `${authors.slice(0, 3).join(', ')}, 等` : authors.join(', ');
  const title = [a.title ?? a.kicker ?? '', a.subtitle].filter(Boolean).join(': ') || '无题';
  const where = a.paper ? `${a.paper}${a.date ? `, ${a.date}` : ''}${a.page !== null ? `(${String(a.page).padStart(2, '0')})` : ''}` : '';
  return `${who ? `${who}. ` : ''}${title}[N]. ${where ? `${where}.` : ''}`.trim();
}
