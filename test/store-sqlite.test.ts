import { test } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { Store } from '../src/store/store.js';
import { pageInputOf } from '../src/archive/ingest.js';
import { parseQuery, matches } from '../src/search/query.js';
import { fold } from '../src/search/fold.js';
import { fieldTexts } from '../src/store/shared.js';
import { join } from 'node:path';
import { openStore } from '../src/store/store.js';
import { storeSuite } from './store-suite.js';
import type { FacetThread } from '../src/store/sqlite/facet-thread.js';
import { FacetIndex } from '../src/store/sqlite/facet-index.js';
import { archiveWrites, decodeFacets, encodeFacets, saveFacets } from '../src/store/sqlite/facet-cache.js';
import { MIGRATIONS } from '../src/store/sqlite/migrations.js';
import { loadPages, tempDir } from './helpers.js';
import type { IndexThread } from '../src/store/sqlite/index-thread.js';
import { writeTransaction } from '../src/store/sqlite/write-transaction.js';
import { SqliteSearchIndex } from '../src/store/sqlite/search-index.js';
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

storeSuite('sqlite', () => openStore(`sqlite:${join(tempDir('store'), 'test.db')}`));

// The search index: written in runs beside the articles, behind them after a crash, merged per segment.

storeSuite('sqlite, search index written 3 articles at a time', () => openStore(`sqlite:${join(tempDir('store'), 'test.db')}`, { searchRun: 3 }));

storeSuite('sqlite, search index written 3 articles at a time on its own thread', () =>
  openStore(`sqlite:${join(tempDir('store'), 'test.db')}`, { searchRun: 3, indexThread: true }),
);

const seeds = loadPages().filter((p) => /^00[0-4]/.test(p.slug));

async function putSeeds(store: Store): Promise<void> {
  for (const p of seeds) await store.putPage(pageInputOf(`${p.slug}.txt`, p.source, {}));
}

/** A new archive of the seed pages, closed: its path. */
async function seededArchive(name: string): Promise<string> {
  const path = join(tempDir('store'), name);
  const store = await openStore(`sqlite:${path}`);
  await putSeeds(store);
  await store.close();
  return path;
}

/** Every article the store finds for q, against those a substring scan of its articles finds. */
async function searchAndScan(store: Store, q: string): Promise<{ found: string[]; scanned: string[] }> {
  const query = parseQuery(q);
  const found: string[] = [];
  for (let offset = 0; ; offset += 200) {
    const r = await store.search({ query, limit: 200, offset });
    found.push(...r.hits.map((h) => h.article.id));
    if (r.hits.length < 200) break;
  }
  const scanned: string[] = [];
  for await (const a of store.articles()) if (matches(query, Object.values(fieldTexts(a)).map(fold))) scanned.push(a.id);
  return { found: found.sort(), scanned: scanned.sort() };
}

