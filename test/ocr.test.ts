// Scanned pages: an image of a page read by tesseract (chi_sim) takes the PDF
// layout path. Runs where tesseract with chi_sim and pdftoppm are installed
// (.ci/run installs them); skipped with the reason elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { readPdfPages } from '../src/pdf/pdf-items.js';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { fullWidthPunctuation, ocrUnavailable, parseTsv, tesseractEnv, tsvToPage } from '../src/ocr/ocr-page.js';
import { scanBoxes } from '../src/ocr/scan-boxes.js';
import { rereadHeadlines } from '../src/ocr/reread-headlines.js';
import { jpegPdf, pngPdf } from '../src/ocr/image-pdf.js';
import { parseLaidOut } from '../src/pdf/parse-pdf.js';
import { pdfPageToText } from '../src/pdf/pdf-to-text.js';
import { TEST_DIR, headlineOf, norm, tempDir } from './helpers.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const bigrams = (s: string) => {
  const t = s.replace(/\s/g, '');
  const m = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
  return m;
};

const unavailable = ocrUnavailable() ?? (existsSync('/usr/bin/pdftoppm') ? null : 'pdftoppm is not installed (apt-get install poppler-utils)');

test('an image without --ocr is refused with what to do', async () => {
  const dir = tempDir('scan');
  writeFileSync(join(dir, 'page.png'), Buffer.from('89504e470d0a1a0a', 'hex'));
  const r = await run(['parse', join(dir, 'page.png')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /page\.png: is an image: run with --ocr/);
});

test('an image tesseract cannot read is named with why, and the rest of the batch goes on', { skip: unavailable ?? false }, async () => {
  const dir = tempDir('scan');
  writeFileSync(join(dir, 'broken.jpg'), Buffer.from('ffd8ffe000104a464946', 'hex'));
  writeFileSync(join(dir, 'page.txt'), readFileSync(join(TEST_DIR, 'pages', '003_813de3ffa478b41a', 'source.txt')));
  const r = await run(['parse', '--ocr', join(dir, 'broken.jpg'), join(dir, 'page.txt'), '--out', dir]);
  assert.equal(r.code, 1);
  assert.match(r.err, /broken\.jpg: is an image tesseract could not read/);
  assert.doesNotMatch(r.err, /internal error/);
  assert.ok(existsSync(join(dir, 'page.json')), 'the text page is still parsed');
});

type ScanArticle = { kicker: string | null; title: string | null; subtitle: string | null; paragraphs: string[]; captions: string[] };

/** The share of `want`'s character pairs that `got` holds. */
function pairsFound(want: Map<string, number>, got: Map<string, number>): number {
  let found = 0;
  let all = 0;
  for (const [g, n] of want) {
    found += Math.min(n, got.get(g) ?? 0);
    all += n;
  }
  return found / Math.max(1, all);
}

/**
 * A scan of fixture p005 read: its masthead's date (and the paper's name, where `paper`: a JPEG's artefacts make
 * tesseract misread the 50 pt name), nearly all of its body text, and each of its stories as one article.
 */
function assertScanOfP005(record: { encoding: string; masthead?: { paper?: string; date?: string }; articles: ScanArticle[]; other: string[] }, paper = true): void {
  assert.equal(record.encoding, 'ocr');
  if (paper) assert.equal(record.masthead?.paper, '浙江工人日报');
  assert.equal(record.masthead?.date, '2022-12-16');
  // OCR misreads some characters; nearly all of the body text must still be there
  const gold = JSON.parse(readFileSync(join(TEST_DIR, 'fixtures', 'pdf', 'p005.gold.json'), 'utf8')) as { articles: ScanArticle[] };
  const want = bigrams(gold.articles.flatMap((a) => a.paragraphs).join(''));
  const got = bigrams(record.articles.flatMap((a) => [a.kicker ?? '', a.title ?? '', a.subtitle ?? '', ...a.paragraphs, ...a.captions]).join('') + record.other.join(''));
  assert.ok(pairsFound(want, got) >= 0.9, `body text recovered: ${pairsFound(want, got).toFixed(3)}`);
  for (const story of gold.articles) {
    const body = bigrams(story.paragraphs.join(''));
    assert.ok(record.articles.some((a) => pairsFound(body, bigrams(a.paragraphs.join(''))) >= 0.8), `${story.title}: its body is one article's`);
  }
}

test('a scanned page read by OCR: masthead and the articles\' text, through the layout path', { skip: unavailable ?? false, timeout: 240_000 }, async () => {
  const dir = tempDir('scan');
  // the fixture page printed to an image at 200 dpi: a scan with no text layer
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'scan')]);
  const r = await run(['parse', '--ocr', join(dir, 'scan.png'), '--out', dir]);
  assert.equal(r.code, 0, r.err);
  assertScanOfP005(JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8')));
});

