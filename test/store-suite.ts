// The conformance suite every store must pass. Each dialect's test file calls
// `storeSuite` with a way to open a fresh, empty store.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePage } from '../src/index.js';
import type { ArticleFilter, PageInput, Store, StoredArticle } from '../src/store/store.js';
import { pageInputOf } from '../src/archive/ingest.js';
import { pageKey } from '../src/store/keys.js';
import { parseQuery } from '../src/search/query.js';
import { fold } from '../src/search/fold.js';
import { fieldTexts } from '../src/store/shared.js';
import { loadPages } from './helpers.js';

const pages = loadPages();
const seed = (slug: string) => pages.find((p) => p.slug.startsWith(slug))!;

/** A seed page as a store input with the identity a user would give it. */
function seedInput(slug: string, identity: Partial<PageInput['identity']> = {}): PageInput {
  const p = seed(slug);
  return pageInputOf(`${p.slug}.txt`, p.source, identity);
}

function textPage(text: string, identity: PageInput['identity'], path: string): PageInput {
  return pageInputOf(path, Buffer.from(text, 'utf8'), identity);
}

async function all(store: Store, q: string): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const r = await store.search({ query: parseQuery(q), limit: 200, offset });
    ids.push(...r.hits.map((h) => h.article.id));
    if (r.hits.length < 200) return ids.sort();
  }
}

/** The article passes the filter, as a plain reading of each field says. */
function passes(a: StoredArticle, f: ArticleFilter): boolean {
  return (
    (f.paper === undefined || a.paper === f.paper) &&
    (f.from === undefined || (a.date !== null && a.date >= f.from)) &&
    (f.to === undefined || (a.date !== null && a.date <= f.to)) &&
    (f.page === undefined || a.page === f.page) &&
    (f.reporter === undefined || a.byline.reporters.includes(f.reporter))
  );
}

async function allArticles(store: Store): Promise<StoredArticle[]> {
  const out: StoredArticle[] = [];
  for await (const a of store.articles()) out.push(a);
  return out;
}

