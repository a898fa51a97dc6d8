// SQLite and PostgreSQL hold the same pages the same way: the same hit sets,
// totals and facets for the same queries, the same articles back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { openStore, type Store } from '../src/store/store.js';
import { pageInputOf } from '../src/archive/ingest.js';
import { parseQuery } from '../src/search/query.js';
import { fieldTexts } from '../src/store/shared.js';
import { loadPages, tempDir } from './helpers.js';
import { openFreshPg, pgSkip } from './postgres-helpers.js';

const IDENTITIES: Record<string, { paper?: string; date?: string; page?: number }> = {
  '000': { paper: '测试报', date: '2022-05-12', page: 3 },
  '001': { paper: '测试报', date: '2023-11-23', page: 2 },
  '004': { paper: '义乌商报', date: '2022-06-18', page: 1 },
};

async function filled(store: Store): Promise<Store> {
  for (const p of loadPages()) await store.putPage(pageInputOf(`${p.slug}.txt`, p.source, IDENTITIES[p.slug.slice(0, 3)] ?? {}));
  return store;
}

async function hitSet(store: Store, q: string, extra: Record<string, unknown> = {}) {
  const ids: string[] = [];
  let total = 0;
  let facets;
  for (let offset = 0; ; offset += 200) {
    const r = await store.search({ query: parseQuery(q), limit: 200, offset, ...extra });
    total = r.total;
    facets ??= r.facets;
    ids.push(...r.hits.map((h) => h.article.id));
    if (r.hits.length < 200) break;
  }
  return { ids: ids.sort(), total, facets };
}

test('parity: the same pages and queries give the same hits on SQLite and PostgreSQL', { skip: pgSkip }, async () => {
  const sqlite = await filled(await openStore(`sqlite:${join(tempDir('parity'), 'p.db')}`));
  const pg = await filled(await openFreshPg());
  try {
    const a: unknown[] = [];
    const b: unknown[] = [];
    for await (const x of sqlite.articles()) a.push(x);
    for await (const x of pg.articles()) b.push(x);
    assert.equal(a.length, 31);
    assert.deepEqual(b, a, 'the same articles, in the same order');
    assert.deepEqual(await pg.stats(), await sqlite.stats());
    assert.deepEqual(await pg.listPapers(), await sqlite.listPapers());

    const words = (a as Array<Parameters<typeof fieldTexts>[0]>).flatMap((x) => Object.values(fieldTexts(x)).join('').match(/[\u4e00-\u9fff]{1,4}/g) ?? []);
    const word = fc.constantFrom(...words).chain((w) => fc.tuple(fc.nat(w.length - 1), fc.integer({ min: 1, max: 4 })).map(([at, n]) => w.slice(at, at + n)));
    const query = fc.oneof(
      { weight: 3, arbitrary: word.map((w) => `"${w}"`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([x, y]) => `"${x}" OR "${y}"`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([x, y]) => `"${x}" "${y}"`) },
      { weight: 1, arbitrary: fc.tuple(word, word).map(([x, y]) => `"${x}" NOT "${y}"`) },
    );
    const filters = fc.constantFrom({}, { field: 'title' }, { field: 'body' }, { paper: '测试报' }, { from: '2022-06-01', to: '2022-12-31' }, { page: 1 }, { reporter: '张浩呈' });
    let checked = 0;
    await fc.assert(
      fc.asyncProperty(query, filters, async (q, f) => {
        const [x, y] = [await hitSet(sqlite, q, f), await hitSet(pg, q, f)];
        assert.deepEqual(y.ids, x.ids, `hits for ${q} ${JSON.stringify(f)}`);
        assert.equal(y.total, x.total);
        assert.deepEqual(y.facets, x.facets, `facets for ${q}`);
        checked++;
      }),
      { numRuns: 200 },
    );
    assert.equal(checked, 200);
  } finally {
    await sqlite.close();
    await pg.close();
  }
});
