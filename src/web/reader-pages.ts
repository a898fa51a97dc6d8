// The reader's HTML pages, server-rendered: home, a paper's calendar, an
// issue, a page (版) with its map, an article, and search.
import { html } from 'hono/html';
import type { Masthead } from '../tree/types.js';
import type { PageSummary, PaperSummary, SearchResult, Snippet } from '../store/store.js';
import { toJsonLd } from '../archive/export-records.js';
import { href, jsonLdBlock, layout, type Html } from './layout.js';
import { calendarYear, yearsOf } from './calendar.js';
import { pageMap } from './page-map.js';
import { gbt7714 } from './citation.js';
import type { ArticleLine, ArticleView, IssueView, PageView } from './reader-data.js';

const FIELD_NAMES: Record<string, string> = { title: '标题', body: '正文', byline: '署名', caption: '图片说明' };
const ROLE_NAMES: Record<string, string> = {
  kicker: '引题',
  title: '主题',
  subtitle: '副题',
  byline: '署名',
  dateline: '电头',
  paragraph: '正文',
  caption: '图片说明',
  credit: '摄影署名',
  jump: '转版',
};
const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function pageLabel(page: number | null, name: string | null): string {
  return `${page !== null ? `第${String(page).padStart(2, '0')}版` : '版次不详'}${name ? ` ${name}` : ''}`;
}

/** The headline to list an article by; one printed without a headline is listed by its first words. */
function headline(a: Pick<ArticleLine, 'kicker' | 'title' | 'subtitle'> & ({ lead: string } | { paragraphs: string[] })): string {
  const lead = 'lead' in a ? a.lead : (a.paragraphs[0] ?? '');
  return a.title ?? a.subtitle ?? a.kicker ?? (lead ? `（无标题）${lead.slice(0, 18)}…` : '（无标题）');
}

/** 报名 › 日期 links, where the page's issue is known. */
function issueCrumbs(paper: string | null, date: string | null): Array<[string, string]> {
  return paper && date
    ? [
        [paper, href.paper(paper, Number(date.slice(0, 4)))],
        [date, href.issue(paper, date)],
      ]
    : [];
}

export function homePage(papers: PaperSummary[], unidentified: PageSummary[]): Html {
  return layout({
    title: '报纸',
    body: html`<h1>馆藏报纸</h1>
${
  papers.length
    ? html`<ul class="cards">${papers.map(
        (p) => html`<li><h2><a href="${href.paper(p.name)}">${p.name}</a></h2>
<p class="muted">${p.from} – ${p.to}</p>
<p>${p.issues} 期 · ${p.pages} 版 · ${p.articles} 篇</p></li>`,
      )}</ul>`
    : html`<section class="notice"><p>档案中还没有报纸。用 <code>banmian ingest 文件夹</code> 导入版面文本后再来。</p></section>`
}
${
  unidentified.length
    ? html`<h2>未识别报纸或日期的版面</h2><p class="muted">这些版面的报名或日期未能从报头、文件名或清单中得知；用 <code>--paper --date --page</code> 或清单文件重新导入即可归档。</p>
<ul>${unidentified.map((p) => html`<li><a href="${href.page(p.key)}">${p.sourcePath ?? p.key}</a> <span class="muted">${p.articles} 篇</span></li>`)}</ul>`
    : ''
}`,
  });
}

export function paperPage(paper: PaperSummary, issues: Array<{ date: string; pages: number }>, year: number): Html {
  const dates = issues.map((i) => i.date);
  const years = yearsOf(dates);
  const months = calendarYear(year, dates).filter((m) => m.issues > 0 || m.weeks.some((w) => w.some((d) => d?.state === 'gap')));
  const gaps = months.reduce((n, m) => n + m.weeks.flat().filter((d) => d?.state === 'gap').length, 0);
  return layout({
    title: `${paper.name} ${year}年`,
    crumbs: [
      ['首页', href.home()],
      [paper.name, ''],
    ],
    body: html`<h1>${paper.name}</h1>
<p>${paper.from} – ${paper.to} · ${paper.issues} 期 · ${paper.pages} 版 · ${paper.articles} 篇</p>
<nav class="years" aria-label="年份">${years.map((y) => (y === year ? html`<span class="on">${y}</span>` : html`<a href="${href.paper(paper.name, y)}">${y}</a>`))}</nav>
<p class="legend muted"><span>■ 有报纸的日期</span><span class="gap-note">缺期 ${gaps} 天（划线）</span></p>
<div class="calendar">${months.map(
      (m) => html`<section class="month" aria-label="${m.month}"><h3>${Number(m.month.slice(5))}月 <small class="muted">${m.issues} 期</small></h3>
<table><thead><tr>${WEEKDAYS.map((d) => html`<th>${d}</th>`)}</tr></thead><tbody>${m.weeks.map(
        (w) =>
          html`<tr>${w.map((d) =>
            !d
              ? html`<td></td>`
              : d.state === 'issue'
                ? html`<td class="issue"><a href="${href.issue(paper.name, d.date)}" title="${d.date}">${d.day}</a></td>`
                : html`<td class="${d.state}" ${d.state === 'gap' ? html`title="${d.date} 缺期"` : ''}>${d.day}</td>`,
          )}</tr>`,
      )}</tbody></table></section>`,
    )}</div>`,
  });
}