/** Words of every length from the seed pages' text, a fixed set. */
function queriesOf(text: string): string[] {
  const out = ['的', '外贸', '“班前十分钟活动”', '钱海军 AND 志愿', '工人 -日报', '(发展 OR 建设) 浙江', '貿易'];
  const chars = [...fold(text)];
  for (let k = 0; k < 60; k++) {
    const len = 1 + (k % 8);
    const at = (k * 7919) % Math.max(1, chars.length - len);
    const w = chars.slice(at, at + len).join('').replace(/["“”「」『』()（）\s-]/g, '');
    if (w && !/^(AND|OR|NOT)$/.test(w)) out.push(`"${w}"`);
  }
  return out;
}

async function assertSearchIsExact(store: Store, label: string): Promise<void> {
  const text = seeds.map((p) => p.source.toString('utf8')).join('');
  for (const q of queriesOf(text)) {
    const { found, scanned } = await searchAndScan(store, q);
    assert.deepEqual(found, scanned, `${label}: ${q}`);
  }
}

function raw(path: string, fn: (db: Database.Database) => void): void {
  const db = new Database(path);
  try {
    fn(db);
  } finally {
    db.close();
  }
}

test('sqlite: search stays exact when a crash left the index behind the articles', async () => {
  const path = join(tempDir('store'), 'crash.db');
  let store = await openStore(`sqlite:${path}`, { searchRun: 4 });
  await putSeeds(store);
  await store.close();
  // as if the process died after storing pages but before their postings were written
  raw(path, (db) => {
    const starts = db.prepare("SELECT DISTINCT start FROM search_postings WHERE term = '#len' ORDER BY start").pluck().all() as number[];
    assert.ok(starts.length > 3, `${starts.length} runs written`);
    db.prepare('DELETE FROM search_postings WHERE start >= ?').run(starts[2]);
    db.prepare("UPDATE search_state SET value = ? WHERE name = 'indexed_through'").run(starts[2] - 1);
  });
  store = await openStore(`sqlite:${path}`, { searchRun: 10_000 });
  await assertSearchIsExact(store, 'unindexed articles searched from memory');
  await store.close();
  store = await openStore(`sqlite:${path}`, { searchRun: 4 });
  await assertSearchIsExact(store, 'after the runs are written again');
  await store.close();
  raw(path, (db) => {
    const through = db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get();
    assert.equal(through, db.prepare('SELECT MAX(id) FROM articles').pluck().get());
  });
});

test('sqlite: a run of the search index ends where its occurrences reach the budget, short of its articles, and search stays exact', async () => {
  const path = await seededArchive('budget.db');
  // one run for the whole archive, where the budget allows
  const runs = (db: Database.Database) => db.prepare("SELECT COUNT(*) FROM search_postings WHERE term = '#len'").pluck().get() as number;
  raw(path, (db) => assert.equal(runs(db), 1, 'the seed pages written as one run'));
  raw(path, (db) => {
    db.prepare('DELETE FROM search_postings').run();
    db.prepare("UPDATE search_state SET value = 0 WHERE name = 'indexed_through'").run();
    new SqliteSearchIndex(db, 10_000, 5_000).catchUp(1);
    const articles = db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    const n = runs(db);
    assert.ok(n >= 5 && n < articles, `${n} runs for ${articles} articles`);
    assert.equal(db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get(), db.prepare('SELECT MAX(id) FROM articles').pluck().get());
  });
  const store = await openStore(`sqlite:${path}`);
  await assertSearchIsExact(store, 'runs cut by the budget');
  await store.close();
});

test('sqlite: runs written on the index thread while pages are stored: searches exact meanwhile and after, every article indexed once flushed', async () => {
  const path = join(tempDir('store'), 'index-thread.db');
  const store = await openStore(`sqlite:${path}`, { searchRun: 4, indexThread: true });
  const thread = (store as unknown as { indexThread: IndexThread }).indexThread;
  for (const p of seeds) {
    await store.putPages([pageInputOf(`${p.slug}.txt`, p.source, {})]);
    await assertSearchIsExact(store, `after ${p.slug}, the thread writing`);
  }
  await store.flush();
  assert.ok(thread.answered > 0, 'the thread wrote runs');
  assert.equal(thread.lastError, null);
  raw(path, (db) => {
    const through = db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get() as number;
    const last = db.prepare('SELECT MAX(id) FROM articles').pluck().get() as number;
    assert.equal(through, last, 'flushed: every article stored is indexed');
    const runs = db.prepare("SELECT COUNT(*) FROM search_postings WHERE term = '#len'").pluck().get() as number;
    assert.equal(runs, Math.ceil(through / 4), 'one run per 4 articles (the last the rest), none written twice');
  });
  await assertSearchIsExact(store, 'flushed');
  await store.close();
  raw(path, (db) => {
    const through = db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get();
    assert.equal(through, db.prepare('SELECT MAX(id) FROM articles').pluck().get(), 'closing wrote the rest');
  });
  // a store that only reads starts no thread, at its close either: nothing is past the watermark
  const reader = await openStore(`sqlite:${path}`, { searchRun: 4, indexThread: true });
  await reader.search({ query: parseQuery('的') });
  await reader.close();
  assert.equal((reader as unknown as { indexThread: IndexThread }).indexThread.answered, 0, 'no thread started to write nothing');
  // nor one that stored a page and flushed: a few articles are written sooner than a thread starts
  const small = await openStore(`sqlite:${path}`, { searchRun: 4_096, indexThread: true });
  await small.putPage(pageInputOf('small.txt', Buffer.from('本报讯 记者张三报道 小小的一页新闻正文写在这里。\n\n小页标题\n'), { paper: '测试报', date: '2023-01-05', page: 1, pageName: null }));
  await small.flush();
  assert.equal((small as unknown as { indexThread: IndexThread }).indexThread.answered, 0, 'no thread started for a page');
  raw(path, (db) => {
    const through = db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get();
    assert.equal(through, db.prepare('SELECT MAX(id) FROM articles').pluck().get(), 'the page is indexed');
  });
  await small.close();
});

test('sqlite: gathering ahead (the index thread), the articles stored since each call join the run in hand, written once, when due or when all are asked for', async () => {
  const path = join(tempDir('store'), 'ahead.db');
  // a store that leaves its index to the other connection
  const store = await openStore(`sqlite:${path}`, { searchRun: 10_000, indexThread: false });
  const db = new Database(path);
  const ahead = new SqliteSearchIndex(db, 10_000, undefined, true);
  const inHand = () => (ahead as unknown as { open: { builder: { size: number } } | null }).open?.builder.size ?? 0;
  const runs = () => db.prepare("SELECT COUNT(*) FROM search_postings WHERE term = '#len'").pluck().get() as number;
  try {
    let stored = 0;
    for (const p of seeds) {
      await store.putPage(pageInputOf(`${p.slug}.txt`, p.source, {}));
      stored = db.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
      ahead.catchUp();
      assert.equal(inHand(), stored, `after ${p.slug}: every article stored is in the run in hand`);
      assert.equal(runs(), 0, 'nothing written before the run is due');
    }
    ahead.catchUp(1);
    assert.equal(runs(), 1, 'gathered over five calls, written as one run');
    assert.equal(inHand(), 0);
    assert.equal(db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get(), db.prepare('SELECT MAX(id) FROM articles').pluck().get());
    await assertSearchIsExact(store, 'gathered ahead');
  } finally {
    db.close();
    await store.close();
  }
});

test('sqlite: a run gathered by one index writer is not written where another wrote those articles meanwhile', async () => {
  const path = await seededArchive('two-writers.db');
  // as if a crash had left every article unindexed
  raw(path, (db) => {
    db.exec('DELETE FROM search_postings');
    db.prepare("UPDATE search_state SET value = 0 WHERE name = 'indexed_through'").run();
  });
  const [one, two] = [new Database(path), new Database(path)];
  try {
    type Gathering = { gatherRun(atLeast: number): unknown; storeRun(run: unknown): number | null; catchUp(atLeast?: number): void };
    const first = new SqliteSearchIndex(one, 4) as unknown as Gathering;
    const run = first.gatherRun(4);
    (new SqliteSearchIndex(two, 4) as unknown as Gathering).catchUp(1);
    const runs = () => one.prepare("SELECT COUNT(*) FROM search_postings WHERE term = '#len'").pluck().get() as number;
    const before = runs();
    assert.equal(one.transaction(() => first.storeRun(run)).immediate(), null);
    assert.equal(runs(), before, 'nothing written twice');
  } finally {
    one.close();
    two.close();
  }
});

test("sqlite: a write transaction waits while another thread holds the file's write lock, even where SQLite returns busy at once", async () => {
  const path = join(tempDir('store'), 'busy.db');
  raw(path, (db) => {
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x INTEGER)');
  });
  // the lock is held on another thread for 300 ms; this connection's own busy timeout is 0
  const holder = new Worker(
    `const Database = require(${JSON.stringify(require.resolve('better-sqlite3'))});
     const { parentPort } = require('node:worker_threads');
     const db = new Database(${JSON.stringify(path)});
     db.transaction(() => {
       db.prepare('INSERT INTO t VALUES (1)').run();
       parentPort.postMessage('holding');
       Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 300);
     }).immediate();
     db.close();`,
    { eval: true },
  );
  await new Promise((resolve) => holder.once('message', resolve));
  const db = new Database(path, { timeout: 0 });
  try {
    assert.throws(() => db.transaction(() => db.prepare('INSERT INTO t VALUES (0)').run()).immediate(), /locked/, 'SQLite alone gives up at once');
    const t = performance.now();
    writeTransaction(db, () => db.prepare('INSERT INTO t VALUES (2)').run());
    assert.ok(performance.now() - t > 100, 'waited for the lock');
    assert.deepEqual(db.prepare('SELECT x FROM t ORDER BY rowid').pluck().all(), [1, 2]);
    // a failure inside the transaction is not tried again
    let tries = 0;
    assert.throws(() =>
      writeTransaction(db, () => {
        tries++;
        throw Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });
      }),
    );
    assert.equal(tries, 1);
  } finally {
    db.close();
    await holder.terminate();
  }
});

