// The digital edition: server-rendered reader pages and the JSON API over one
// store. Safe by default: text escaped, a strict CSP, no stack traces to the
// client, bounded queries and bodies, writes only with a write token.
import { timingSafeEqual, createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { Store } from '../store/store.js';
import { parseQuery, QueryError } from '../search/query.js';
import { pageInputOf } from '../archive/ingest.js';
import { ICON_SVG, SITE_CSS, SITE_JS } from './assets.js';
import { errorPage } from './layout.js';
import { articlePage, homePage, issuePage, pagePage, paperPage, searchPage, type SearchForm } from './reader-pages.js';
import { loadArticle, loadIssue, loadPage, loadPaper, splitIssueId, issueId } from './reader-data.js';
import { gbt7714 } from './citation.js';
import { openApiDocument } from './openapi.js';
import { ISO_DATE } from '../text/calendar-date.js';
import {
  articleParam,
  describeIssues,
  issueParam,
  MAX_PAGE_BYTES,
  pageParam,
  paperParam,
  putPageBody,
  searchForm,
  searchParams,
  yearQuery,
  type ErrorCode,
} from './api-schemas.js';

export interface ReaderOptions {
  store: Store;
  /** writes (POST /api/pages) are refused unless a token is set and sent as `Authorization: Bearer …` */
  writeToken?: string;
  /** the address permalinks use, e.g. https://archive.example.org; else the request's own */
  publicUrl?: string;
  version?: string;
  /** where server-side errors are reported; the client only sees a code */
  logError?: (e: unknown, path: string) => void;
}

export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const STATUS: Record<ErrorCode, 400 | 401 | 403 | 404 | 405 | 413 | 415 | 500> = {
  invalid_parameter: 400,
  invalid_query: 400,
  unauthorized: 401,
  read_only: 403,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};

function apiError(c: Context, code: ErrorCode, message: string) {
  return c.json({ error: { code, message } }, STATUS[code]);
}

/** GET routes of the API, to tell a wrong method (405) from a wrong path (404). */
const API_GET = [/^\/api\/papers$/, /^\/api\/papers\/[^/]+\/issues$/, /^\/api\/issues\/[^/]+$/, /^\/api\/pages\/[^/]+$/, /^\/api\/articles\/[^/]+$/, /^\/api\/search$/, /^\/api\/openapi\.json$/];

function sameToken(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export function createReaderApp(options: ReaderOptions): Hono {
  const { store } = options;
  const app = new Hono();
  // the search form's paper list: listing papers counts every article, too much for each search; kept a minute,
  // and dropped when this server stores a page
  let paperNames: { at: number; names: Promise<string[]> } | null = null;
  const papersForForm = () => {
    if (!paperNames || Date.now() - paperNames.at > 60_000) paperNames = { at: Date.now(), names: store.listPapers().then((ps) => ps.map((p) => p.name)) };
    return paperNames.names.catch((e) => {
      paperNames = null;
      throw e;
    });
  };
  const origin = (c: Context) => options.publicUrl?.replace(/\/$/, '') ?? new URL(c.req.url).origin;

  app.use('*', async (c, next) => {
    await next();
    c.header('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'same-origin');
    c.header('X-Frame-Options', 'DENY');
  });

  app.onError((e, c) => {
    (options.logError ?? ((err, path) => console.error(`banmian serve: ${path}: ${(err as Error).message}`)))(e, c.req.path);
    if (c.req.path.startsWith('/api/')) return apiError(c, 'internal', 'the server could not answer this request; it has been logged');
    return c.html(errorPage(500, '出错了', '服务器没能完成这个请求，错误已记录。请稍后再试。'), 500);
  });

  // ---- assets
  app.get('/assets/site.css', (c) => c.body(SITE_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));
  app.get('/assets/site.js', (c) => c.body(SITE_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'public, max-age=3600' }));

  app.get('/favicon.ico', (c) => c.body(ICON_SVG, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));

  // ---- JSON API
  app.get('/api/openapi.json', (c) => c.json(openApiDocument(options.version ?? '0.0.0')));

  app.get('/api/papers', async (c) => c.json({ papers: await store.listPapers(), unidentified: await store.unidentifiedPages() }));

  app.get('/api/papers/:paper/issues', async (c) => {
    const p = paperParam.safeParse(c.req.param());
    if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
    const paper = await loadPaper(store, p.data.paper);
    if (!paper) return apiError(c, 'not_found', `no paper named "${p.data.paper}" in this archive`);
    return c.json({ paper: paper.summary, issues: paper.issues.map((i) => ({ id: issueId(p.data.paper, i.date), ...i })), missingDates: paper.missing });
  });

  app.get('/api/issues/:id', async (c) => {
    const p = issueParam.safeParse(c.req.param());
    if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
    const { paper, date } = splitIssueId(p.data.id)!;
    const issue = await loadIssue(store, paper, date);
    return issue ? c.json(issue) : apiError(c, 'not_found', `no issue ${p.data.id} in this archive`);
  });

  app.get('/api/pages/:id', async (c) => {
    const p = pageParam.safeParse(c.req.param());
    if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
    const page = await loadPage(store, p.data.id);
    return page ? c.json(page) : apiError(c, 'not_found', `no page ${p.data.id} in this archive`);
  });

  app.get('/api/articles/:id', async (c) => {
    const p = articleParam.safeParse(c.req.param());
    if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
    const view = await loadArticle(store, p.data.id);
    if (!view) return apiError(c, 'not_found', `no article ${p.data.id} in this archive`);
    return c.json({ ...view, citation: gbt7714(view.article), url: `${origin(c)}/articles/${encodeURIComponent(view.article.id)}` });
  });

  app.get('/api/search', async (c) => {
    const p = searchParams.safeParse(c.req.query());
    if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
    const { q, ...rest } = p.data;
    try {
      return c.json(await store.search({ query: parseQuery(q), ...rest }));
    } catch (e) {
      if (e instanceof QueryError) return apiError(c, 'invalid_query', e.message);
      throw e;
    }
  });

  app.post(
    '/api/pages',
    bodyLimit({ maxSize: MAX_PAGE_BYTES, onError: (c) => apiError(c, 'payload_too_large', `a page is at most ${MAX_PAGE_BYTES} bytes`) }),
    async (c) => {
      if (!options.writeToken) return apiError(c, 'read_only', 'this server is read-only; start it with a write token (BANMIAN_WRITE_TOKEN) to accept pages');
      const auth = c.req.header('Authorization') ?? '';
      if (!auth.startsWith('Bearer ') || !sameToken(auth.slice(7), options.writeToken)) return apiError(c, 'unauthorized', 'send the write token as "Authorization: Bearer TOKEN"');
      if (!/^application\/json\b/.test(c.req.header('Content-Type') ?? '')) return apiError(c, 'unsupported_media_type', 'send the page as application/json: { "text": "…", "paper", "date", "page" }');
      let body: unknown;
      try {
        body = await c.req.json();
      } catch {
        return apiError(c, 'invalid_parameter', 'the body is not JSON');
      }
      const p = putPageBody.safeParse(body);
      if (!p.success) return apiError(c, 'invalid_parameter', describeIssues(p.error));
      const { text, path, ...hints } = p.data;
      const input = pageInputOf(path, new TextEncoder().encode(text), hints);
      const result = await store.putPage(input);
      paperNames = null;
      return c.json(result);
    },
  );

  app.all('/api/*', (c) =>
    c.req.method !== 'GET' && c.req.method !== 'HEAD' && API_GET.some((r) => r.test(c.req.path))
      ? apiError(c, 'method_not_allowed', `${c.req.method} is not allowed here; this route is read with GET`)
      : apiError(c, 'not_found', `no API route ${c.req.path}; see /api/openapi.json`),
  );

  // ---- reader pages
  const notFound = (c: Context, what: string) => c.html(errorPage(404, '找不到', `${what}不在这个档案里。`), 404);

  app.get('/', async (c) => c.html(homePage(await store.listPapers(), await store.unidentifiedPages())));

  app.get('/papers/:paper', async (c) => {
    const paper = await loadPaper(store, c.req.param('paper'));
    if (!paper) return notFound(c, `报纸“${c.req.param('paper')}”`);
    const y = yearQuery.safeParse(c.req.query());
    const last = Number((paper.summary.to ?? '2000').slice(0, 4));
    return c.html(paperPage(paper.summary, paper.issues, y.success && y.data.year ? y.data.year : last));
  });

  app.get('/papers/:paper/:date', async (c) => {
    const { paper, date } = c.req.param();
    const issue = ISO_DATE.test(date) ? await loadIssue(store, paper, date) : null;
    return issue ? c.html(issuePage(issue)) : notFound(c, `${paper} ${date} 这一期`);
  });

  app.get('/pages/:key', async (c) => {
    const page = await loadPage(store, c.req.param('key'));
    return page ? c.html(pagePage(page)) : notFound(c, '这一版');
  });

  app.get('/articles/:id', async (c) => {
    const view = await loadArticle(store, c.req.param('id'));
    return view ? c.html(articlePage(view, origin(c))) : notFound(c, '这篇文章');
  });

  app.get('/search', async (c) => {
    const papers = await papersForForm();
    const p = searchForm.safeParse(c.req.query());
    if (!p.success) {
      const raw = c.req.query();
      const form: SearchForm = { q: (raw.q ?? '').slice(0, 200), offset: 0, limit: 20 };
      return c.html(searchPage(form, papers, { error: describeIssues(p.error) }), 400);
    }
    const form: SearchForm = p.data;
    if (!form.q) return c.html(searchPage(form, papers, {}));
    try {
      const { q, ...rest } = p.data;
      const result = await store.search({ query: parseQuery(q), ...rest });
      return c.html(searchPage(form, papers, { result }));
    } catch (e) {
      if (e instanceof QueryError) return c.html(searchPage(form, papers, { error: e.message }), 400);
      throw e;
    }
  });

  app.notFound((c) => (c.req.path.startsWith('/api/') ? apiError(c, 'not_found', `no API route ${c.req.path}`) : notFound(c, '这个页面')));
  return app;
}
