// Ingest parsing on worker threads: the same archive as parsing in one thread, and no file lost when a worker dies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openStore } from '../src/store/store.js';
import { ingestSources, pageInputsOfFile, parsedPage, type PageSource } from '../src/archive/ingest.js';
import { packPage, ParsePool, unpackPage, type Parsed, type ParsedPage } from '../src/archive/parse-pool.js';
import { PAGES_DIR, tempDir } from './helpers.js';

const texts = readdirSync(PAGES_DIR).map((slug) => readFileSync(join(PAGES_DIR, slug, 'source.txt')));

/** Each test page under a few papers and dates (so each is stored), a file that is no text, a file that is missing. */
function sources(): PageSource[] {
  const out: PageSource[] = [];
  for (let day = 10; day < 16; day++) {
    texts.forEach((bytes, k) => out.push({ path: `测试报/2023-03-${day}/0${k + 1}.txt`, read: () => new Uint8Array(bytes) }));
  }
  out.splice(7, 0, { path: 'broken.txt', read: () => new Uint8Array([0xff, 0, 0, 0, 0x13, 0x37, 0, 0, 0, 0, 0x89, 0]) });
  out.splice(12, 0, { path: 'missing.txt', problem: 'no such file', read: () => new Uint8Array() });
  return out;
}

async function archive(workers: number) {
  const store = await openStore(`sqlite:${join(tempDir('pool'), 'a.db')}`);
  const events: string[] = [];
  const summary = await ingestSources(store, sources(), { workers, onEvent: (e) => events.push(`${e.path} ${e.status} ${e.articles}`) });
  const articles = [];
  for await (const a of store.articles()) articles.push(a);
  await store.close();
  return { summary, events, articles };
}

test('parsing on worker threads stores the same archive, reported in the order given, as parsing in one thread', async () => {
  const one = await archive(0);
  const pooled = await archive(2);
  assert.equal(one.summary.pages, texts.length * 6);
  assert.ok(one.summary.articles > 0);
  assert.deepEqual(one.summary.failures.map((f) => f.path), ['broken.txt', 'missing.txt']);
  assert.deepEqual(pooled.summary, one.summary);
  assert.deepEqual(pooled.events, one.events);
  assert.deepEqual(pooled.articles, one.articles);
});

test('a pool parses on its worker threads: no file falls back to the calling thread, and each comes back as parsed here', async () => {
  // (under tsx the workers once failed to load and every file was parsed in the calling thread, unseen)
  let fallbacks = 0;
  const pool = new ParsePool(2, async (job) => {
    fallbacks++;
    return { pages: (await pageInputsOfFile(job.path, job.bytes, job.hints, job.options)).map(parsedPage) };
  });
  const paths = texts.map((_, k) => `测试报/2023-04-01/0${k + 1}.txt`);
  const parsed = await Promise.all(texts.map((bytes, k) => pool.parse(paths[k], new Uint8Array(bytes), {}, {})));
  await pool.close();
  assert.equal(fallbacks, 0);
  // (a worker's page carries its rows; its record, rebuilt from them, is compared)
  const plain = (p: Parsed) => ('pages' in p ? p.pages.map(({ input, notes }) => ({ input: { ...input, rows: undefined }, notes })) : p);
  const here = await Promise.all(texts.map(async (bytes, k) => ({ pages: (await pageInputsOfFile(paths[k], new Uint8Array(bytes), {}, {})).map(parsedPage) })));
  assert.deepEqual(parsed.map(plain), here.map(plain));
});