test('sqlite: a page whose postings cannot be written after its commit is reported stored, found, and indexed by the next write', async () => {
  const path = join(tempDir('store'), 'index-fails.db');
  const store = await openStore(`sqlite:${path}`, { searchRun: 1 });
  const index = (store as unknown as { index: { catchUp: () => void } }).index;
  const catchUp = index.catchUp.bind(index);
  index.catchUp = () => {
    throw new Error('database or disk is full');
  };
  const identity = { paper: '测试报', date: '2023-03-04', page: 2, pageName: null };
  const first = await store.putPage(pageInputOf('a.txt', Buffer.from('本报讯 甲乙丙丁戊己庚辛壬癸。\n'), identity));
  assert.equal(first.status, 'added');
  const [second] = await store.putPages([pageInputOf('b.txt', Buffer.from('本报讯 子丑寅卯辰巳午未申酉。\n'), { ...identity, page: 3 })]);
  assert.equal(second.status, 'added');
  assert.equal((await store.search({ query: parseQuery('乙丙丁戊') })).total, 1, 'found from memory');
  assert.equal((await store.search({ query: parseQuery('丑寅卯辰') })).total, 1, 'found from memory');
  index.catchUp = catchUp;
  await store.putPage(pageInputOf('c.txt', Buffer.from('本报讯 天地玄黄宇宙洪荒。\n'), { ...identity, page: 4 }));
  raw(path, (db) => {
    const through = db.prepare("SELECT value FROM search_state WHERE name = 'indexed_through'").pluck().get();
    assert.equal(through, db.prepare('SELECT MAX(id) FROM articles').pluck().get(), 'the next write indexed all three');
  });
  assert.equal((await store.search({ query: parseQuery('乙丙丁戊') })).total, 1);
  await store.close();
});