test('inspect reads a scan with --ocr: the page tree of what tesseract read, and says what to do without it', { skip: unavailable ?? false, timeout: 240_000 }, async () => {
  const dir = tempDir('scan');
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'scan')]);
  const refused = await run(['inspect', join(dir, 'scan.png')]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /scan\.png: is an image: run with --ocr/);
  const r = await run(['inspect', '--ocr', '--until', 'segment', join(dir, 'scan.png')]);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /masthead b\d+\.s1 "浙江工人日报"/);
  assert.match(r.out, /dateline \S+ "本报讯"/);
});

test('ingest --ocr: a folder of scans goes into the archive, searchable, its identity from the masthead read', { skip: unavailable ?? false, timeout: 240_000 }, async () => {
  const dir = tempDir('scan');
  mkdirSync(join(dir, 'scans'));
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'scans', 'p005')]);
  const db = `sqlite:${join(dir, 'a.db')}`;
  const skipped = await run(['ingest', join(dir, 'scans'), '--db', db, '--quiet']);
  assert.equal(skipped.code, 1);
  assert.match(skipped.err, /scans: folder holds no page files \(\.txt, \.pdf, \.jsonl\), only scans: run with --ocr to read them/);
  const r = await run(['ingest', '--ocr', join(dir, 'scans'), '--db', db, '--quiet']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /1 pages? \(1 added, 0 replaced, 0 unchanged\)/);
  const found = JSON.parse((await run(['search', '居住证', '--db', db, '--json'])).out);
  assert.ok(found.total >= 1, JSON.stringify(found));
  assert.equal(found.hits[0].article.paper, '浙江工人日报');
  const again = await run(['ingest', '--ocr', join(dir, 'scans'), '--db', db, '--quiet']);
  assert.match(again.out, /1 pages? \(0 added, 0 replaced, 1 unchanged\)/);
});

test('a scanned PDF — a page image with no text layer — is rendered and read by OCR', { skip: unavailable ?? false, timeout: 240_000 }, async () => {
  const dir = tempDir('scan');
  // the fixture page printed to a 300 dpi JPEG, as a scanner writes one, in a PDF of its own
  execFileSync('pdftoppm', ['-r', '300', '-jpeg', '-singlefile', join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'page')]);
  writeFileSync(join(dir, 'scan.pdf'), jpegPdf(readFileSync(join(dir, 'page.jpg')), 300)!);
  const refused = await run(['parse', join(dir, 'scan.pdf')]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /scan\.pdf: is a PDF without a text layer \(a scan\): run with --ocr/);
  const r = await run(['parse', '--ocr', join(dir, 'scan.pdf'), '--out', dir]);
  assert.equal(r.code, 0, r.err);
  assertScanOfP005(JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8')), false);
});
// Shared pages printed to 300 dpi images and read by tesseract 5.3 (chi_sim, --psm 3): its TSV output, kept so that
// what the scan path makes of it is tested without tesseract
const scan = (name: string) => tsvToPage(parseTsv(readFileSync(join(TEST_DIR, 'fixtures', 'ocr', `${name}.tsv`), 'utf8')), 1, 300);
const goldOf = (name: string) => JSON.parse(readFileSync(join(TEST_DIR, 'fixtures', 'pdf', `${name}.gold.json`), 'utf8')) as { articles: Array<{ kicker: string | null; title: string | null; subtitle: string | null }> };
/** The share of `text`'s character pairs found in `other`. */
const pairsIn = (text: string, other: string) => {
  const t = norm(text);
  const pairs = [...t].slice(1).map((c, i) => t[i] + c);
  return pairs.filter((p) => norm(other).includes(p)).length / Math.max(1, pairs.length);
};

