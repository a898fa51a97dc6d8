// What each reader view shows, read from the store once and shared by the HTML
// pages and the JSON API, so the two always say the same.
import type { Masthead } from '../tree/types.js';
import type { PageMessage } from '../file/page-file.js';
import { MESSAGES, renderMessage, type MessageCode } from '../file/messages.js';
import type { IssueSummary, PaperSummary, Store, StoredArticle, StoredPage } from '../store/store.js';
import { missingDates } from '../store/shared.js';

export interface ArticleLine {
  id: string;
  kicker: string | null;
  title: string | null;
  subtitle: string | null;
  /** printed characters of the article: headline, body and captions */
  chars: number;
  /** the start of the first paragraph */
  lead: string;
  reporters: string[];
  continuedFrom: string | null;
  continuedTo: string | null;
}

export interface IssueView extends IssueSummary {
  id: string;
  previous: string | null;
  next: string | null;
  pages: Array<IssueSummary['pages'][number] & { list: ArticleLine[] }>;
}

export interface PageView extends StoredPage {
  list: ArticleLine[];
  issueId: string | null;
  previous: string | null;
  next: string | null;
}

export interface Doubt {
  code: string;
  severity: PageMessage['severity'];
  text: string;
  /** which part of the article it concerns: title, paragraph, caption … */
  role: string;
  line: number;
}

export interface ArticleView {
  article: StoredArticle;
  masthead: Masthead | null;
  doubts: Doubt[];
  issueId: string | null;
}

/** An issue's id in URLs and the API: `paper/date`. */
export function issueId(paper: string, date: string): string {
  return `${paper}/${date}`;
}

export function splitIssueId(id: string): { paper: string; date: string } | null {
  const m = /^(.+)\/(\d{4}-\d{2}-\d{2})$/.exec(id);
  return m ? { paper: m[1], date: m[2] } : null;
}

export function articleLine(a: StoredArticle): ArticleLine {
  const chars = [a.kicker, a.title, a.subtitle, ...a.paragraphs, ...a.captions].reduce((n, s) => n + (s?.length ?? 0), 0);
  return {
    id: a.id,
    kicker: a.kicker,
    title: a.title,
    subtitle: a.subtitle,
    chars,
    lead: (a.paragraphs[0] ?? a.captions[0] ?? '').slice(0, 160),
    reporters: a.byline.reporters,
    continuedFrom: a.continuedFrom,
    continuedTo: a.continuedTo,
  };
}

async function articleLines(store: Store, ids: string[]): Promise<ArticleLine[]> {
  const out: ArticleLine[] = [];
  for (const id of ids) {
    const a = await store.getArticle(id);
    if (a) out.push(articleLine(a));
  }
  return out;
}

export async function loadPaper(store: Store, paper: string): Promise<{ summary: PaperSummary; issues: Array<{ date: string; pages: number }>; missing: string[] } | null> {
  const summary = (await store.listPapers()).find((p) => p.name === paper);
  if (!summary) return null;
  const issues = await store.listIssues(paper);
  return { summary, issues, missing: missingDates(issues.map((i) => i.date)) };
}

export async function loadIssue(store: Store, paper: string, date: string): Promise<IssueView | null> {
  const issue = await store.getIssue(paper, date);
  if (!issue) return null;
  const dates = (await store.listIssues(paper)).map((i) => i.date);
  const at = dates.indexOf(date);
  const pages = [];
  for (const p of issue.pages) {
    const page = await store.getPage(p.key);
    pages.push({ ...p, list: page ? await articleLines(store, page.articleIds) : [] });
  }
  return {
    ...issue,
    id: issueId(paper, date),
    previous: at > 0 ? issueId(paper, dates[at - 1]) : null,
    next: at >= 0 && at < dates.length - 1 ? issueId(paper, dates[at + 1]) : null,
    pages,
  };
}

export async function loadPage(store: Store, key: string): Promise<PageView | null> {
  const page = await store.getPage(key);
  if (!page) return null;
  let previous: string | null = null;
  let next: string | null = null;
  if (page.paper && page.date) {
    const issue = await store.getIssue(page.paper, page.date);
    const keys = issue?.pages.map((p) => p.key) ?? [];
    const at = keys.indexOf(key);
    previous = at > 0 ? keys[at - 1] : null;
    next = at >= 0 && at < keys.length - 1 ? keys[at + 1] : null;
  }
  return {
    ...page,
    list: await articleLines(store, page.articleIds),
    issueId: page.paper && page.date ? issueId(page.paper, page.date) : null,
    previous,
    next,
  };
}

export async function loadArticle(store: Store, id: string): Promise<ArticleView | null> {
  const article = await store.getArticle(id);
  if (!article) return null;
  const page = await store.getPage(article.pageKey);
  const issue = article.paper && article.date ? await store.getIssue(article.paper, article.date) : null;
  return {
    article,
    masthead: issue?.masthead ?? page?.masthead ?? null,
    doubts: page ? doubtsOf(article, page.messages) : [],
    issueId: article.paper && article.date ? issueId(article.paper, article.date) : null,
  };
}

/**
 * The parser's messages that concern this article: those whose place overlaps
 * one of the article's source ranges, each with the part it concerns. Notes
 * that only record a routine join are left out; what is left is doubt.
 */
export function doubtsOf(article: StoredArticle, messages: PageMessage[]): Doubt[] {
  const out: Doubt[] = [];
  for (const m of messages) {
    if (!m.place || m.code === 'reflow/joined-across-blank') continue;
    const source = article.sources.find((s) => s.position.start.offset < m.place!.end.offset && m.place!.start.offset < s.position.end.offset);
    if (!source) continue;
    const text = m.code in MESSAGES ? renderMessage({ code: m.code as MessageCode, params: m.params }, 'zh') : m.text;
    out.push({ code: m.code, severity: m.severity, text, role: source.role, line: m.place.start.line });
  }
  return out;
}