test('sqlite: facets counted from 64- and 32-bit packed numbers are those counted from 16-bit ones', async () => {
  const path = await seededArchive('facets-wide.db');
  raw(path, (db) => {
    const ids = Int32Array.from(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]);
    const narrow = new FacetIndex(db);
    const wide = new FacetIndex(db, 64);
    const middle = new FacetIndex(db, 32);
    assert.ok(wide.counter.parts.byId instanceof Float64Array);
    assert.ok(middle.counter.parts.byId instanceof Uint32Array);
    assert.ok(narrow.counter.parts.byId instanceof Uint16Array);
    for (const pick of [ids, ids.filter((_, i) => i % 3 === 0)]) {
      assert.ok(narrow.facets(pick).reporter.length > 0);
      assert.deepEqual(wide.facets(pick), narrow.facets(pick));
      assert.deepEqual(middle.facets(pick), narrow.facets(pick));
      const reporter = narrow.facets(pick).reporter[0].value;
      assert.deepEqual(Array.from(wide.filter(pick, { reporter })), Array.from(narrow.filter(pick, { reporter })));
      // kept in the file and read back, each width as it was
      for (const index of [narrow, middle, wide]) {
        const back = decodeFacets(encodeFacets(index));
        assert.ok(back && back.counter.parts.byId.constructor === index.counter.parts.byId.constructor);
        assert.deepEqual(back.facets(pick), narrow.facets(pick));
        assert.deepEqual(Array.from(back.filter(pick, { reporter, from: '2022-01-01' })), Array.from(narrow.filter(pick, { reporter, from: '2022-01-01' })));
        assert.deepEqual(Array.from(back.stored(pick)), Array.from(index.stored(pick)));
      }
    }
  });
});