function mastheadFacts(m: Masthead | null): Html {
  if (!m) return html``;
  const rows: Array<[string, string | number | null]> = [
    ['报名', m.paper],
    ['日期', m.date],
    ['农历', m.lunarDate],
    ['星期', m.weekday],
    ['总期号', m.issueNumber],
    ['刊号', m.cn],
    ['邮发代号', m.postalCode],
    ['网址', m.website],
    ['电子邮箱', m.email],
    ['地址', m.address],
    ['邮编', m.zip],
  ];
  return html`<dl class="kv">${rows.filter(([, v]) => v !== null && v !== '').map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>`;
}

function pager(prev: [string, string] | null, next: [string, string] | null): Html {
  return html`<nav class="pager">${prev ? html`<a href="${prev[1]}" rel="prev">‹ ${prev[0]}</a>` : html`<span>‹ 没有了</span>`}${
    next ? html`<a href="${next[1]}" rel="next">${next[0]} ›</a>` : html`<span>没有了 ›</span>`
  }</nav>`;
}

export function issuePage(issue: IssueView): Html {
  return layout({
    title: `${issue.paper} ${issue.date}`,
    crumbs: [
      ['首页', href.home()],
      [issue.paper, href.paper(issue.paper, Number(issue.date.slice(0, 4)))],
      [issue.date, ''],
    ],
    body: html`<h1>${issue.paper} <small>${issue.date}</small></h1>
${pager(issue.previous ? ['上一期', href.issueId(issue.previous)] : null, issue.next ? ['下一期', href.issueId(issue.next)] : null)}
${issue.masthead ? html`<details><summary>报头信息</summary>${mastheadFacts(issue.masthead)}</details>` : ''}
<ol class="issue-pages">${issue.pages.map(
      (p) => html`<li><h2><a href="${href.page(p.key)}">${pageLabel(p.page, p.pageName)}</a></h2><ol>${p.list.map(
        (a) => html`<li><a href="${href.article(a.id)}">${headline(a)}</a></li>`,
      )}</ol></li>`,
    )}</ol>`,
  });
}

export function pagePage(page: PageView): Html {
  const boxes = pageMap([
    ...(page.masthead ? [{ kind: 'masthead' as const, label: page.masthead.paper ?? page.paper ?? '报头', chars: 0 }] : []),
    ...page.list.map((a) => ({ kind: 'article' as const, label: headline(a), lead: a.lead, id: a.id, chars: a.chars })),
    ...page.other.map((t) => ({ kind: 'other' as const, label: t, chars: t.length })),
  ]);
  const where = page.paper && page.date ? `${page.paper} ${page.date}` : (page.sourcePath ?? page.key);
  return layout({
    title: `${where} ${pageLabel(page.page, page.pageName)}`,
    crumbs: [
      ['首页', href.home()],
      ...issueCrumbs(page.paper, page.date),
      [pageLabel(page.page, page.pageName), ''],
    ],
    body: html`<h1>${where} <small>${pageLabel(page.page, page.pageName)}</small></h1>
${page.paper ? pager(page.previous ? ['上一版', href.page(page.previous)] : null, page.next ? ['下一版', href.page(page.next)] : null) : ''}
<p class="muted">版面示意：按阅读顺序排列，方块大小随文字多少。点击文章阅读。</p>
<div class="pagemap" role="list">${boxes.map((b) =>
      b.kind === 'article'
        ? html`<a role="listitem" class="box w${b.width} h${b.height}" href="${href.article(b.id!)}"><b>${b.label}</b><span class="muted">${b.chars} 字</span> ${b.lead ?? ''}</a>`
        : html`<div role="listitem" class="${b.kind} w${b.width} h${b.height}">${b.label}</div>`,
    )}</div>
<h2>本版文章</h2>
<ol>${page.list.map((a) => html`<li><a href="${href.article(a.id)}">${headline(a)}</a>${a.reporters.length ? html` <span class="muted">${a.reporters.join(' ')}</span>` : ''}</li>`)}</ol>`,
  });
}

