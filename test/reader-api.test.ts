// The JSON API and the reader's HTML, in process: every route, every error
// code, escaping of page text, the security headers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readerApp } from './reader-fixture.js';
import { createReaderApp, CONTENT_SECURITY_POLICY } from '../src/web/reader-app.js';
import { errorBody } from '../src/web/api-schemas.js';
import type { Store } from '../src/store/store.js';

const enc = encodeURIComponent;
const ARTICLE = '浙江工人日报/2022-12-16/01#1';

async function json(res: Response) {
  return { status: res.status, body: (await res.json()) as any };
}

function assertError(r: { status: number; body: any }, status: number, code: string) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.ok(errorBody.safeParse(r.body).success, `error shape: ${JSON.stringify(r.body)}`);
  assert.equal(r.body.error.code, code);
  assert.ok(r.body.error.message.length > 5);
}

test('API: every route answers with the archive’s data', async () => {
  const { app, errors } = await readerApp();
  const papers = await json(await app.request('/api/papers'));
  assert.equal(papers.status, 200);
  assert.deepEqual(papers.body.papers.map((p: any) => [p.name, p.issues, p.pages]), [['义乌商报', 1, 1], ['浙江工人日报', 2, 3]]);
  assert.equal(papers.body.unidentified.length, 1);

  const issues = await json(await app.request(`/api/papers/${enc('浙江工人日报')}/issues`));
  assert.deepEqual(issues.body.issues.map((i: any) => i.id), ['浙江工人日报/2022-06-22', '浙江工人日报/2022-12-16']);
  assert.equal(issues.body.missingDates[0], '2022-06-23');

  const issue = await json(await app.request(`/api/issues/${enc('浙江工人日报/2022-12-16')}`));
  assert.equal(issue.status, 200);
  assert.deepEqual(issue.body.pages.map((p: any) => [p.page, p.pageName]), [[1, null], [3, '综合新闻']]);
  assert.equal(issue.body.previous, '浙江工人日报/2022-06-22');
  assert.equal(issue.body.next, null);
  assert.equal(issue.body.masthead.issueNumber, 12285);
  assert.ok(issue.body.pages[0].list.length >= 5 && issue.body.pages[0].list[0].title);

  const page = await json(await app.request(`/api/pages/${enc('浙江工人日报/2022-12-16/01')}`));
  assert.equal(page.status, 200);
  assert.equal(page.body.next, '浙江工人日报/2022-12-16/03');
  assert.equal(page.body.previous, null);
  assert.equal(page.body.list.length, page.body.articleIds.length);
  assert.ok(page.body.sourceText.length > 1000, 'the page keeps its source text');

  const article = await json(await app.request(`/api/articles/${enc(ARTICLE)}`));
  assert.equal(article.status, 200);
  assert.equal(article.body.article.id, ARTICLE);
  assert.equal(article.body.issueId, '浙江工人日报/2022-12-16');
  assert.equal(article.body.masthead.paper, '浙江工人日报');
  assert.match(article.body.citation, /\[N\]\. 浙江工人日报, 2022-12-16\(01\)\.$/);
  assert.match(article.body.url, /^http:\/\/localhost\/articles\//);

  const search = await json(await app.request(`/api/search?q=${enc('外贸')}&limit=2`));
  assert.equal(search.status, 200);
  assert.equal(search.body.total, 4);
  assert.equal(search.body.hits.length, 2);
  const mark = search.body.hits[0].snippet.marks[0];
  assert.equal(search.body.hits[0].snippet.text.slice(mark[0], mark[1]), '外贸');
  assert.ok(search.body.facets.paper.length >= 1);
  const filtered = await json(await app.request(`/api/search?q=${enc('外贸')}&paper=${enc('义乌商报')}&from=2022-01-01&to=2022-12-31&field=body`));
  assert.ok(filtered.body.total >= 1 && filtered.body.hits.every((h: any) => h.article.paper === '义乌商报'));
  const next = await json(await app.request(`/api/search?q=${enc('外贸')}&limit=2&offset=2`));
  assert.equal(next.body.hits.length, 2);
  assert.notDeepEqual(next.body.hits.map((h: any) => h.article.id), search.body.hits.map((h: any) => h.article.id));

  const doc = await json(await app.request('/api/openapi.json'));
  assert.equal(doc.body.openapi, '3.1.0');
  for (const path of ['/api/papers', '/api/papers/{paper}/issues', '/api/issues/{id}', '/api/pages/{id}', '/api/articles/{id}', '/api/search', '/api/pages']) {
    assert.ok(doc.body.paths[path], `OpenAPI documents ${path}`);
  }
  assert.ok(doc.body.paths['/api/search'].get.parameters.some((p: any) => p.name === 'limit' && p.schema.maximum === 100));
  assert.deepEqual(errors, []);
});

test('API: every error code, as JSON with a code and a message', async () => {
  const { app, store } = await readerApp();
  assertError(await json(await app.request('/api/search?q=' + enc('外贸') + '&limit=1000')), 400, 'invalid_parameter');
  assertError(await json(await app.request('/api/search')), 400, 'invalid_parameter');
  assertError(await json(await app.request('/api/search?q=' + 'x'.repeat(201))), 400, 'invalid_parameter');
  assertError(await json(await app.request('/api/search?q=x&from=2022-1-1')), 400, 'invalid_parameter');
  assertError(await json(await app.request('/api/search?q=x&to=2022-02-30')), 400, 'invalid_parameter');
  assert.equal((await json(await app.request('/api/search?q=x&from=2022-1-1'))).body.error.message, 'from: a date as YYYY-MM-DD');
  assertError(await json(await app.request('/api/search?q=x&field=everything')), 400, 'invalid_parameter');
  assertError(await json(await app.request(`/api/issues/${enc('浙江工人日报-2022')}`)), 400, 'invalid_parameter');
  assertError(await json(await app.request('/api/search?q=' + enc('(外贸'))), 400, 'invalid_query');
  assertError(await json(await app.request('/api/search?q=' + enc('NOT 外贸'))), 400, 'invalid_query');
  assertError(await json(await app.request('/api/search?q=' + enc('外贸 OR -义乌'))), 400, 'invalid_query');
  assertError(await json(await app.request(`/api/papers/${enc('人民日报')}/issues`)), 404, 'not_found');
  assertError(await json(await app.request(`/api/issues/${enc('浙江工人日报/2022-12-17')}`)), 404, 'not_found');
  assertError(await json(await app.request(`/api/pages/${enc('浙江工人日报/2022-12-16/09')}`)), 404, 'not_found');
  assertError(await json(await app.request(`/api/articles/${enc('浙江工人日报/2022-12-16/01#99')}`)), 404, 'not_found');
  assertError(await json(await app.request('/api/everything')), 404, 'not_found');
  assertError(await json(await app.request('/api/papers', { method: 'DELETE' })), 405, 'method_not_allowed');
  assertError(await json(await app.request('/api/search?q=x', { method: 'POST' })), 405, 'method_not_allowed');
  // writes: read-only without a token
  const page = JSON.stringify({ text: '## 标题\n\n正文。' });
  assertError(await json(await app.request('/api/pages', { method: 'POST', body: page, headers: { 'Content-Type': 'application/json' } })), 403, 'read_only');
  // with a token: wrong or missing token, wrong type, too big, bad body
  const writer = createReaderApp({ store, writeToken: 's3cret', logError: () => {} });
  const post = (body: string, headers: Record<string, string>) => writer.request('/api/pages', { method: 'POST', body, headers });
  const auth = { Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' };
  assertError(await json(await post(page, { 'Content-Type': 'application/json' })), 401, 'unauthorized');
  assertError(await json(await post(page, { ...auth, Authorization: 'Bearer guess' })), 401, 'unauthorized');
  assertError(await json(await post(page, { ...auth, 'Content-Type': 'text/plain' })), 415, 'unsupported_media_type');
  assertError(await json(await post('{"text": ', auth)), 400, 'invalid_parameter');
  assertError(await json(await post(JSON.stringify({ text: '' }), auth)), 400, 'invalid_parameter');
  assertError(await json(await post(JSON.stringify({ text: '报'.repeat(800_000) }), auth)), 413, 'payload_too_large');
  // a store that fails: the client sees a code, never the error or a stack
  const broken = { ...store, listPapers: () => Promise.reject(new Error('disk I/O error at /secret/path')) } as unknown as Store;
  const logged: string[] = [];
  const failing = createReaderApp({ store: broken, logError: (e) => logged.push((e as Error).message) });
  const r = await failing.request('/api/papers');
  const text = await r.text();
  assertError({ status: r.status, body: JSON.parse(text) }, 500, 'internal');
  assert.doesNotMatch(text, /secret|disk|at \w+ \(/);
  assert.deepEqual(logged, ['disk I/O error at /secret/path']);
  const html = await failing.request('/');
  assert.equal(html.status, 500);
  assert.doesNotMatch(await html.text(), /secret|disk/);
});

test('writes with the token store a page; its text, even <script>, is shown as text', async () => {
  const { store } = await readerApp();
  const app = createReaderApp({ store, writeToken: 's3cret', logError: () => {} });
  const text = [
    '## 测试<script>alert("x")</script>标题',
    '',
    '本报讯 记者王<b>明</b>报道 这是一段<img src=x onerror=alert(1)>含有 HTML 的正文，“引号”与&amp;符号都应原样显示。',
    '',
  ].join('\n');
  assert.doesNotMatch(await (await app.request('/search?q=x')).text(), /<option value="测试报"/);
  const put = await json(
    await app.request('/api/pages', {
      method: 'POST',
      body: JSON.stringify({ text, path: 'xss.txt', paper: '测试报', date: '2023-01-02', page: 2 }),
      headers: { Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' },
    }),
  );
  assert.equal(put.status, 200);
  assert.equal(put.body.status, 'added');
  assert.equal(put.body.pageKey, '测试报/2023-01-02/02');
  const again = await json(
    await app.request('/api/pages', {
      method: 'POST',
      body: JSON.stringify({ text, path: 'xss.txt', paper: '测试报', date: '2023-01-02', page: 2 }),
      headers: { Authorization: 'Bearer s3cret', 'Content-Type': 'application/json' },
    }),
  );
  assert.equal(again.body.status, 'unchanged');
  assert.match(await (await app.request('/search?q=x')).text(), /<option value="测试报"/, 'a page stored here shows in the search form at once');
  for (const path of [`/articles/${enc('测试报/2023-01-02/02#1')}`, `/pages/${enc('测试报/2023-01-02/02')}`, `/papers/${enc('测试报')}/2023-01-02`, `/search?q=${enc('正文')}`]) {
    const res = await app.request(path);
    const html = await res.text();
    assert.equal(res.status, 200, path);
    assert.doesNotMatch(html, /<script>alert|<img src=x|<b>明/, `${path} shows page text as text`);
    assert.match(html, /&lt;script&gt;alert|&lt;img src=x|&lt;b&gt;明/, `${path} keeps the text, escaped`);
  }
  const article = await (await app.request(`/articles/${enc('测试报/2023-01-02/02#1')}`)).text();
  const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(article);
  assert.ok(ld, 'JSON-LD in the page');
  assert.match(JSON.parse(ld[1]).headline, /<script>alert/, 'JSON-LD keeps the text, with < escaped in the markup');
});

test('reader pages: headers, sizes, navigation, empty and error states', async () => {
  const { app, errors } = await readerApp();
  const get = async (path: string) => {
    const res = await app.request(path);
    return { status: res.status, headers: res.headers, html: await res.text() };
  };
  const home = await get('/');
  assert.equal(home.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
  assert.equal(home.headers.get('X-Content-Type-Options'), 'nosniff');
  assert.match(home.html, /浙江工人日报/);
  assert.match(home.html, /未识别/);
  const paper = await get(`/papers/${enc('浙江工人日报')}?year=2022`);
  assert.match(paper.html, /href="\/papers\/[^"]+\/2022-12-16"/);
  assert.match(paper.html, /class="gap"/, 'days missing from the run are marked');
  const issue = await get(`/papers/${enc('浙江工人日报')}/2022-12-16`);
  assert.match(issue.html, /上一期/);
  assert.match(issue.html, /第03版 综合新闻/);
  const page = await get(`/pages/${enc('浙江工人日报/2022-12-16/01')}`);
  assert.match(page.html, /class="pagemap"/);
  assert.match(page.html, /下一版/);
  const article = await get(`/articles/${enc(ARTICLE)}`);
  assert.ok(Buffer.byteLength(article.html) < 100_000, 'an article page is under 100 KB');
  assert.match(article.html, /<h1>[^<]+<\/h1>/);
  assert.match(article.html, /\[N\]\. 浙江工人日报, 2022-12-16\(01\)\./);
  assert.match(article.html, /data-copy="#citation"/);
  assert.match(article.html, /application\/ld\+json/);
  const search = await get(`/search?q=${enc('外贸')}`);
  assert.match(search.html, /<mark>外贸<\/mark>/);
  assert.match(search.html, /共 4 篇/);
  assert.match((await get(`/search?q=${enc('不存在的词语组合')}`)).html, /没有找到/);
  const bad = await get(`/search?q=${enc('(外贸')}`);
  assert.equal(bad.status, 400);
  assert.match(bad.html, /无法执行这个检索/);
  assert.equal((await get('/search?q=x&limit=5000')).status, 400);
  assert.match((await get('/search')).html, /输入一个或多个词/);
  assert.equal((await get('/articles/nope')).status, 404);
  assert.equal((await get(`/papers/${enc('浙江工人日报')}/yesterday`)).status, 404);
  assert.equal((await get('/nowhere')).status, 404);
  assert.deepEqual(errors, []);
});

test('an article shows the parser’s doubts where they apply', async () => {
  const { app, store } = await readerApp();
  // the article on page 003 whose headline was attached with a runner-up
  const page = await store.getPage('浙江工人日报/2022-06-22/01');
  assert.ok(page);
  const assigned = page.messages.find((m) => m.code === 'link/headline-assigned');
  assert.ok(assigned, 'the page has a headline decision to show');
  let shown = 0;
  for (const id of page.articleIds) {
    const body = (await json(await app.request(`/api/articles/${enc(id)}`))).body;
    for (const d of body.doubts) {
      assert.ok(d.role && d.line > 0 && d.text);
      shown++;
    }
    if (body.doubts.length) {
      const html = await (await app.request(`/articles/${enc(id)}`)).text();
      assert.match(html, /解析存疑/);
      assert.ok(html.includes(body.doubts[0].code));
    }
  }
  assert.ok(shown > 0, 'some doubt is shown on some article');
});

test('banmian serve: listens, prints its URL, says clearly when the port is taken, stops cleanly', async () => {
  const { serveCommand } = await import('../src/cli/commands/serve.js');
  const { store } = await readerApp();
  await store.close();
  const db = store.url;
  const out: string[] = [];
  const err: string[] = [];
  const stop = new AbortController();
  const running = serveCommand(['--db', db, '--port', '0'], { out: (t) => out.push(t), err: (t) => err.push(t) }, stop.signal);
  for (let i = 0; i < 100 && out.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  const url = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out.join('\n'));
  assert.ok(url, out.join('\n'));
  const home = await fetch(url[0]);
  assert.equal(home.status, 200);
  assert.match(await home.text(), /浙江工人日报/);
  const taken: string[] = [];
  const code = await serveCommand(['--db', db, '--port', url[1]], { out: () => {}, err: (t) => taken.push(t) });
  assert.equal(code, 1);
  assert.match(taken.join('\n'), new RegExp(`port ${url[1]} on 127\\.0\\.0\\.1 is in use; pass another with --port N`));
  stop.abort();
  assert.equal(await running, 0);
  assert.deepEqual(err, []);
});