test("sqlite: the facet index puts each article on its page where a page's ids are not in a row", async () => {
  const path = await seededArchive('facets-ranges.db');
  raw(path, (db) => {
    const day = (date: string) => db.prepare('SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id WHERE p.date = ? ORDER BY a.id').pluck().all(date) as number[];
    const [december, june] = [day('2022-12-16'), day('2022-06-22')];
    assert.ok(december.length > 1 && june.length > 2);
    // one article of the June page moved to the December page: neither page's ids are in a row now
    db.prepare('UPDATE articles SET page_id = (SELECT page_id FROM articles WHERE id = ?) WHERE id = ?').run(december[0], june[1]);
    const index = new FacetIndex(db);
    const ids = Int32Array.from(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]);
    const on = (date: string) => Array.from(index.filter(ids, { from: date, to: date }));
    assert.deepEqual(on('2022-12-16'), [...december, june[1]].sort((a, b) => a - b));
    assert.deepEqual(on('2022-06-22'), june.filter((id) => id !== june[1]));
    const months = Object.fromEntries(index.facets(ids).month.map((m) => [m.value, m.count]));
    assert.equal(months['2022-12'], december.length + 1);
    assert.equal(months['2022-06'], june.length - 1);
  });
});

test("sqlite: the facet index files each article under its page's 版 and date as stored, and under none where the page has none", async () => {
  const path = await seededArchive('facets-pages.db');
  raw(path, (db) => {
    // a page whose 版 is not known (as an unidentified page's)
    db.prepare("UPDATE pages SET page_no = NULL WHERE date = '2022-06-22'").run();
    const index = new FacetIndex(db);
    const ids = Int32Array.from(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all() as number[]);
    const where = (sql: string, ...args: unknown[]) =>
      db.prepare(`SELECT a.id FROM articles a JOIN pages p ON p.id = a.page_id WHERE ${sql} ORDER BY a.id`).pluck().all(...args) as number[];
    const numbers = db.prepare('SELECT DISTINCT page_no FROM pages WHERE page_no IS NOT NULL').pluck().all() as number[];
    assert.ok(numbers.includes(1) && where('p.page_no IS NULL').length > 0);
    for (const page of numbers) assert.deepEqual(Array.from(index.filter(ids, { page })), where('p.page_no = ?', page), `版 ${page}`);
    for (const date of db.prepare('SELECT DISTINCT date FROM pages WHERE date IS NOT NULL').pluck().all() as string[]) {
      assert.deepEqual(Array.from(index.filter(ids, { from: date, to: date })), where('p.date = ?', date), date);
    }
  });
});