export function articlePage(view: ArticleView, origin: string): Html {
  const a = view.article;
  const permalink = `${origin}${href.article(a.id)}`;
  const roles: Array<[string, string[]]> = [
    ['记者', a.byline.reporters],
    ['通讯员', a.byline.correspondents],
    ['摄影', a.byline.photographers],
  ];
  const byline = roles.filter(([, names]) => names.length).map(([role, names]) => `${role} ${names.join(' ')}`);
  const title = a.title ?? a.subtitle ?? a.kicker ?? '（无标题）';
  const [first, ...rest] = a.paragraphs;
  const doubtsAt = (role: string) => view.doubts.filter((d) => d.role === role);
  return layout({
    title,
    head: jsonLdBlock({ ...toJsonLd({ ...a, masthead: view.masthead }, `${origin}/articles/`), url: permalink }),
    crumbs: [
      ['首页', href.home()],
      ...issueCrumbs(a.paper, a.date),
      [pageLabel(a.page, a.pageName), href.page(a.pageKey)],
    ],
    body: html`<article class="story">
<header>
${a.kicker ? html`<p class="kicker">${a.kicker}</p>` : ''}
<h1>${title}</h1>
${a.subtitle ? html`<p class="subtitle">${a.subtitle}</p>` : ''}
${byline.length ? html`<p class="byline">${byline.join('　')}</p>` : ''}
</header>
${a.continuedFrom ? html`<p class="jump">${a.continuedFrom}</p>` : ''}
<div class="body">
${first !== undefined ? html`<p>${a.dateline ? html`<span class="dateline">${a.dateline}</span> ` : ''}${first}</p>` : a.dateline ? html`<p><span class="dateline">${a.dateline}</span></p>` : ''}
${rest.map((p) => html`<p>${p}</p>`)}
</div>
${a.captions.map((c) => html`<figure><figcaption>${c}</figcaption></figure>`)}
${a.continuedTo ? html`<p class="jump">${a.continuedTo}</p>` : ''}
</article>
<div class="meta">
${
  a.parts.length > 1
    ? html`<section><h2>跨版文章的各部分</h2><ol>${a.parts.map((p) =>
        p.id === a.id ? html`<li>${pageLabel(p.page, null)}（本部分）</li>` : html`<li><a href="${href.article(p.id)}">${pageLabel(p.page, null)}</a></li>`,
      )}</ol></section>`
    : ''
}
<section><h2>引用（GB/T 7714）</h2><div class="cite"><output id="citation">${gbt7714(a)}</output><button type="button" data-copy="#citation">复制</button></div>
<p class="muted">永久链接：<a href="${permalink}">${permalink}</a></p></section>
${
  view.doubts.length
    ? html`<section class="doubts"><h2>解析存疑</h2><p class="muted">以下是版面解析时没有把握的地方，请对照原版核对。</p><ul>${[...new Set(view.doubts.map((d) => d.role))].map((role) =>
        doubtsAt(role).map((d) => html`<li class="${d.severity}"><b>${ROLE_NAMES[role] ?? role}</b>（原文第 ${d.line} 行）：${d.text} <code class="muted">${d.code}</code></li>`),
      )}</ul></section>`
    : ''
}
${view.masthead ? html`<section><h2>本期报头</h2>${mastheadFacts(view.masthead)}</section>` : ''}
<section><h2>出处</h2><p>${a.paper ?? '报名不详'} ${a.date ?? '日期不详'} ${pageLabel(a.page, a.pageName)} · 解析置信度 ${a.confidence.toFixed(2)}</p></section>
</div>`,
  });
}

export interface SearchForm {
  q: string;
  paper?: string;
  from?: string;
  to?: string;
  page?: number;
  field?: string;
  reporter?: string;
  offset: number;
  limit: number;
}

