// The archive as a user drives it: ingest, search, export, stats through the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, copyFileSync, writeFileSync, readFileSync, existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { main } from '../src/cli/main.js';
import { PAGES_DIR, TEST_DIR, slowReader, tempDir } from './helpers.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** A folder laid out the way the README says an archive's files may be. */
function archiveFolder(): string {
  const dir = tempDir('archive');
  const put = (slug: string, rel: string) => {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    copyFileSync(join(PAGES_DIR, slug, 'source.txt'), join(dir, rel));
  };
  put('002_f66bf6966d69075c', 'pages/浙江工人日报/2022-12-16/01.txt');
  put('000_1c7d56c7ba6fc9ec', 'pages/浙江工人日报/2022-05-12/07.txt');
  put('004_2c58187224ef0ee6', 'pages/ywsb_20220618_01.txt');
  put('001_824fbaa4bb4ad28b', 'pages/loose.txt');
  return dir;
}

test('ingest: identity from masthead and paths, idempotent, failures named, exit 1', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  copyFileSync(join(TEST_DIR, 'fixtures', 'encodings', 'binary.bin'), join(dir, 'pages', 'broken.txt'));
  // a page cut short two bytes into its last character: stored, and named with a warning
  const page = readFileSync(join(dir, 'pages', 'loose.txt'));
  const lastCjk = page.length - 1 - [...page].reverse().findIndex((b) => b >= 0xe0);
  writeFileSync(join(dir, 'pages', 'cut.txt'), page.subarray(0, lastCjk + 2));
  const first = await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  assert.equal(first.code, 1);
  assert.match(first.err, /broken\.txt: is not a text file/);
  assert.match(first.err, /cut\.txt: warning: the file ends in a 2-byte piece of a character, as a file cut short does/);
  assert.match(first.out, /5 pages \(5 added, 0 replaced, 0 unchanged\), \d+ articles stored, [1-9]\d* warnings?, 1 failed/);
  const again = await run(['ingest', join(dir, 'pages', '**', '*.txt'), '--db', db, '--quiet']);
  assert.match(again.out, /5 pages \(0 added, 0 replaced, 5 unchanged\), 0 articles stored/);
  const stats = JSON.parse((await run(['stats', '--db', db, '--json'])).out);
  assert.equal(stats.pages, 5);
  assert.equal(stats.unidentifiedPages, 2);
  assert.deepEqual(stats.papers.map((p: { name: string }) => p.name).sort(), ['ywsb', '浙江工人日报']);
  const text = (await run(['stats', '--db', db])).out;
  assert.match(text, /浙江工人日报: 2 issues, 2 pages/);
  // a paper misspelt (曰 for 日) is named, with the papers there are
  const misspelt = await run(['search', '外贸', '--paper', '浙江工人曰报', '--db', db]);
  assert.equal(misspelt.code, 0);
  assert.match(misspelt.out, /^no paper called 浙江工人曰报 in this archive; its papers: /);
  assert.match(misspelt.out, /ywsb/);
  const exported = await run(['export', '--paper', '浙江工人曰报', '--db', db]);
  assert.equal(exported.out, '');
  assert.match(exported.err, /no paper called 浙江工人曰报 in this archive/);
  assert.match((await run(['search', '齉', '--paper', 'ywsb', '--db', db])).out, /^no article contains 齉 with these filters/);
});

test('ingest: a page whose path says nothing of it is filed by the running head it prints; a path that does say wins', async () => {
  const dir = tempDir('archive-head');
  const db = `sqlite:${join(dir, 'a.db')}`;
  const page = '第五版 要闻 浙江工人日报 2022年5月12日 星期四\n\n本报讯 记者张三报道 跑道上的新闻正文写在这里。\n\n跑道标题\n';
  writeFileSync(join(dir, 'scan-0001.txt'), page);
  mkdirSync(join(dir, '浙江日报', '2023-01-02'), { recursive: true });
  writeFileSync(join(dir, '浙江日报', '2023-01-02', '03.txt'), page.replace('跑道', '路径'));
  const r = await run(['ingest', join(dir, 'scan-0001.txt'), join(dir, '浙江日报'), '--db', db, '--quiet']);
  assert.equal(r.code, 0, r.err);
  // the page filed by its path is said to print another 版次 and date, so that a misfiled page is found
  assert.match(r.err, /03\.txt: warning: the running head prints page 5; the page is filed under 3/);
  assert.match(r.err, /03\.txt: warning: the running head prints date 2022-05-12; the page is filed under 2023-01-02/);
  assert.doesNotMatch(r.err, /scan-0001/);
  const byHead = JSON.parse((await run(['search', '跑道', '--db', db, '--json'])).out).hits[0].article;
  assert.deepEqual([byHead.paper, byHead.date, byHead.page, byHead.pageName], ['浙江工人日报', '2022-05-12', 5, '要闻']);
  const byPath = JSON.parse((await run(['search', '路径', '--db', db, '--json'])).out).hits[0].article;
  // (the head's 版名 is 第五版's, not 03's)
  assert.deepEqual([byPath.paper, byPath.date, byPath.page, byPath.pageName], ['浙江日报', '2023-01-02', 3, null]);
  const stats = JSON.parse((await run(['stats', '--db', db, '--json'])).out);
  assert.equal(stats.unidentifiedPages, 0);
});