test('sqlite: a facet index built for a search is kept in the file, read by the next store, and built again after a write', async () => {
  const path = join(tempDir('store'), 'facets-kept.db');
  type Sources = { facetsFrom: { built: number; loaded: number } };
  const from = (s: Store) => ({ ...(s as unknown as Sources).facetsFrom });
  const kept = () => {
    let row: { writes: number; now: number } | undefined;
    raw(path, (db) => (row = db.prepare("SELECT writes, (SELECT value FROM search_state WHERE name = 'writes') AS now FROM facet_cache").get() as typeof row));
    return row;
  };
  const small = await openStore(`sqlite:${path}`);
  await putSeeds(small);
  const first = await small.search({ query: parseQuery('的') });
  assert.equal(kept(), undefined, 'an archive of a few pages builds its facet index and does not keep it');
  await small.close();

  const a = await openStore(`sqlite:${path}`, { facetCacheFrom: 0 });
  const q = { query: parseQuery('的') };
  assert.deepEqual((await a.search(q)).facets, first.facets);
  assert.deepEqual(from(a), { built: 1, loaded: 0 });
  const stamp = kept();
  assert.ok(stamp && stamp.writes === stamp.now, 'kept, stamped with the archive\'s writes');

  const b = await openStore(`sqlite:${path}`, { facetCacheFrom: 0 });
  const reporter = first.facets.reporter[0].value;
  assert.deepEqual((await b.search(q)).facets, first.facets);
  assert.equal((await b.search({ ...q, reporter })).total, (await a.search({ ...q, reporter })).total);
  assert.deepEqual(from(b), { built: 0, loaded: 1 }, 'read from the file, not built');

  // another connection writes only the search index's state: the facet index in hand stays
  raw(path, (db) => db.prepare("INSERT INTO search_state (name, value) VALUES ('test', 1)").run());
  await b.search(q);
  assert.deepEqual(from(b), { built: 0, loaded: 1 });

  // a page written by another store: built again, with its paper and month
  const identity = { paper: '测试报', date: '2023-05-06', page: 1, pageName: null };
  await a.putPage(pageInputOf('new.txt', Buffer.from('本报讯 天地玄黄的宇宙洪荒。\n'), identity));
  const after = await b.search(q);
  assert.deepEqual(from(b), { built: 1, loaded: 1 });
  assert.deepEqual(after.facets.paper.find((f) => f.value === '测试报'), { value: '测试报', count: 1 });
  assert.deepEqual(after.facets.month.find((f) => f.value === '2023-05'), { value: '2023-05', count: 1 });
  assert.equal(after.total, first.total + 1);

  // the same page stored again changes nothing: the facet index in hand stays; a page this store writes: built again
  assert.equal((await b.putPage(pageInputOf('new.txt', Buffer.from('本报讯 天地玄黄的宇宙洪荒。\n'), identity))).status, 'unchanged');
  await b.search(q);
  assert.deepEqual(from(b), { built: 1, loaded: 1 });
  await b.putPage(pageInputOf('new2.txt', Buffer.from('本报讯 日月盈昃的辰宿列张。\n'), { ...identity, page: 2 }));
  assert.equal((await b.search(q)).total, first.total + 2);
  assert.deepEqual(from(b), { built: 2, loaded: 1 });

  // a page removed: the next store does not read the copy kept before
  await a.removePages(['测试报/2023-05-06/01', '测试报/2023-05-06/02']);
  const c = await openStore(`sqlite:${path}`, { facetCacheFrom: 0 });
  assert.deepEqual((await c.search(q)).facets, first.facets);
  assert.deepEqual(from(c), { built: 1, loaded: 0 });

  // a kept copy that cannot be read is built again
  raw(path, (db) => db.prepare('UPDATE facet_cache SET data = ?').run(Buffer.from([9, 0, 0, 0, 123])));
  const d = await openStore(`sqlite:${path}`, { facetCacheFrom: 0 });
  assert.deepEqual((await d.search(q)).facets, first.facets);
  assert.deepEqual(from(d), { built: 1, loaded: 0 });
  for (const s of [a, b, c, d]) await s.close();

  raw(path, (db) => {
    const index = new FacetIndex(db);
    const writes = archiveWrites(db);
    assert.equal(saveFacets(db, index, writes - 1), false, 'not kept when the archive was written after it was built');
    const writer = new Database(path);
    writer.prepare('BEGIN IMMEDIATE').run();
    const t = performance.now();
    assert.equal(saveFacets(db, index, writes), false, 'not kept while another connection writes');
    assert.ok(performance.now() - t < 1000, 'nor waited for');
    writer.prepare('ROLLBACK').run();
    writer.close();
    assert.equal(saveFacets(db, index, writes), true);
  });
});