/** One word of tesseract's TSV (level 5) as it writes them, its box in pixels, `conf` 0–100. */
const wordRow = (w: { block?: number; line: number; word?: number; left: number; top: number; width: number; height: number; conf?: number; text: string }) =>
  ['5', '1', w.block ?? 1, '1', w.line, w.word ?? 1, w.left, w.top, w.width, w.height, w.conf ?? 95, w.text].join('\t');
/** Tesseract's TSV of these rows, under its header line. */
const tsvOf = (...rows: string[]) => parseTsv(['level', ...rows].join('\n'));

test('a scanned line is set in the type size of its line box: no line of body text is a headline', () => {
  // shared p002: tesseract's word boxes on one line of body type are 37 or 58 px high, and the median word had made
  // `文教街道德孝快递站站`, `刚刚获评“时代楷` and 57 more lines headlines (67 `#` lines, 8 now); their line boxes are 37 px, as their neighbours'
  const heads = goldOf('p002').articles.map(headlineOf);
  const marked = pdfPageToText(scan('p002')).text.split('\n').filter((l) => l.startsWith('#'));
  assert.ok(marked.length >= 5, marked.join('\n'));
  for (const line of marked) assert.ok(heads.some((h) => pairsIn(line.replace(/^#+ /, ''), h) >= 0.6), line);
});

test('every character tesseract read is written: in the page\'s text, its furniture or its marks', () => {
  for (const name of ['p002', 'p005']) {
    const page = scan(name);
    const laid = pdfPageToText(page);
    const count = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
    assert.equal(count(laid.text.replace(/^#+ /gm, '') + laid.furniture.join('')), count(page.items.map((it) => it.text).join('')), name);
    const [parsed] = parseLaidOut([page], name, 'ocr');
    for (const mark of page.marks ?? []) assert.ok(parsed.record.other.includes(mark.text), mark.text);
  }
});

test('a scanned caption in smaller type is a caption; a line of figures is body type', () => {
  // shared p005: the photo's caption is set at 0.88 of the body size, and taking every line within a fifth of the body
  // size for body type had read it as the last paragraph of the story below
  const [page] = parseLaidOut([scan('p005')], 'p005', 'ocr');
  const story = page.record.articles.find((a) => a.byline.reporters.includes('张浩呈'));
  assert.deepEqual(story?.captions, ['宁波江北快递小哥正学习“时代楷模”钱海军事迹。']);
  // own seed 81, page 4: figures stand lower than ideographs, so a line of them (`23.0%、32.5%进口`) had come out in small
  // type; its size is its ideographs'
  const row = (line: number, word: number, left: number, height: number, text: string) => wordRow({ line, word, left, top: 100 + line * 60, width: 40 * [...text].length, height, text });
  const body = Array.from({ length: 8 }, (_, k) => row(k + 1, 1, 100, 37, '浙江进出口总值增长'));
  const figures = [row(9, 1, 100, 29, '23.0%'), row(9, 2, 300, 30, '、'), row(9, 3, 340, 29, '32.5%'), row(9, 4, 540, 37, '进口')];
  const items = tsvToPage(tsvOf('1\t1\t0\t0\t0\t0\t0\t0\t3000\t4000\t-1\t', ...body, ...figures), 1, 300).items;
  assert.deepEqual(new Set(items.map((it) => it.size)).size, 1, JSON.stringify(items.map((it) => [it.text, it.size])));
});

test('the ASCII marks tesseract writes among Chinese are the full-width ones printed; its commas stay as read', () => {
  // shared pages read by tesseract: `致敬!可爱的“白衣天使”们`, `如何应对疫情高峰?`, `本报讯(记者曾晨路)浅夏胜春烟;`
  assert.equal(fullWidthPunctuation('致敬!可爱的“白衣天使”们'), '致敬！可爱的“白衣天使”们');
  assert.equal(fullWidthPunctuation('如何应对疫情高峰?'), '如何应对疫情高峰？');
  assert.equal(fullWidthPunctuation('要聚焦主责主业;要深化改革'), '要聚焦主责主业；要深化改革');
  assert.equal(fullWidthPunctuation('国内统一刊号:CN33-0016'), '国内统一刊号：CN33-0016');
  // (a comma is read as printed: own seed 97 prints `昨日,省总工会` with the ASCII one)
  for (const kept of ['昨日,省总工会', '3,000元', 'www.zjgrrb.com', 'E-mail: zjgrxb@163.com', 'Hello, world!']) assert.equal(fullWidthPunctuation(kept), kept);
  const [page] = parseLaidOut([scan('p002')], 'p002', 'ocr');
  assert.ok(page.record.articles.some((a) => a.title?.startsWith('致敬！')), JSON.stringify(page.record.articles.map((a) => a.title)));
});

test('what tesseract finds on a scan without text are the page\'s rules, frames and pictures', () => {
  // shared p000 read by tesseract: the blocks it reports with no words — a rule across the page under the running
  // head, the four sides of a hotline's frame, a photo
  const block = (n: number, left: number, top: number, width: number, height: number) => ['2', '1', n, '0', '0', '0', left, top, width, height, '-1', ''].join('\t');
  const rows = tsvOf(
    block(4, 125, 224, 3178, 8),
    block(15, 120, 1011, 3188, 1860),
    block(22, 125, 4250, 750, 3),
    block(24, 125, 4250, 3, 294),
    block(25, 872, 4250, 3, 294),
    block(26, 125, 4541, 750, 3),
    block(30, 1200, 3300, 400, 300),
    wordRow({ block: 30, line: 1, left: 1200, top: 3300, width: 400, height: 40, text: '扫一扫' }),
  );
  const pt = 72 / 300;
  const boxes = scanBoxes(rows, 10, pt);
  const at = (x0: number, y0: number) => boxes.filter((b) => Math.abs(b.x0 - x0 * pt) < 1 && Math.abs(b.y0 - y0 * pt) < 1);
  assert.deepEqual(at(125, 224).map((b) => [b.paint, b.lightness]), [['fill', 0]]);
  assert.deepEqual(at(120, 1011).map((b) => [b.paint, b.lightness]), [['fill', 0.5]]);
  const frame = boxes.find((b) => b.paint === 'stroke');
  assert.deepEqual(frame && [frame.x0, frame.y0, frame.x1, frame.y1].map((v) => Math.round(v / pt)), [125, 4250, 875, 4544]);
  assert.equal(at(1200, 3300).length, 0, 'a block with words is text');
  // shared p004: a box set right under the rule across the page, its top that rule (blocks 21, 40, 41, 42)
  const under = scanBoxes(tsvOf(block(21, 128, 2446, 3250, 5), block(40, 2603, 2447, 3, 500), block(41, 3375, 2447, 3, 500), block(42, 2603, 2943, 775, 5)), 10, pt);
  const box = under.find((b) => b.paint === 'stroke');
  assert.deepEqual(box && [box.x0, box.y0, box.x1, box.y1].map((v) => Math.round(v / pt)), [2603, 2447, 3378, 2947]);
  // on shared p002 the rule under the running head sets it apart: it was read as the first story's title
  const [page] = parseLaidOut([scan('p002')], 'p002', 'ocr');
  assert.ok(page.record.other.includes('第2版区域'), JSON.stringify(page.record.other));
  assert.equal(page.record.articles[0]?.title, '追寻光成为光');
  // … and the boxes stacked in its ruled side column, which share the column's long sides, are frames of their own:
  // their notes (`扫码下载 新闻客户端`, `新闻热线 88512023`) are the page's, not a photo story's kicker
  for (const note of ['扫码下载', '新闻热线', '88512023']) assert.ok(page.record.other.includes(note), JSON.stringify(page.record.other));
  assert.ok(page.record.articles.every((a) => a.kicker === null), JSON.stringify(page.record.articles.map((a) => a.kicker)));
});

test('tesseract runs with one OpenMP thread unless the user sets the limit', () => {
  // (its default, a thread per core, made a page four times slower on two cores: npm run bench:ocr)
  assert.equal(tesseractEnv({ PATH: '/usr/bin' }).OMP_THREAD_LIMIT, '1');
  assert.equal(tesseractEnv({ PATH: '/usr/bin' }).PATH, '/usr/bin');
  assert.equal(tesseractEnv({ OMP_THREAD_LIMIT: '4' }).OMP_THREAD_LIMIT, '4');
});

test('lines tesseract is hardly sure of, without figures, and bars are marks it read as text: the page\'s, not a story\'s', () => {
  // shared p004 and p005 and own seed 81 read by tesseract: bits of glyphs read as `刀\VA`, `不YA`, `作到加候并人有证了而`
  // (confidence 0–16) had each become a story or a story's last line; a line of figures read as unsurely (`24.5%0。`)
  // is text
  const [page] = parseLaidOut([scan('p005')], 'p005', 'ocr');
  const texts = page.record.articles.flatMap((a) => [a.kicker, a.title, a.subtitle, ...a.paragraphs, ...a.captions]).join('');
  assert.ok(page.record.other.includes('作到加候并人有证了而'), JSON.stringify(page.record.other));
  assert.ok(!texts.includes('作到加候'), texts);
  const row = (line: number, conf: number, text: string) => wordRow({ line, left: 100, top: 100 + line * 60, width: 400, height: 37, conf, text });
  const read = tsvToPage(tsvOf(row(1, 96, '浙江进出口总值'), row(2, 0, '刀'), row(3, 0, '24.5%0。'), row(4, 42, '户o'), row(5, 48, 'Jo'), row(6, 90, '3D打印')), 1, 300);
  // (and a few characters it is not sure of, Latin letters run into ideographs or alone: a JPEG scan's specks)
  assert.deepEqual([read.items.map((it) => it.text), read.marks?.map((it) => it.text)], [['浙江进出口总值', '24.5%0。', '3D打印'], ['刀', '户o', 'Jo']]);
  // shared p003: the rule down a gutter read as a bar inside a line that runs across two columns parts them, a mark
  const word = (n: number, left: number, text: string) => wordRow({ line: 1, word: n, left, top: 100, width: 40 * [...text].length, height: 37, conf: 93, text });
  const across = tsvToPage(tsvOf(word(1, 100, '从出口市场来看，'), word(2, 430, '|'), word(3, 450, '10.59%，')), 1, 300);
  assert.deepEqual([across.items.map((it) => it.text), across.marks?.map((it) => it.text)], [['从出口市场来看，', '10.59%，'], ['|']]);
});

test('a headline line tesseract read as pieces is one line, unless a piece heads a column of its own story', () => {
  // own seed 81, page 3: `跳桥救人小哥彭清林等，` and `一等功！`, a wide space apart on one line of the title, came out
  // as blocks of their own, and the second headed a story of its own; on page 8 `市领导督查重点项目建设情况` stands
  // on the same baseline beside `1-5月义乌外贸进出口总值超`, set flush over the first column of its own story
  let block = 0;
  const line = (left: number, top: number, height: number, ...words: string[]) => {
    block++;
    let x = left;
    return words.map((w, k) => {
      const row = wordRow({ block, line: 1, word: k + 1, left: x, top, width: height * [...w].length, height, text: w });
      x += height * [...w].length;
      return row;
    });
  };
  const body = (left: number, top: number) => line(left, top, 37, '浙江进出口总值增长');
  const tsv = tsvOf(
    ...line(140, 2500, 150, '跳桥救人', '小哥彭清林等，'),
    ...line(1900, 2500, 150, '一等功！'),
    ...[0, 1, 2, 3].flatMap((k) => [...body(140, 2700 + k * 60), ...body(700, 2700 + k * 60), ...body(1400, 2700 + k * 60)]),
    ...line(140, 4000, 100, '1-5月义乌外贸', '进出口总值超'),
    ...line(1540, 4000, 100, '市领导督查重点项目建设情况'),
    ...[0, 1, 2, 3].flatMap((k) => [...body(140, 4150 + k * 60), ...body(1540, 4150 + k * 60)]),
  );
  const heads = tsvToPage(tsv, 1, 300).items.filter((it) => it.size > 15).map((it) => it.text);
  assert.deepEqual(heads, ['跳桥救人小哥彭清林等，一等功！', '1-5月义乌外贸进出口总值超', '市领导督查重点项目建设情况']);
});

test('a headline\'s short last line keeps the headline\'s size', () => {
  // shared p006: `2022年杭州市` / `一线职工免费疗` / `休养活动启动`, a subtitle over three lines; the last, too short to tell
  // its size by, was taken for body type and ran into the byline under it
  const words = (block: number, height: number, line: number, ...ws: string[]) => ws.map((text, k) => wordRow({ block, line, word: k + 1, left: 100 + k * 100, top: 200 + line * 80 + block * 400, width: 90, height, text }));
  const subtitle = [...words(1, 47, 1, '2022', '年', '杭州', '市'), ...words(1, 47, 2, '一线', '职工', '免费', '疗'), ...words(1, 47, 3, '休养', '活动启动')];
  const body = Array.from({ length: 8 }, (_, k) => words(2, 37, k + 1, '浙江', '进出口', '总值', '增长')).flat();
  const items = tsvToPage(tsvOf(...subtitle, ...body), 1, 300).items;
  const sizes = items.slice(0, 3).map((it) => it.size);
  assert.deepEqual(new Set(sizes).size, 1, JSON.stringify(items.slice(0, 3).map((it) => [it.text, it.size])));
  assert.ok(sizes[0] > items[3].size, 'the subtitle is bigger than the body');
});

test('headline lines are read again from the page at a lower resolution where OCR is surer of them', () => {
  // shared p001 and p008 printed to images: at 300 dpi `中共浙江省委汰定在全省三沁开展回稣海军同` (confidence 57),
  // `1~4月闭江出口窒破万亿元` (71); at 150 dpi `中共浙江省委决定在全省广泛开展向钱海军同` (86), `1~4月浙江出口突破万亿元` (89)
  const item = (index: number, text: string, x0: number, y0: number, size: number, confidence: number) => ({ index, text, raw: text, x0, x1: x0 + size * [...text].length, y0, y1: y0 + size, size, font: 'ocr', confidence });
  const page = {
    number: 1,
    width: 842,
    height: 1191,
    boxes: [],
    items: [
      item(0, '中共浙江省委汰定在全省三沁开展回稣海军同', 40, 100, 36, 57),
      item(1, '1~4月闭江出口窒破万亿元', 40, 200, 36, 71),
      item(2, '衢州市工会第八次代表大会名；于', 40, 300, 27, 85),
      ...Array.from({ length: 20 }, (_, k) => item(3 + k, '浙江进出口总值增长', 40, 400 + k * 14, 10, 60)),
    ],
  };
  const small = {
    ...page,
    items: [
      item(0, '中共浙江省委决定在全省', 40, 101, 36, 88),
      item(1, '广泛开展向钱海军同', 40 + 36 * 11, 101, 36, 84),
      item(2, '1~4月浙江出口突破万亿元', 41, 200, 36, 89),
      item(3, '衢州市工会第/\\次代表六会台开', 40, 300, 27, 80),
      item(4, '浙江进出口总值增加', 40, 400, 10, 99),
    ],
  };
  const read = rereadHeadlines(page, small).items.map((it) => it.text);
  assert.deepEqual(read.slice(0, 4), ['中共浙江省委决定在全省广泛开展向钱海军同', '1~4月浙江出口突破万亿元', '衢州市工会第八次代表大会名；于', '浙江进出口总值增长']);
  assert.equal(rereadHeadlines(page, null), page);
});

test('a PNG scan is put in a one-page PDF as it is, for its second reading; one the PDF cannot show as it is is not', async () => {
  const chunk = (kind: string, data: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(kind, 4, 'latin1');
    return Buffer.concat([head, data, Buffer.alloc(4)]);
  };
  // a 4 × 2 PNG, each row filtered (0) and deflated, as scanners and pdftoppm write them
  const png = (type: number, channels: number) => {
    const ihdr = Buffer.alloc(13);
    ihdr.writeUInt32BE(4, 0);
    ihdr.writeUInt32BE(2, 4);
    ihdr[8] = 8;
    ihdr[9] = type;
    const rows = Buffer.concat([0, 1].map(() => Buffer.concat([Buffer.from([0]), Buffer.alloc(4 * channels, 200)])));
    return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
  };
  const pdf = pngPdf(png(0, 1), 72);
  assert.ok(pdf);
  const [page] = await readPdfPages(new Uint8Array(pdf), 'scan.pdf');
  assert.deepEqual([page.width, page.height], [4, 2]);
  assert.equal(pngPdf(png(6, 4), 72), null, 'an alpha channel is no PDF image as it is');
  assert.equal(pngPdf(Buffer.from('not a png'), 72), null);
  assert.equal(jpegPdf(Buffer.from('not a jpeg'), 72), null);
});
