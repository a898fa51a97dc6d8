import type { ArticleFilter, Store } from '../store/store.js';
import { UsageError } from './io.js';
import { isCalendarDate } from '../text/calendar-date.js';

/** The options every archive command that selects articles takes, for `parseArgs`. */
export const FILTER_OPTIONS = {
  db: { type: 'string' },
  paper: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  page: { type: 'string' },
  reporter: { type: 'string' },
} as const;

/** Checks the filter options and turns them into a filter, or says what is wrong. */
export function filterFrom(values: { paper?: string; from?: string; to?: string; page?: string; reporter?: string }): ArticleFilter {
  for (const k of ['from', 'to'] as const) {
    if (values[k] && !isCalendarDate(values[k]!)) throw new UsageError(`--${k} must be a day of the calendar as YYYY-MM-DD, not "${values[k]}"`);
  }
  if (values.page !== undefined && !/^\d{1,3}$/.test(values.page)) throw new UsageError(`--page must be a page number, not "${values.page}"`);
  return {
    paper: values.paper,
    from: values.from,
    to: values.to,
    page: values.page !== undefined ? Number(values.page) : undefined,
    reporter: values.reporter,
  };
}

/** Why a filter selects nothing where it names a paper the archive does not hold (a misspelling, say): a line to print, or null. */
export async function unknownPaper(store: Store, filter: ArticleFilter): Promise<string | null> {
  if (filter.paper === undefined) return null;
  const papers = (await store.listPapers()).map((p) => p.name);
  if (papers.includes(filter.paper)) return null;
  const known = papers.length ? `its papers: ${papers.slice(0, 12).join(', ')}${papers.length > 12 ? ', …' : ''}` : 'no page in it has a known paper';
  return `no paper called ${filter.paper} in this archive; ${known}`;
}