test("sqlite: the papers' list a store keeps is read again after any store's write, and a caller's changes to it are its own", async () => {
  const path = join(tempDir('store'), 'papers-kept.db');
  const a = await openStore(`sqlite:${path}`);
  const b = await openStore(`sqlite:${path}`);
  const identity = { paper: '测试报', date: '2023-05-06', page: 1, pageName: null };
  await a.putPage(pageInputOf('one.txt', Buffer.from('本报讯 天地玄黄的宇宙洪荒。\n'), identity));
  const first = await b.listPapers();
  assert.deepEqual(first.map((p) => [p.name, p.pages, p.articles]), [['测试报', 1, 1]]);
  first[0].articles = 99;
  assert.equal((await b.listPapers())[0].articles, 1, "a caller's change is not kept");
  // another store's writes: a page of the same paper, then one of another paper
  await a.putPage(pageInputOf('two.txt', Buffer.from('本报讯 日月盈昃的辰宿列张。\n\n本报讯 寒来暑往的秋收冬藏。\n'), { ...identity, page: 2 }));
  assert.deepEqual((await b.listPapers()).map((p) => [p.name, p.pages, p.articles]), [['测试报', 2, 3]]);
  await a.putPage(pageInputOf('three.txt', Buffer.from('本报讯 闰余成岁的律吕调阳。\n'), { ...identity, paper: '乙报' }));
  assert.deepEqual((await b.listPapers()).map((p) => [p.name, p.to]), [['乙报', '2023-05-06'], ['测试报', '2023-05-06']]);
  // its own removal
  await b.removePages(['乙报/2023-05-06/01']);
  assert.deepEqual((await b.listPapers()).map((p) => p.name), ['测试报']);
  assert.deepEqual((await a.listPapers()).map((p) => p.name), ['测试报']);
  await a.close();
  await b.close();
});