test('remove: pages go by key with their articles; a key no page has is named, exit 1', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  const before = JSON.parse((await run(['search', '“班前十分钟活动”', '--db', db, '--json'])).out);
  const key = before.hits[0].article.pageKey;
  assert.deepEqual([before.total, key], [2, '浙江工人日报/2022-12-16/01']);
  const r = await run(['remove', key, 'unidentified/nothing.txt', '--db', db]);
  assert.equal(r.code, 1);
  assert.match(r.out, /^removed 1 page \(5 articles\) — sqlite:/);
  assert.match(r.err, /not found: unidentified\/nothing\.txt: no page has this key/);
  const after = JSON.parse((await run(['search', '“班前十分钟活动”', '--db', db, '--json'])).out);
  assert.deepEqual(after.hits.map((h: { article: { pageKey: string } }) => h.article.pageKey), ['浙江工人日报/2022-05-12/07']);
  const stats = JSON.parse((await run(['stats', '--db', db, '--json'])).out);
  assert.deepEqual([stats.pages, stats.issues], [3, 2]);
  assert.equal((await run(['remove', '--db', db])).code, 2);
  const nowhere = await run(['remove', key, '--db', `sqlite:${join(dir, 'none.db')}`]);
  assert.equal(nowhere.code, 1);
  assert.match(nowhere.err, /there is no archive at/);
  assert.ok(!existsSync(join(dir, 'none.db')));
});

test('a running head is read whole, or from its parts as a PDF\'s layout sets them apart among the page\'s own lines', async () => {
  const { identityFromRunningHead } = await import('../src/archive/identity.js');
  // (shared p006's PDF: the service boxes' lines come first, the head's parts after them, its label last)
  const parts = ['88851111', '新闻服务热线', '扫一扫', '看更多精彩内容', '公益广告', '垃圾分类从我', '做起', '责任编辑 陈思远', '美术编辑 吕欣然', '浙江工人日报', '2021年10月22日', '星期五', '08', '要闻'];
  assert.deepEqual(identityFromRunningHead(parts), { page: 8, pageName: '要闻', date: '2021-10-22', paper: '浙江工人日报' });
  assert.deepEqual(identityFromRunningHead(['第四版 社会 2021年12月21日 星期二 责任编辑 沈一帆']), { page: 4, pageName: '社会', date: '2021-12-21' });
  assert.deepEqual(identityFromRunningHead(['第七版 时事', '扫码关注']), { page: 7, pageName: '时事' });
  assert.deepEqual(identityFromRunningHead(['5万元', '扫码关注']), {});
  // lines that are no running head say nothing: a hotline's number is no 版次, a caption's date no issue's
  assert.deepEqual(identityFromRunningHead(['88851111', '新闻服务热线', '2022年5月12日，记者在现场。']), {});
});