test('a page handed over as the rows the store writes comes back as the record it was, with its notes', async () => {
  // (and a page filed under a date and 版 its running head does not print: those warnings are named among its notes)
  const misfiled = new TextEncoder().encode('03 经济 2022年5月12日 星期四\n\n全省外贸稳中有进\n\n本报讯 今年以来，全省外贸进出口总额稳步增长。\n');
  const files = [...texts.map((bytes, k) => ({ path: `测试报/2023-04-01/0${k + 1}.txt`, bytes: new Uint8Array(bytes) })), { path: '测试报/2023-04-01/05.txt', bytes: misfiled }];
  for (const { path, bytes } of files) {
    const [page] = (await pageInputsOfFile(path, bytes, {}, {})).map(parsedPage);
    const packed = packPage(page);
    assert.ok(!('record' in packed.input), 'no tree of objects crosses the threads');
    const back: ParsedPage = unpackPage(structuredClone(packed));
    assert.deepEqual(back.input.record, page.input.record, path);
    assert.deepEqual(back.notes, page.notes);
    assert.deepEqual({ ...back.input, record: undefined, rows: undefined }, { ...page.input, record: undefined, rows: undefined });
  }
  const [last] = (await pageInputsOfFile(files.at(-1)!.path, misfiled, {}, {})).map(parsedPage);
  assert.deepEqual(unpackPage(structuredClone(packPage(last))).notes, { warnings: 2, told: last.notes.told });
  assert.equal(last.notes.told.length, 2);
});

test('the files of a parse worker that dies are parsed in the calling thread, none lost', async () => {
  let fallbacks = 0;
  const pool = new ParsePool(1, async (job) => {
    fallbacks++;
    return { pages: (await pageInputsOfFile(job.path, job.bytes, job.hints, job.options)).map(parsedPage) };
  });
  const jobs = texts.map((bytes, k) => pool.parse(`测试报/2023-04-01/0${k + 1}.txt`, new Uint8Array(bytes), {}, {}));
  // the worker is killed with the jobs in its hands
  await (pool as unknown as { workers: Array<{ worker: { terminate(): Promise<number> } }> }).workers[0].worker.terminate();
  const parsed = await Promise.all(jobs);
  await pool.close();
  assert.ok(fallbacks > 0, 'some jobs came back to this thread');
  assert.equal(parsed.length, texts.length);
  for (const [k, p] of parsed.entries()) {
    assert.ok('pages' in p && p.pages.length === 1, `file ${k} parsed`);
    assert.equal(p.pages[0].input.identity.page, k + 1);
  }
  // and a pool with no worker left parses here
  assert.ok('pages' in (await pool.parse('测试报/2023-04-02/01.txt', new Uint8Array(texts[0]), {}, {})));
});

test('ingest waits for the store to finish what it does behind the writes, and says so only when that takes a while', async () => {
  for (const [delay, told] of [
    [0, false],
    [900, true],
  ] as const) {
    const store = await openStore(`sqlite:${join(tempDir('pool'), 'a.db')}`);
    let flushed = false;
    store.flush = () => new Promise((resolve) => setTimeout(() => resolve(void (flushed = true)), delay));
    let finishing = 0;
    const summary = await ingestSources(store, sources().slice(0, 3), { onFinishing: () => finishing++ });
    assert.ok(flushed, 'the summary came after the flush');
    assert.equal(summary.pages, 3);
    assert.equal(finishing, told ? 1 : 0, `a flush of ${delay} ms`);
    await store.close();
  }
});

test('parse workers run below the priority of the thread that stores the pages (Linux: a nice value per thread)', { skip: process.platform !== 'linux' && 'nice values are per thread on Linux only' }, async () => {
  const nice = () =>
    readdirSync('/proc/self/task').map((tid) => {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      return { tid: Number(tid), nice: Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]) };
    });
  const before = new Set(nice().map((t) => t.tid));
  const pool = new ParsePool(2, async () => assert.fail('parsed in the calling thread'));
  await Promise.all(texts.slice(0, 2).map((bytes, k) => pool.parse(`测试报/2023-05-01/0${k + 1}.txt`, new Uint8Array(bytes), {}, {})));
  const threads = nice();
  await pool.close();
  assert.equal(threads.find((t) => t.tid === process.pid)?.nice, 0, 'the calling thread as it was');
  const lowered = threads.filter((t) => !before.has(t.tid) && t.nice === 19);
  assert.equal(lowered.length, 2, 'both workers at the lowest priority');
});