test('sqlite: facets counted on the worker thread are those counted in the calling thread, search after search, and after the worker is gone', async () => {
  const path = join(tempDir('store'), 'facets-thread.db');
  const store = await openStore(`sqlite:${path}`, { facetThreadFrom: 1 });
  await putSeeds(store);
  const inline = await openStore(`sqlite:${path}`, { facetThreadFrom: Infinity });
  const thread = (store as unknown as { facetThread: FacetThread }).facetThread;
  await store.search({ query: parseQuery('的') }); // starts the worker; counted here meanwhile
  await thread.ready;
  const before = thread.counted;
  const searches = [
    { query: parseQuery('的') },
    { query: parseQuery('工人') },
    { query: parseQuery('的'), paper: '浙江工人日报' },
    { query: parseQuery('“班前十分钟活动” OR 外贸') },
    { query: parseQuery('的 NOT 工人'), field: 'body' as const },
  ];
  for (const params of [...searches, ...searches]) {
    const [a, b] = [await store.search(params), await inline.search(params)];
    assert.ok(a.total > 0);
    assert.deepEqual(a.facets, b.facets);
  }
  assert.equal(thread.counted - before, 2 * searches.length, 'every search counted on the worker');
  await (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
  for (const params of searches) assert.deepEqual((await store.search(params)).facets, (await inline.search(params)).facets);
  await inline.close();
  await store.close();
});

test('sqlite: a replaced page is found by its new text only, its articles under new ids', async () => {
  const path = join(tempDir('store'), 'replace.db');
  const store = await openStore(`sqlite:${path}`, { searchRun: 1 });
  const identity = { paper: '测试报', date: '2023-03-04', page: 2, pageName: null };
  await store.putPage(pageInputOf('p.txt', Buffer.from('本报讯 甲乙丙丁戊己庚辛壬癸。\n'), identity));
  const before = (await store.search({ query: parseQuery('乙丙丁戊') })).hits.map((h) => h.article.id);
  assert.equal(before.length, 1);
  const r = await store.putPage(pageInputOf('p.txt', Buffer.from('本报讯 子丑寅卯辰巳午未申酉。\n'), identity));
  assert.equal(r.status, 'replaced');
  assert.equal((await store.search({ query: parseQuery('乙丙丁戊') })).total, 0);
  assert.equal((await store.search({ query: parseQuery('乙') })).total, 0);
  assert.equal((await store.search({ query: parseQuery('丑寅卯辰') })).total, 1);
  await store.close();
  raw(path, (db) => {
    assert.deepEqual(db.prepare('SELECT id FROM articles').pluck().all(), [2]);
    assert.equal(db.prepare("SELECT value FROM search_state WHERE name = 'next_article'").pluck().get(), 3);
  });
});

test("sqlite: a segment's runs become one row per term once its ids are all given out", async () => {
  const path = join(tempDir('store'), 'merge.db');
  await (await openStore(`sqlite:${path}`)).close();
  // the next ids run over the first segment's end (65,536)
  raw(path, (db) => db.prepare("UPDATE search_state SET value = ? WHERE name = 'next_article'").run(65_536 - 12));
  const store = await openStore(`sqlite:${path}`, { searchRun: 5 });
  await putSeeds(store);
  await store.close();
  raw(path, (db) => {
    const first = db.prepare("SELECT start FROM search_postings WHERE term = '#len' AND start < 65536").pluck().all();
    assert.deepEqual(first, [0]);
    const later = db.prepare("SELECT COUNT(*) FROM search_postings WHERE term = '#len' AND start >= 65536").pluck().get() as number;
    assert.ok(later > 1, `${later} runs in the second segment`);
  });
  const again = await openStore(`sqlite:${path}`);
  await assertSearchIsExact(again, 'merged segment beside runs');
  await again.close();
});

test('sqlite: an archive made before the search index (schema 1) is indexed when opened, and found', async () => {
  const path = join(tempDir('store'), 'old.db');
  raw(path, (db) => {
    db.exec(MIGRATIONS[0]);
    db.pragma('user_version = 1');
    const page = db
      .prepare("INSERT INTO pages (key, content_hash, record, ingested_at) VALUES ('old/p1', 'h1', '{}', '2024-01-01T00:00:00Z')")
      .run().lastInsertRowid;
    const insert = db.prepare(
      `INSERT INTO articles (uid, page_id, seq, title, byline, paragraphs, captions, complete, confidence, sources)
       VALUES (?, ?, ?, ?, '{"reporters":[],"correspondents":[],"photographers":[]}', ?, '[]', 1, 1, '[]')`,
    );
    insert.run('old/p1#1', page, 1, '旧档案里的文章', JSON.stringify(['甲乙丙丁戊己庚辛。']));
    insert.run('old/p1#2', page, 2, '另一篇', JSON.stringify(['子丑寅卯辰巳。']));
  });
  const store = await openStore(`sqlite:${path}`);
  assert.deepEqual((await store.search({ query: parseQuery('丙丁戊己') })).hits.map((h) => h.article.id), ['old/p1#1']);
  assert.deepEqual((await store.search({ query: parseQuery('文章 OR 寅') })).hits.map((h) => h.article.id).sort(), ['old/p1#1', 'old/p1#2']);
  await store.putPage(pageInputOf('new.txt', Buffer.from('本报讯 子丑寅卯辰巳午未申酉。\n'), { paper: '测试报', date: '2024-01-02', page: 1, pageName: null }));
  assert.equal((await store.search({ query: parseQuery('子丑寅卯') })).total, 2);
  await store.close();
  raw(path, (db) => assert.deepEqual(db.prepare('SELECT id FROM articles ORDER BY id').pluck().all(), [1, 2, 3]));
});