test('ingest: flags and a manifest give identity; a changed page replaces its earlier version', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  writeFileSync(join(dir, 'manifest.csv'), 'file,paper,date,page,pageName\npages/loose.txt,浙江日报,2023-11-23,2,要闻\n');
  const r = await run(['ingest', join(dir, 'pages', 'loose.txt'), '--manifest', join(dir, 'manifest.csv'), '--db', db, '--quiet']);
  assert.equal(r.code, 0);
  const search = JSON.parse((await run(['search', '彭清林', '--db', db, '--json'])).out);
  assert.equal(search.hits[0].article.paper, '浙江日报');
  assert.equal(search.hits[0].article.page, 2);
  assert.equal(search.hits[0].article.pageName, '要闻');
  const page = join(dir, 'page.txt');
  writeFileSync(page, '本报讯 记者张三报道 第一稿的内容。\n\n第一稿标题\n');
  await run(['ingest', page, '--paper', '测试报', '--date', '2023-01-01', '--page', '1', '--db', db, '--quiet']);
  writeFileSync(page, '本报讯 记者张三报道 第二稿的内容。\n\n第二稿标题\n');
  const replaced = await run(['ingest', page, '--paper', '测试报', '--date', '2023-01-01', '--page', '1', '--db', db, '--quiet']);
  assert.match(replaced.out, /1 replaced/);
  assert.equal(JSON.parse((await run(['search', '第一稿', '--db', db, '--json'])).out).total, 0);
  assert.equal(JSON.parse((await run(['search', '第二稿', '--db', db, '--json'])).out).total, 1);
  const bad = await run(['ingest', page, '--date', '23-1-1', '--db', db]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--date must be a day of the calendar as YYYY-MM-DD/);
});

test('dates no calendar has (2023-02-29, 2022-13-01) are refused where given and not filed under where read', async () => {
  const { identityFromPath, identityFromRunningHead, resolveIdentity } = await import('../src/archive/identity.js');
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  const page = join(dir, 'pages', 'loose.txt');
  for (const argv of [
    ['ingest', page, '--date', '2023-02-29'],
    ['search', '外贸', '--from', '2022-13-01'],
    ['export', '--to', '2022-04-31'],
  ]) {
    const r = await run([...argv, '--db', db]);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.err, new RegExp(`--${argv[argv.length - 2].slice(2)} must be a day of the calendar as YYYY-MM-DD, not "${argv[argv.length - 1]}"`));
  }
  writeFileSync(join(dir, 'manifest.csv'), 'file,paper,date\npages/loose.txt,浙江日报,2022-02-30\n');
  const manifest = await run(['ingest', page, '--manifest', join(dir, 'manifest.csv'), '--db', db]);
  assert.notEqual(manifest.code, 0);
  assert.match(manifest.err, /row 1: date "2022-02-30" is not a day of the calendar/);
  // read from a path, a running head or a masthead, such a date is no date: the page is filed by what else it has
  assert.deepEqual(identityFromPath('pages/zjgr_20221399_01.txt'), { paper: 'zjgr', page: 1 });
  assert.deepEqual(identityFromPath('浙江工人日报/2023-02-29/01.txt'), { paper: '浙江工人日报', page: 1 });
  assert.deepEqual(identityFromPath('浙江工人日报/2024-02-29/01.txt'), { paper: '浙江工人日报', date: '2024-02-29', page: 1 });
  assert.deepEqual(identityFromRunningHead(['第四版 社会 2021年2月30日 星期二']), { page: 4, pageName: '社会' });
  const misprinted = { masthead: { paper: '浙江工人日报', date: '2022-02-30' }, other: [], paper: null } as never;
  assert.equal(resolveIdentity(misprinted, 'a/浙江工人日报/2022-03-02/01.txt').date, '2022-03-02');
  assert.equal(resolveIdentity(misprinted, 'a/loose.txt').date, null);
});

test('search: the README queries find the right articles with marked snippets; bad queries get a message', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  const s = async (...q: string[]) => run(['search', ...q, '--db', db]);
  assert.match((await s('外贸')).out, /【外贸】/);
  assert.match((await s('“班前十分钟活动”')).out, /2 articles/);
  assert.match((await s('钱海军', 'AND', '志愿')).out, /【钱海军】|【志愿】/);
  assert.match((await s('貿易')).out, /【贸易】/);
  assert.match((await s('鱼')).out, /【鱼】/);
  const none = await s('不存在的词语组合');
  assert.match(none.out, /no article contains/);
  for (const q of ['"unclosed', 'NOT 外贸', 'a OR', '(', ')"']) {
    const r = await s(q);
    assert.equal(r.code, 2, q);
    assert.match(r.err, /cannot search for that/);
  }
  assert.equal((await s('x'.repeat(300))).code, 2);
  const json = JSON.parse((await s('外贸', '--json')).out);
  assert.ok(json.facets.paper.length > 0);
});

