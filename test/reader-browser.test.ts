// The reader in a real browser: Debian's Chromium driven by playwright-core
// walks home → paper → calendar → issue → page → article, and searches. Each
// step saves a screenshot to test-results/screenshots/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readerApp } from './reader-fixture.js';
import { ROOT } from './helpers.js';

const CHROMIUM = process.env.BANMIAN_CHROMIUM ?? '/usr/bin/chromium';
const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set BANMIAN_CHROMIUM)`;
const SHOTS = join(ROOT, 'test-results', 'screenshots');

let server: ServerType;
let base = '';
let browser: Browser;

before(async () => {
  if (skip) return;
  const { app, store } = await readerApp();
  // a page whose text carries markup: it must show as text and run nothing
  await store.putPage(
    (await import('../src/archive/ingest.js')).pageInputOf(
      'xss.txt',
      Buffer.from('## 标题<script>window.__pwned=1</script>\n\n本报讯 这段正文含有<img src=x onerror="window.__pwned=2">标记。\n'),
      { paper: '测试报', date: '2023-01-02', page: 1 },
    ),
  );
  server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A page that fails the test on a CSP violation or a script error. */
async function open(width = 1280, height = 900): Promise<{ page: Page; problems: string[] }> {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return { page, problems };
}

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });

test('walk home → paper → calendar → issue → page → article', { skip }, async () => {
  const { page, problems } = await open();
  await page.goto(base);
  await shot(page, '1-home');
  await page.getByRole('link', { name: '浙江工人日报' }).click();
  await page.waitForURL(/\/papers\//);
  await assert.doesNotReject(page.locator('.calendar .issue a').first().waitFor());
  const issueDays = await page.locator('.calendar td.issue a').allTextContents();
  assert.deepEqual(issueDays, ['22', '16'], 'June 22 and December 16 are marked');
  assert.ok((await page.locator('.calendar td.gap').count()) > 100, 'the missing days between are marked as gaps');
  await shot(page, '2-calendar');
  await page.locator('.calendar td.issue a[title="2022-12-16"]').click();
  await page.waitForURL(/2022-12-16$/);
  assert.equal(await page.locator('h1').innerText(), '浙江工人日报 2022-12-16');
  await shot(page, '3-issue');
  await page.getByRole('link', { name: /第01版/ }).click();
  await page.waitForURL(/\/pages\//);
  const boxes = page.locator('.pagemap a.box');
  assert.ok((await boxes.count()) >= 5, 'the page map shows the articles');
  await shot(page, '4-page');
  // the longest article has the biggest box
  await boxes.first().click();
  await page.waitForURL(/\/articles\//);
  const title = await page.locator('article.story h1').innerText();
  assert.ok(title.length > 4);
  assert.equal(await page.locator('article.story .body p').first().evaluate((p) => getComputedStyle(p).textIndent), `${2 * 17.28}px`, 'paragraphs indent two characters');
  const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, title);
  await page.getByRole('button', { name: '复制' }).click();
  await page.getByRole('button', { name: '已复制' }).waitFor();
  assert.match(await page.locator('#citation').innerText(), /\[N\]\. 浙江工人日报, 2022-12-16\(01\)\./);
  await shot(page, '5-article');
  // 上一版 / 下一版 and 上一期 reach the neighbours
  await page.goBack();
  await page.getByRole('link', { name: /下一版/ }).click();
  await page.waitForURL(/03$/);
  assert.match(await page.locator('h1').innerText(), /第03版 综合新闻/);
  assert.deepEqual(problems, [], 'no script errors and no CSP violations');
});

test('search a two-character query and see highlighted hits, facets and filters', { skip }, async () => {
  const { page, problems } = await open();
  await page.goto(base);
  await page.getByRole('searchbox', { name: '搜索' }).fill('外贸');
  await page.getByRole('button', { name: '搜索' }).click();
  await page.waitForURL(/\/search\?q=/);
  const marks = await page.locator('.hits mark').allTextContents();
  assert.ok(marks.length >= 4 && marks.every((m) => m === '外贸'), `hits marked: ${marks}`);
  assert.match(await page.locator('.results').innerText(), /共 4 篇/);
  assert.equal(await page.locator('.hits mark').first().evaluate((m) => getComputedStyle(m).backgroundColor), 'rgb(255, 229, 138)');
  await shot(page, '6-search');
  await page.locator('.facets').getByRole('link', { name: '义乌商报' }).click();
  await page.waitForURL(/paper=/);
  assert.match(await page.locator('.results').innerText(), /共 \d+ 篇/);
  assert.ok((await page.locator('.hits .where').allTextContents()).every((w) => w.startsWith('义乌商报')));
  await page.goto(`${base}/search?q=${encodeURIComponent('(外贸')}`);
  assert.match(await page.getByRole('alert').innerText(), /无法执行这个检索/);
  assert.deepEqual(problems.filter((p) => !/status of 400/.test(p)), []);
});

test('page text with markup shows as text and runs nothing', { skip }, async () => {
  const { page, problems } = await open();
  await page.goto(`${base}/articles/${encodeURIComponent('测试报/2023-01-02/01#1')}`);
  assert.match(await page.locator('article.story').innerText(), /标题<script>window\.__pwned=1<\/script>[\s\S]*<img src=x onerror="window\.__pwned=2">/);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await page.locator('article.story img').count(), 0);
  assert.deepEqual(problems, []);
});

test('a phone-sized screen: no sideways scrolling, readable type', { skip }, async () => {
  const { page, problems } = await open(390, 844);
  for (const [name, path] of [
    ['7-phone-article', `/articles/${encodeURIComponent('浙江工人日报/2022-12-16/01#1')}`],
    ['8-phone-search', `/search?q=${encodeURIComponent('工会')}`],
    ['9-phone-calendar', `/papers/${encodeURIComponent('浙江工人日报')}`],
  ]) {
    await page.goto(base + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} fits the screen (overflow ${overflow}px)`);
    await shot(page, name);
  }
  const size = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.ok(size >= 15);
  assert.deepEqual(problems, []);
});
