// The frame every reader page shares, and the links between pages. Text goes
// in through hono/html's `html`, which escapes every interpolated string.
import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export const enc = encodeURIComponent;

export const href = {
  home: () => '/',
  paper: (paper: string, year?: number) => `/papers/${enc(paper)}${year ? `?year=${year}` : ''}`,
  issue: (paper: string, date: string) => `/papers/${enc(paper)}/${date}`,
  issueId: (id: string) => {
    const at = id.lastIndexOf('/');
    return href.issue(id.slice(0, at), id.slice(at + 1));
  },
  page: (key: string) => `/pages/${enc(key)}`,
  article: (id: string) => `/articles/${enc(id)}`,
  search: (params: Record<string, string | number | undefined>) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
    return `/search?${q}`;
  },
};

/** JSON for a <script type="application/ld+json"> block: `<` can never close the element. */
export function jsonLdBlock(data: unknown): HtmlEscapedString {
  const json = JSON.stringify(data).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
  return raw(`<script type="application/ld+json">${json}</script>`);
}

export function layout(opts: { title: string; body: Html; head?: Html; query?: string; crumbs?: Array<[string, string]> }): Html {
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${opts.title} · 版面</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/favicon.ico" type="image/svg+xml">
<script src="/assets/site.js" defer></script>
${opts.head ?? ''}
</head>
<body>
<header class="bar">
  <a class="brand" href="/">版面 <small>banmian</small></a>
  <form class="quick" action="/search" method="get" role="search">
    <input type="search" name="q" value="${opts.query ?? ''}" maxlength="200" placeholder="搜索全文：词、“短语”、AND / OR / NOT" aria-label="搜索">
    <button type="submit">搜索</button>
  </form>
</header>
${opts.crumbs?.length ? html`<nav class="crumbs" aria-label="位置">${opts.crumbs.map(([label, link], i) => html`${i ? ' › ' : ''}${link ? html`<a href="${link}">${label}</a>` : html`<span>${label}</span>`}`)}</nav>` : ''}
<main>
${opts.body}
</main>
<footer class="foot">banmian · 由版面文本重建的报纸档案 · <a href="/api/openapi.json">API</a></footer>
</body>
</html>`;
}

export function errorPage(status: number, title: string, advice: string): Html {
  return layout({
    title,
    body: html`<section class="notice" data-status="${status}"><h1>${title}</h1><p>${advice}</p><p><a href="/">回到首页</a> · <a href="/search">搜索</a></p></section>`,
  });
}