test('export: JSONL round-trips through a fresh archive; CSV and JSON-LD are written whole', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  const out1 = join(dir, 'one.jsonl');
  assert.equal((await run(['export', '--db', db, '--out', out1])).code, 0);
  const db2 = `sqlite:${join(dir, 'b.db')}`;
  const back = await run(['ingest', out1, '--db', db2, '--quiet']);
  assert.equal(back.code, 0);
  const out2 = join(dir, 'two.jsonl');
  await run(['export', '--db', db2, '--out', out2]);
  assert.equal(readFileSync(out2, 'utf8'), readFileSync(out1, 'utf8'));
  assert.equal(readFileSync(out1, 'utf8').trim().split('\n').length, 26);
  // an exported file edited by hand to a day no calendar has is refused, naming the file and the line
  const lines = readFileSync(out1, 'utf8').trim().split('\n');
  const dated = lines.findIndex((l) => JSON.parse(l).date);
  lines[dated] = lines[dated].replace(/"date":"\d{4}-\d{2}-\d{2}"/, '"date":"2022-02-30"');
  writeFileSync(join(dir, 'edited.jsonl'), lines.join('\n'));
  const edited = await run(['ingest', join(dir, 'edited.jsonl'), '--db', `sqlite:${join(dir, 'c.db')}`, '--quiet']);
  assert.equal(edited.code, 1);
  assert.match(edited.err, new RegExp(`edited\\.jsonl: line ${dated + 1}: date "2022-02-30" is not a day of the calendar`));
  writeFileSync(join(dir, 'edited.jsonl'), lines.map((l) => l.replace(/"date":"2022-02-30"/, '"date":null').replace(/"page":(\d+)/, '"page":"$1"')).join('\n'));
  const paged = await run(['ingest', join(dir, 'edited.jsonl'), '--db', `sqlite:${join(dir, 'c.db')}`, '--quiet']);
  assert.equal(paged.code, 1);
  assert.match(paged.err, /edited\.jsonl: line \d+: page "\d+" is not a page number/);
  const csv = (await run(['export', '--db', db, '--format', 'csv', '--paper', '浙江工人日报'])).out.split('\n');
  assert.match(csv[0], /^id,paper,date,page/);
  const ld = JSON.parse((await run(['export', '--db', db, '--format', 'jsonld', '--paper', '浙江工人日报', '--from', '2022-12-01'])).out);
  assert.equal(ld.length, 5);
  assert.equal(ld[0]['@type'], 'NewsArticle');
  assert.equal(ld[0].printPage, '1');
  assert.equal(ld[0].datePublished, '2022-12-16');
  assert.deepEqual(readdirSync(dirname(out1)).filter((f) => f.endsWith('.tmp')), [], 'no temporary file is left beside the export');
});

test('export to a reader slower than it waits for the reader, instead of holding what it has written in memory', async () => {
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  const reader = slowReader();
  assert.equal(await main(['export', '--db', db], reader.io), 0);
  const { read, held, longest } = await reader.done();
  assert.ok(read > 40 * 1024, `${read} bytes exported`);
  // never more waiting than the room and the line that filled it
  assert.ok(held <= 1024 + longest, `${held} bytes held at most, the longest line ${longest}`);
});

test('export --out to a folder, or into a folder that is not there, is refused before anything is written', async () => {
  // both ran the whole export, then failed: a folder as "internal error … this is a bug", a missing folder with an
  // unhandled stream error and a stack trace
  const dir = archiveFolder();
  const db = `sqlite:${join(dir, 'a.db')}`;
  await run(['ingest', join(dir, 'pages'), '--db', db, '--quiet']);
  const folder = await run(['export', '--db', db, '--out', dir]);
  assert.equal(folder.code, 2);
  assert.match(folder.err, /--out .* is a folder; give the name of a file to write/);
  const missing = await run(['export', '--db', db, '--out', join(dir, 'nowhere', 'a.jsonl')]);
  assert.equal(missing.code, 2);
  assert.match(missing.err, /there is no folder .*nowhere to write it in/);
  assert.ok(!existsSync(join(dir, 'nowhere')));
  assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.tmp')), []);
  // a folder where no file can be made (even by root): the file system's refusal, named by the user's file, exit 1
  const refused = await run(['export', '--db', db, '--out', '/proc/banmian-export.jsonl']);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /^banmian export: cannot write \/proc\/banmian-export\.jsonl: E[A-Z]+$/);
});