export function storeSuite(name: string, open: () => Promise<Store>, options: { skip?: string | false } = {}): void {
  const withStore = (title: string, fn: (s: Store) => Promise<void>) =>
    test(`${name}: ${title}`, { skip: options.skip }, async () => {
      const store = await open();
      try {
        await fn(store);
      } finally {
        await store.close();
      }
    });

  withStore('a page is stored once; the same content again changes nothing; a changed page replaces it', async (store) => {
    const input = seedInput('002');
    const first = await store.putPage(input);
    assert.equal(first.status, 'added');
    assert.equal(first.pageKey, '浙江工人日报/2022-12-16/01');
    assert.equal(first.articles, 5);
    assert.equal((await store.putPage(input)).status, 'unchanged');
    assert.equal((await store.putPage({ ...input, sourcePath: 'elsewhere/copy.txt' })).status, 'unchanged');
    const changed = textPage(seed('002').source.toString('utf8').replace('新闻服务热线', '新闻热线'), input.identity, 'p.txt');
    assert.equal((await store.putPage(changed)).status, 'replaced');
    assert.equal((await allArticles(store)).length, 5);
    const page = await store.getPage(first.pageKey);
    assert.ok(page?.other.includes('新闻热线'));
  });

  withStore('articles come back as they were parsed, with where they were printed', async (store) => {
    const input = seedInput('002');
    await store.putPage(input);
    const a = await store.getArticle('浙江工人日报/2022-12-16/01#1');
    assert.ok(a);
    const parsed = input.record.articles[0];
    assert.equal(a.title, parsed.title);
    assert.equal(a.kicker, parsed.kicker);
    assert.deepEqual(a.paragraphs, parsed.paragraphs);
    assert.deepEqual(a.byline, parsed.byline);
    assert.deepEqual(a.sources, parsed.sources);
    assert.equal(a.paper, '浙江工人日报');
    assert.equal(a.date, '2022-12-16');
    assert.equal(a.page, 1);
    assert.deepEqual(a.parts, [{ id: a.id, page: 1 }]);
    assert.equal(await store.getArticle('nope#1'), null);
    const issue = await store.getIssue('浙江工人日报', '2022-12-16');
    assert.equal(issue?.masthead?.issueNumber, 12285);
    assert.deepEqual((await store.listPapers()).map((p) => [p.name, p.issues, p.pages, p.articles]), [['浙江工人日报', 1, 1, 5]]);
    assert.deepEqual(await store.unidentifiedPages(), []);
    await store.putPage(seedInput('000'));
    const unknown = await store.unidentifiedPages();
    assert.equal(unknown.length, 1);
    assert.equal(unknown[0].paper, null);
    assert.ok(unknown[0].articles > 0);
    assert.ok(await store.getPage(unknown[0].key), 'an unidentified page is read back by its key');
  });

  withStore('search: words, phrases, AND / OR / NOT, one character, folded forms, marked snippets', async (store) => {
    await store.putPage(seedInput('000', { paper: '测试报', date: '2022-05-12', page: 3 }));
    await store.putPage(seedInput('002'));
    await store.putPage(seedInput('004', { paper: '义乌商报', date: '2022-06-18', page: 1 }));
    const titles = async (q: string) => (await store.search({ query: parseQuery(q), limit: 50 })).hits.map((h) => h.article.title ?? '');
    assert.ok((await titles('外贸')).some((t) => t.startsWith('1~4月浙江出口突破万亿元')));
    const phrase = await store.search({ query: parseQuery('“班前十分钟活动”') });
    assert.equal(phrase.total, 2);
    assert.ok(phrase.hits.every((h) => h.snippet.marks.length > 0));
    const mark = phrase.hits[0].snippet.marks[0];
    assert.equal(phrase.hits[0].snippet.text.slice(mark[0], mark[1]), '班前十分钟活动');
    // a hit is the article as getArticle gives it, less its sources
    for (const h of (await store.search({ query: parseQuery('的'), limit: 50 })).hits) {
      assert.ok(!('sources' in h.article));
      const { sources, ...rest } = (await store.getArticle(h.article.id))!;
      assert.ok(sources.length > 0);
      assert.deepEqual(h.article, rest);
    }
    assert.deepEqual(await all(store, '钱海军 AND 志愿'), await all(store, '钱海军 志愿'));
    assert.ok((await all(store, '钱海军 AND 志愿')).length >= 1);
    const or = await all(store, '足球 OR 居住证');
    assert.deepEqual(or, [...new Set([...(await all(store, '足球')), ...(await all(store, '居住证'))])].sort());
    const not = await all(store, '外贸 NOT 义乌');
    assert.ok(not.length > 0 && not.every((id) => !id.startsWith('义乌商报')));
    assert.ok((await all(store, '貿易')).length > 0, 'traditional characters find simplified text');
    assert.deepEqual(await all(store, '貿易'), await all(store, '贸易'));
    assert.deepEqual(await all(store, 'ＲＣＥＰ'), await all(store, 'RCEP'));
    assert.ok((await all(store, '鱼')).length > 0, 'one character');
  });

  withStore('search: filters, fields, facets, pagination, and title hits first', async (store) => {
    await store.putPage(seedInput('000', { paper: '测试报', date: '2022-05-12', page: 3 }));
    await store.putPage(seedInput('002'));
    const q = parseQuery('外贸');
    const full = await store.search({ query: q });
    assert.equal(full.total, 2);
    const top = full.hits[0].article;
    assert.match([top.kicker, top.title, top.subtitle].join(' '), /外贸/, 'the article with the word in its headline ranks first');
    assert.deepEqual(full.facets.paper.map((f) => [f.value, f.count]).sort(), [['测试报', 1], ['浙江工人日报', 1]]);
    assert.deepEqual(full.facets.month.map((f) => f.value).sort(), ['2022-05', '2022-12']);
    assert.deepEqual(full.facets.reporter, [{ value: '张浩呈', count: 2 }]);
    assert.equal((await store.search({ query: q, paper: '浙江工人日报' })).total, 1);
    assert.equal((await store.search({ query: q, from: '2022-06-01' })).total, 1);
    assert.equal((await store.search({ query: q, to: '2022-06-01' })).total, 1);
    assert.equal((await store.search({ query: q, page: 3 })).total, 1);
    assert.equal((await store.search({ query: q, reporter: '张浩呈' })).total, 2);
    assert.equal((await store.search({ query: q, reporter: '王婷' })).total, 0);
    assert.equal((await store.search({ query: q, field: 'title' })).total, 1);
    const paged = await store.search({ query: q, limit: 1, offset: 1 });
    assert.equal(paged.hits.length, 1);
    assert.equal(paged.total, 2);
    assert.notEqual(paged.hits[0].article.id, full.hits[0].article.id);
  });

  withStore('recall is exact: search finds what a substring scan finds, for random queries', async (store) => {
    for (const [slug, id] of [
      ['000', { paper: '测试报', date: '2022-05-12', page: 3 }],
      ['001', { paper: '测试报', date: '2023-11-23', page: 2 }],
      ['002', {}],
      ['003', {}],
      ['004', { paper: '义乌商报', date: '2022-06-18', page: 1 }],
    ] as const) {
      await store.putPage(seedInput(slug, id));
    }
    const articles = await allArticles(store);
    const folded = articles.map((a) => ({ id: a.id, fields: Object.values(fieldTexts(a)).map(fold) }));
    const corpus = folded.flatMap((a) => a.fields).join('');
    const query = fc.oneof(
      { weight: 4, arbitrary: fc.tuple(fc.nat(corpus.length - 1), fc.integer({ min: 1, max: 6 })).map(([at, n]) => corpus.slice(at, at + n)) },
      { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部'), minLength: 1, maxLength: 3 }) },
    );
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const clean = q.replace(/["“”「」『』()（）\s-]/g, '');
        if (!clean || /^(AND|OR|NOT)$/.test(clean)) return;
        const expected = folded.filter((a) => a.fields.some((f) => f.includes(fold(clean)))).map((a) => a.id).sort();
        assert.deepEqual(await all(store, `"${clean}"`), expected, `query ${clean}`);
        checked++;
      }),
      { numRuns: 520 },
    );
    assert.ok(checked >= 500, `${checked} queries checked`);
  });

  withStore('facets and filters count what a scan of the stored articles counts, a replaced page and several reporters included', async (store) => {
    const identities = [
      ['000', { paper: '测试报', date: '2022-05-12', page: 3 }],
      ['001', { paper: '测试报', date: '2023-11-23', page: 2 }],
      ['002', {}],
      ['003', {}],
      ['004', { paper: '义乌商报', date: '2022-06-18', page: 1 }],
    ] as const;
    for (const [slug, id] of identities) await store.putPage(seedInput(slug, id));
    // a new version of a page in the middle: its first articles' ids are held by no article now
    const p = seed('001');
    const changed = await store.putPage(pageInputOf(`${p.slug}.txt`, Buffer.concat([p.source, Buffer.from('\n\n补记一则\n本报讯（记者 王一 李二）一则补记的正文，说的是一件事。\n', 'utf8')]), identities[1][1]));
    assert.equal(changed.status, 'replaced');
    const articles = await allArticles(store);
    assert.ok(articles.some((a) => a.byline.reporters.length > 1), 'an article with several reporters');
    const count = (values: Array<string | null>) => {
      const n = new Map<string, number>();
      for (const v of values) if (v !== null) n.set(v, (n.get(v) ?? 0) + 1);
      return [...n].map(([value, c]) => ({ value, count: c })).sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1)).slice(0, 30);
    };
    for (const q of ['的', '记者', '工人', '补记']) {
      const matched = articles.filter((a) => Object.values(fieldTexts(a)).some((t) => fold(t).includes(fold(q))));
      const r = await store.search({ query: parseQuery(q), limit: 1 });
      assert.equal(r.total, matched.length, q);
      assert.deepEqual(r.facets.paper, count(matched.map((a) => a.paper)), `${q}: papers`);
      assert.deepEqual(r.facets.month, count(matched.map((a) => a.date?.slice(0, 7) ?? null)), `${q}: months`);
      assert.deepEqual(r.facets.reporter, count(matched.flatMap((a) => a.byline.reporters)), `${q}: reporters`);
      const filters = [{ paper: '测试报' }, { from: '2022-06-01' }, { to: '2022-12-31' }, { page: 1 }, { reporter: matched.flatMap((a) => a.byline.reporters)[0] ?? '无名' }];
      for (const f of filters) {
        const expected = matched.filter((a) => passes(a, f));
        assert.equal((await store.search({ query: parseQuery(q), ...f })).total, expected.length, `${q} ${JSON.stringify(f)}`);
      }
    }
  });

  withStore('articles(filter) gives what filtering every article gives, in the same order', async (store) => {
    await store.putPage(seedInput('000', { paper: '测试报', date: '2022-05-12', page: 3 }));
    await store.putPage(seedInput('001', { paper: '测试报', date: '2023-11-23', page: 1 }));
    await store.putPage(seedInput('002', {}));
    await store.putPage(seedInput('004', { paper: '义乌商报', date: '2022-06-18', page: 1 }));
    const every = await allArticles(store);
    const reporters = every.flatMap((a) => a.byline.reporters);
    const shared = reporters.find((r, i) => reporters.indexOf(r) !== i) ?? reporters[0];
    const filters: ArticleFilter[] = [{ paper: '测试报' }, { from: '2022-06-01', to: '2022-12-31' }, { page: 1 }, { reporter: shared }, { paper: '义乌商报', from: '2022-06-01', reporter: shared }];
    for (const f of filters) {
      const got: string[] = [];
      for await (const a of store.articles(f)) got.push(a.id);
      const want = every.filter((a) => passes(a, f)).map((a) => a.id);
      assert.ok(want.length > 0 && want.length < every.length, `${JSON.stringify(f)} picks some: ${want.length} of ${every.length}`);
      assert.deepEqual(got, want, JSON.stringify(f));
    }
  });

  withStore('an article printed across pages is one article, whichever page arrives first', async (store) => {
    const p1 = '本报讯 记者张三报道 市里昨天召开数字贸易大会，会议提出要发展数字贸易。（下转第二版）\n\n数字贸易大会召开\n';
    const p2 = '（紧接第一版）会议还要求各地加快推进数字贸易平台建设，形成合力。\n';
    const id = { paper: '测试报', date: '2023-01-02', pageName: null };
    await store.putPage(textPage(p2, { ...id, page: 2 }, 'p2.txt'));
    await store.putPage(textPage(p1, { ...id, page: 1 }, 'p1.txt'));
    const first = await store.getArticle('测试报/2023-01-02/01#1');
    assert.equal(first?.continuedTo, '第二版');
    assert.deepEqual(first?.parts, [
      { id: '测试报/2023-01-02/01#1', page: 1 },
      { id: '测试报/2023-01-02/02#1', page: 2 },
    ]);
    const second = await store.getArticle('测试报/2023-01-02/02#1');
    assert.deepEqual(second?.parts, first?.parts);
  });

  withStore('pages are removed with their articles; an issue and a paper left empty go; parts printed across pages still joined stay so', async (store) => {
    const id = { paper: '测试报', date: '2023-01-02', pageName: null };
    const pages = [
      '本报讯 记者张三报道 市里昨天召开数字贸易大会，会议提出要发展数字贸易。（下转第二版）\n\n数字贸易大会召开\n',
      '（紧接第一版）会议还要求各地加快推进数字贸易平台建设，形成合力。（下转第三版）\n',
      '（紧接第二版）会议最后强调，要把各项任务落到实处。\n',
    ];
    for (const [k, text] of pages.entries()) await store.putPage(textPage(text, { ...id, page: k + 1 }, `p${k + 1}.txt`));
    await store.putPage(seedInput('002'));
    const key = (n: number) => `测试报/2023-01-02/0${n}`;
    const partsOf = async (n: number) => (await store.getArticle(`${key(n)}#1`))?.parts.map((p) => p.page);
    assert.deepEqual(await partsOf(1), [1, 2, 3]);
    // the last part goes: the first two are still one article
    const r = await store.removePages([key(3), 'no/such/page', key(3)]);
    assert.deepEqual(r, { removed: [key(3)], articles: 1, missing: ['no/such/page'] });
    assert.equal(await store.getPage(key(3)), null);
    assert.equal(await store.getArticle(`${key(3)}#1`), null);
    assert.deepEqual(await partsOf(1), [1, 2]);
    assert.deepEqual(await partsOf(2), [1, 2]);
    assert.equal((await store.search({ query: parseQuery('落到实处') })).total, 0);
    assert.equal((await store.search({ query: parseQuery('形成合力') })).total, 1);
    // the middle part goes: the first stands alone
    await store.removePages([key(2)]);
    assert.deepEqual(await partsOf(1), [1]);
    // the issue's last page goes: the issue, and the paper it was the only issue of, go with it
    assert.deepEqual((await store.removePages([key(1)])).articles, 1);
    const stats = await store.stats();
    assert.deepEqual([stats.papers.map((p) => p.name), stats.issues, stats.pages, stats.articles], [['浙江工人日报'], 1, 1, 5]);
    assert.equal(await store.getIssue('测试报', '2023-01-02'), null);
    assert.equal((await store.search({ query: parseQuery('数字贸易') })).total, 0);
    // stored again, it is found again
    assert.equal((await store.putPage(textPage(pages[0], { ...id, page: 1 }, 'p1.txt'))).status, 'added');
    assert.equal((await store.search({ query: parseQuery('数字贸易') })).total, 1);
  });

  withStore('a page kept unidentified is filed where it is stored again with its paper and date; an identified page stays filed', async (store) => {
    const text = seed('001').source.toString('utf8');
    const loose = await store.putPage(textPage(text, { paper: null, date: null, page: null, pageName: null }, 'loose.txt'));
    assert.equal(loose.pageKey, 'unidentified/loose.txt');
    const id = { paper: '测试报', date: '2023-01-09', page: 3, pageName: null };
    const filed = await store.putPage(textPage(text, id, 'loose.txt'));
    assert.deepEqual([filed.status, filed.pageKey], ['replaced', '测试报/2023-01-09/03']);
    assert.equal(await store.getPage('unidentified/loose.txt'), null);
    const stats = await store.stats();
    assert.deepEqual([stats.pages, stats.unidentifiedPages, stats.issues], [1, 0, 1]);
    assert.equal((await store.getArticle('测试报/2023-01-09/03#1'))?.date, '2023-01-09');
    // the same text again with no identity is the page already filed
    const again = await store.putPage(textPage(text, { paper: null, date: null, page: null, pageName: null }, 'elsewhere.txt'));
    assert.deepEqual([again.status, again.pageKey], ['unchanged', '测试报/2023-01-09/03']);
  });

  withStore('a page that fails to store leaves nothing behind', async (store) => {
    const input = seedInput('002');
    const broken = structuredClone(input);
    const bad: Record<string, unknown> = {};
    bad.self = bad; // cannot be stored
    (broken.record.articles[3] as unknown as { sources: unknown }).sources = bad;
    await assert.rejects(store.putPage(broken));
    assert.equal(await store.getPage('浙江工人日报/2022-12-16/01'), null);
    assert.equal((await allArticles(store)).length, 0);
    assert.equal((await store.putPage(input)).status, 'added');
  });

  withStore('articles() gives every article once, in paper, date and page order, past any batch size', async (store) => {
    const inputs: PageInput[] = [];
    for (let n = 0; n < 530; n++) {
      const paper = n % 3 === 0 ? null : n % 3 === 1 ? '乙报' : '甲报';
      const date = paper ? `2023-${String((n % 12) + 1).padStart(2, '0')}-${String((n % 27) + 1).padStart(2, '0')}` : null;
      inputs.push(textPage(`本报讯 记者张三报道 第${n}条消息的正文。\n`, { paper, date, page: paper ? (n % 8) + 1 : null, pageName: null }, `p${n}.txt`));
    }
    for (let i = 0; i < inputs.length; i += 64) await store.putPages(inputs.slice(i, i + 64));
    const got = await allArticles(store);
    assert.equal(got.length, new Set(inputs.map((p) => pageKey(p.identity, p.sourcePath, p.contentHash))).size);
    assert.equal(new Set(got.map((a) => a.id)).size, got.length, 'each once');
    const order = got.map((a) => [a.paper === null ? 1 : 0, a.paper ?? '', a.date ?? '', a.page ?? 0, a.pageKey].join('\u0000'));
    const sorted = [...order].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
    assert.deepEqual(order, sorted);
  });

  withStore('stats count the archive and find gaps', async (store) => {
    const id = (date: string, page: number) => ({ paper: '测试报', date, page, pageName: null });
    await store.putPage(textPage('本报讯 记者张三报道 一天的新闻。\n', id('2023-01-01', 1), 'a.txt'));
    await store.putPage(textPage('本报讯 记者张三报道 两天的新闻。\n', id('2023-01-03', 1), 'b.txt'));
    await store.putPage(textPage('本报讯 记者张三报道 三版的新闻。\n', id('2023-01-03', 3), 'c.txt'));
    await store.putPage(textPage('没有身份的一页。\n', { paper: null, date: null, page: null, pageName: null }, 'd.txt'));
    const s = await store.stats();
    assert.equal(s.issues, 2);
    assert.equal(s.pages, 4);
    assert.equal(s.unidentifiedPages, 1);
    assert.equal(s.from, '2023-01-01');
    assert.deepEqual(s.gaps, [{ paper: '测试报', missingDates: ['2023-01-02'], missingPages: [{ date: '2023-01-03', pages: [2] }] }]);
  });
}

export { parsePage };
