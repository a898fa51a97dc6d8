// What the reader and the API accept, checked with zod; the OpenAPI document
// is made from the same schemas.
import { z } from 'zod';
import { MAX_QUERY_LENGTH } from '../search/query.js';
import { ISO_DATE, isCalendarDate } from '../text/calendar-date.js';

/** An empty form field means "not given". */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

// (the shape's message alone where the shape is wrong: a refinement runs after a failed check too)
const isoDate = z
  .string()
  .regex(ISO_DATE, 'a date as YYYY-MM-DD')
  .refine((s) => !ISO_DATE.test(s) || isCalendarDate(s), 'a day of the calendar (not 2022-02-30)');

export const MAX_LIMIT = 100;
export const MAX_OFFSET = 10_000;
/** the largest page a client may send (bytes) */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export const searchParams = z.object({
  q: z.string().trim().min(1, 'give a query (q)').max(MAX_QUERY_LENGTH, `a query is at most ${MAX_QUERY_LENGTH} characters`),
  paper: optional(z.string().max(100)),
  from: optional(isoDate),
  to: optional(isoDate),
  page: optional(z.coerce.number().int().min(1).max(999)),
  field: optional(z.enum(['title', 'body', 'byline', 'caption'])),
  reporter: optional(z.string().max(40)),
  limit: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(1).max(MAX_LIMIT).default(20)),
  offset: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(MAX_OFFSET).default(0)),
});

/** The search page's form: like the API's, but an empty query shows the empty form. */
export const searchForm = searchParams.extend({ q: z.string().trim().max(MAX_QUERY_LENGTH, `检索词最多 ${MAX_QUERY_LENGTH} 个字符`).default('') });

export const paperParam = z.object({ paper: z.string().min(1).max(100) });
export const issueParam = z.object({ id: z.string().regex(/^.{1,100}\/\d{4}-\d{2}-\d{2}$/, 'an issue id: paper/YYYY-MM-DD') });
export const pageParam = z.object({ id: z.string().min(1).max(1000) });
export const articleParam = z.object({ id: z.string().min(1).max(1000) });
export const yearQuery = z.object({ year: optional(z.coerce.number().int().min(1800).max(2200)) });

export const putPageBody = z.object({
  text: z.string().min(1, 'the page text is empty'),
  path: z.string().max(500).default('upload.txt'),
  paper: z.string().max(100).optional(),
  date: isoDate.optional(),
  page: z.number().int().min(1).max(999).optional(),
  pageName: z.string().max(100).optional(),
});

export const errorBody = z.object({
  error: z.object({
    code: z.enum(['invalid_parameter', 'invalid_query', 'not_found', 'method_not_allowed', 'unauthorized', 'read_only', 'payload_too_large', 'unsupported_media_type', 'internal']),
    message: z.string(),
  }),
});

export type ErrorCode = z.infer<typeof errorBody>['error']['code'];

/** zod's complaint in one line a user can act on: `limit: Too big: expected number to be <=100`. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
}