test('a store address that is not one, or a file that is no archive, is refused with a reason', async () => {
  const r = await run(['stats', '--db', 'mysql://x']);
  assert.equal(r.code, 1);
  assert.match(r.err, /use sqlite:PATH/);
  const dir = tempDir('archive');
  writeFileSync(join(dir, 'notes.db'), 'these are my notes, not a database\n'.repeat(200));
  const notDb = await run(['stats', '--db', `sqlite:${join(dir, 'notes.db')}`]);
  assert.equal(notDb.code, 1);
  assert.match(notDb.err, /notes\.db is not a banmian archive/);
  const noDir = await run(['ingest', join(PAGES_DIR, '000_1c7d56c7ba6fc9ec', 'source.txt'), '--db', `sqlite:${join(dir, 'missing', 'a.db')}`, '--quiet']);
  assert.equal(noDir.code, 1);
  assert.match(noDir.err, /cannot open the SQLite store/);
});

test('a command that reads an archive where there is none says so, and leaves no empty archive behind', async () => {
  // a mistyped --db made an empty archive there, and search answered "no article contains …"
  const dir = tempDir('archive');
  const db = join(dir, 'archiv.db');
  for (const argv of [['search', '外贸'], ['stats'], ['export', '--out', join(dir, 'out.jsonl')]]) {
    const r = await run([...argv, '--db', `sqlite:${db}`]);
    assert.equal(r.code, 1, argv[0]);
    assert.match(r.err, new RegExp(`banmian ${argv[0]}: there is no archive at .*archiv\\.db \\(banmian ingest`), argv[0]);
    assert.ok(!existsSync(db), `${argv[0]} made ${db}`);
  }
  assert.ok(!existsSync(join(dir, 'out.jsonl')));
  const copy = await run(['migrate', '--from', `sqlite:${db}`, '--to', `sqlite:${join(dir, 'copy.db')}`]);
  assert.equal(copy.code, 1);
  assert.match(copy.err, /there is no archive at/);
  assert.ok(!existsSync(db) && !existsSync(join(dir, 'copy.db')));
});

test('summaries count in the singular where there is one: 1 page, 1 paper, 1 issue', async () => {
  const dir = tempDir('archive-one');
  const db = `sqlite:${join(dir, 'a.db')}`;
  mkdirSync(join(dir, '浙江工人日报', '2022-12-16'), { recursive: true });
  copyFileSync(join(PAGES_DIR, '002_f66bf6966d69075c', 'source.txt'), join(dir, '浙江工人日报', '2022-12-16', '01.txt'));
  writeFileSync(join(dir, 'loose.txt'), '本报讯 一篇没有报头的稿子，正文写在这里。\n');
  const r = await run(['ingest', dir, '--db', db, '--quiet']);
  assert.match(r.out, /^2 pages \(2 added, 0 replaced, 0 unchanged\), \d+ articles stored, 0 warnings, 0 failed/);
  const stats = (await run(['stats', '--db', db])).out;
  assert.match(stats, /: 1 paper, 1 issue, 2 pages, \d+ articles, 2022-12-16 – 2022-12-16/);
  assert.match(stats, /^1 page has no known paper and date/m);
  assert.match(stats, /浙江工人日报: 1 issue, 1 page, \d+ articles/);
});

test('ingest: two files of one run that are the same page leave the later, and the later is named with the one it replaced', async () => {
  const dir = tempDir('archive-twice');
  const db = `sqlite:${join(dir, 'a.db')}`;
  for (const [root, slug] of [['first', '001_824fbaa4bb4ad28b'], ['second', '000_1c7d56c7ba6fc9ec']]) {
    mkdirSync(join(dir, root, '测试报', '2024-01-02'), { recursive: true });
    copyFileSync(join(PAGES_DIR, slug, 'source.txt'), join(dir, root, '测试报', '2024-01-02', '01.txt'));
  }
  const r = await run(['ingest', join(dir, 'first'), join(dir, 'second'), '--db', db, '--quiet']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^2 pages \(1 added, 1 replaced, 0 unchanged\)/);
  assert.match(r.err, /second\/测试报\/2024-01-02\/01\.txt: warning: replaces \S*first\/测试报\/2024-01-02\/01\.txt, stored earlier in this run as the same page \(测试报\/2024-01-02\/01\)/);
  assert.doesNotMatch(r.err, /first\/测试报\/2024-01-02\/01\.txt: warning: replaces/);
  // the same files again: nothing replaced in this run but the first by the second, as before
  const again = await run(['ingest', join(dir, 'first'), join(dir, 'second'), '--db', db, '--quiet']);
  assert.match(again.out, /^2 pages \(0 added, 2 replaced, 0 unchanged\)/);
  assert.match(again.err, /second\/.*: warning: replaces /);
  assert.equal((await run(['stats', '--db', db, '--json'])).out.includes('"pages": 1'), true);
});
