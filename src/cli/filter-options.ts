import type { ArticleFilter } from '../store/store.js';
import { UsageError } from './io.js';

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
    if (values[k] && !/^\d{4}-\d{2}-\d{2}$/.test(values[k]!)) throw new UsageError(`--${k} must be YYYY-MM-DD, not "${values[k]}"`);
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