function marked(s: Snippet): Html {
  const parts: Html[] = [];
  let at = 0;
  for (const [a, b] of s.marks) {
    parts.push(html`${s.text.slice(at, a)}<mark>${s.text.slice(a, b)}</mark>`);
    at = b;
  }
  parts.push(html`${s.text.slice(at)}`);
  return html`${parts}`;
}

export function searchPage(form: SearchForm, papers: string[], outcome: { result?: SearchResult; error?: string }): Html {
  const link = (over: Partial<SearchForm>) => href.search({ ...form, offset: undefined, limit: form.limit === 20 ? undefined : form.limit, ...over });
  const result = outcome.result;
  const facet = (title: string, key: 'paper' | 'month' | 'reporter', items: SearchResult['facets']['paper']) =>
    items.length
      ? html`<h3>${title}</h3><ul>${items.map((f) => {
          const over: Partial<SearchForm> =
            key === 'month' ? { from: `${f.value}-01`, to: `${f.value}-${new Date(Date.UTC(Number(f.value.slice(0, 4)), Number(f.value.slice(5, 7)), 0)).getUTCDate()}` } : { [key]: f.value };
          return html`<li><a href="${link(over)}">${f.value}</a><span class="muted">${f.count}</span></li>`;
        })}</ul>`
      : '';
  return layout({
    title: form.q ? `搜索：${form.q}` : '搜索',
    query: form.q,
    body: html`<h1>搜索</h1>
<form class="search-form" action="/search" method="get" role="search">
  <div class="q"><input type="search" name="q" value="${form.q}" maxlength="200" aria-label="检索词" placeholder="词、“短语”、AND / OR / NOT，繁简与全半角通用"><button type="submit">搜索</button></div>
  <label>报纸<select name="paper"><option value="">全部</option>${papers.map((p) => html`<option value="${p}" ${p === form.paper ? 'selected' : ''}>${p}</option>`)}</select></label>
  <label>起始日期<input type="date" name="from" value="${form.from ?? ''}"></label>
  <label>截止日期<input type="date" name="to" value="${form.to ?? ''}"></label>
  <label>版次<input type="number" name="page" min="1" max="999" value="${form.page ?? ''}"></label>
  <label>范围<select name="field"><option value="">全文</option>${Object.entries(FIELD_NAMES).map(([k, v]) => html`<option value="${k}" ${k === form.field ? 'selected' : ''}>${v}</option>`)}</select></label>
  <label>记者<input type="text" name="reporter" value="${form.reporter ?? ''}" maxlength="40"></label>
</form>
${
  outcome.error
    ? html`<section class="notice" role="alert"><p>无法执行这个检索：${outcome.error}</p><p class="muted">检索语法：直接输入词语；用引号“”查短语；用 AND、OR、NOT（或 -词）组合；括号分组。</p></section>`
    : !form.q
      ? html`<p class="muted">输入一个或多个词。一个字也能搜；繁体、全角字符与简体、半角通用。</p>`
      : result && result.total === 0
        ? html`<section class="notice"><p>没有找到包含“${form.q}”的文章。</p><p class="muted">试试更短的词、去掉筛选条件，或用 OR 连接近义词。</p></section>`
        : result
          ? html`<div class="results"><section><p class="muted">共 ${result.total} 篇，第 ${form.offset + 1}–${form.offset + result.hits.length} 篇</p>
<ol class="hits">${result.hits.map(
              (h) => html`<li><h2><a href="${href.article(h.article.id)}">${headline(h.article)}</a></h2>
<div class="where">${h.article.paper ?? '报名不详'} · ${h.article.date ?? '日期不详'} · ${pageLabel(h.article.page, h.article.pageName)}${
                h.article.byline.reporters.length ? html` · 记者 ${h.article.byline.reporters.join(' ')}` : ''
              }</div>
<p><span class="muted">[${FIELD_NAMES[h.snippet.field]}]</span> ${marked(h.snippet)}</p></li>`,
            )}</ol>
${pager(
  form.offset > 0 ? ['上一页', link({ offset: Math.max(0, form.offset - form.limit) || undefined })] : null,
  form.offset + result.hits.length < result.total ? ['下一页', link({ offset: form.offset + form.limit })] : null,
)}</section>
<aside class="facets" aria-label="分面">${facet('报纸', 'paper', result.facets.paper)}${facet('年月', 'month', result.facets.month)}${facet('记者', 'reporter', result.facets.reporter)}</aside></div>`
          : ''
}`,
  });
}
