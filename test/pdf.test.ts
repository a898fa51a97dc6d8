// PDF pages: reading order from the layout, every character of the text
// layer kept, the same records whatever order the PDF writes its text in.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { normalizeGlyphs, readPdfPages, setInSimplified } from '../src/pdf/pdf-items.js';
import { pdfPageToText } from '../src/pdf/pdf-to-text.js';
import { groupLines } from '../src/pdf/layout-page.js';
import type { PdfItem } from '../src/pdf/pdf-items.js';
import { parsePdf } from '../src/pdf/parse-pdf.js';
import { main } from '../src/cli/main.js';
import { TEST_DIR, ROOT, tempDir } from './helpers.js';

const FIXTURES = join(TEST_DIR, 'fixtures', 'pdf');
const pdf = (name: string) => readFileSync(join(FIXTURES, name));
const GENERATED = join(ROOT, '..', 'shared', 'corpus', 'generated');

/** A text item of a PDF page, as the page's reader gives it. */
const textItem = (index: number, text: string, x0: number, x1: number, y0: number, size: number, font: string): PdfItem => ({ index, raw: text, text, x0, x1, y0, y1: y0 + size, size, font });
/** An A4 page (in points) holding only these text items. */
const pageOf = (items: PdfItem[]) => ({ number: 1, width: 842, height: 1191, boxes: [], items });

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** Non-space characters, counted. */
function chars(s: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const c of s) if (!/\s/.test(c)) m.set(c, (m.get(c) ?? 0) + 1);
  return m;
}

test('a front page PDF: masthead, headline stacks by type size, bylines, paragraphs reflowed across columns', async () => {
  const [page] = await parsePdf(pdf('p005.pdf'), 'p005.pdf');
  const { record } = page;
  assert.equal(record.masthead?.paper, '浙江工人日报');
  assert.equal(record.masthead?.date, '2022-12-16');
  assert.equal(record.masthead?.issueNumber, 12285);
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'p005.gold.json'), 'utf8'));
  const want = gold.articles[0];
  const got = record.articles.find((a) => a.title === want.title);
  assert.ok(got, `the first article's title, its phrase space kept: ${record.articles.map((a) => a.title).join(' | ')}`);
  assert.equal(got.subtitle, want.subtitle);
  assert.deepEqual(got.byline, want.byline);
  assert.equal(got.dateline, want.dateline);
  assert.deepEqual(got.paragraphs, want.paragraphs, 'every paragraph whole, across column breaks');
});

test('no character of the text layer is lost: the laid-out text and the running head hold every one', async () => {
  for (const name of ['p005.pdf', 'p005-scrambled.pdf']) {
    const [page] = await readPdfPages(pdf(name), name);
    const laid = pdfPageToText(page);
    const given = chars(page.items.map((i) => i.text).join(''));
    const kept = chars(laid.text.replace(/^#+ /gm, '') + laid.furniture.join(''));
    assert.deepEqual([...kept].sort(), [...given].sort(), name);
    // and each kept character says which item it came from
    const origins = [...laid.text].map((c, i) => (/\s|#/.test(c) ? 0 : laid.origins[i]));
    assert.ok(origins.every((o) => o >= 0), 'every character traced to its text item');
  }
});

test('reading order comes from the layout: a PDF writing its text out of order gives the same articles', async () => {
  const [plain] = await parsePdf(pdf('p005.pdf'), 'p005.pdf');
  const [scrambled] = await parsePdf(pdf('p005-scrambled.pdf'), 'p005-scrambled.pdf');
  assert.deepEqual(
    scrambled.record.articles.map((a) => [a.title, a.paragraphs]),
    plain.record.articles.map((a) => [a.title, a.paragraphs]),
  );
});

test('parse and ingest take PDFs; search finds their articles', async () => {
  const dir = tempDir('pdf');
  const parsed = await run(['parse', join(FIXTURES, 'p005.pdf'), '--out', dir]);
  assert.equal(parsed.code, 0, parsed.err);
  assert.ok(existsSync(join(dir, 'p005.json')));
  const db = `sqlite:${join(dir, 'a.db')}`;
  const ingested = await run(['ingest', join(FIXTURES, 'p005.pdf'), '--db', db, '--quiet']);
  assert.match(ingested.out, /1 page \(1 added/);
  const found = await run(['search', '时代楷模', '--db', db, '--json']);
  assert.ok(JSON.parse(found.out).hits.some((h: { article: { paper: string; date: string } }) => h.article.paper === '浙江工人日报' && h.article.date === '2022-12-16'));
});

test('inspect takes a PDF: the tree of its laid-out text after a stage; a file that is no PDF is named with its problem', async () => {
  const r = await run(['inspect', join(FIXTURES, 'p005.pdf'), '--until', 'segment']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /headline[^\n]*\n\s+title [^\n]*追寻光 成为光/);
  assert.match(r.out, /dateline [^\n]*"本报讯"/);
  const bad = join(tempDir('pdf-bad'), 'bad.pdf');
  writeFileSync(bad, '%PDF-1.4 not really');
  const refused = await run(['inspect', bad]);
  assert.equal(refused.code, 1);
  assert.match(refused.err, /bad\.pdf: is not a PDF/);
  assert.doesNotMatch(refused.err, /\n\s+at /);
});

test('painted boxes: the photo placeholder is read from the drawing and the caption under it set apart', async () => {
  const [page] = await readPdfPages(pdf('p005.pdf'), 'p005.pdf');
  const photos = page.boxes.filter((b) => b.paint === 'fill' && b.lightness > 0.3 && b.lightness < 0.95 && b.x1 - b.x0 > 100);
  assert.ok(photos.length >= 1, 'the photo placeholder is read from the drawing');
  const [parsed] = await parsePdf(pdf('p005.pdf'), 'p005.pdf');
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'p005.gold.json'), 'utf8'));
  type Headed = { kicker: string | null; title: string | null; subtitle: string | null; captions: string[] };
  // whole headlines (the split between title and subtitle aside), in any order
  const heads = (articles: Headed[]) => articles.map((a) => [[a.kicker, a.title, a.subtitle].join('').replace(/\s/g, ''), a.captions]).sort();
  assert.deepEqual(heads(parsed.record.articles), heads(gold.articles), 'every article, with the caption under its photo');
});

const scorer = join(ROOT, '..', 'shared', 'eval', 'score.py');
test('the generated PDF pages, scored by the project scorer', { skip: existsSync(scorer) && existsSync(GENERATED) ? false : 'needs ../shared (corpus and scorer)' }, async () => {
  const out = tempDir('pdfscore');
  const files = readdirSync(GENERATED).filter((f) => f.endsWith('.pdf')).map((f) => join(GENERATED, f));
  assert.equal((await run(['parse', ...files, '--out', out])).code, 0);
  const report = execFileSync('python3', [scorer, GENERATED, out], { encoding: 'utf8' });
  const mean = Number(/mean score=([\d.]+)/.exec(report)?.[1]);
  console.log(`generated PDFs: ${report.trim().split('\n').pop()}`);
  // the issue's bar, shuffled-stream pages included
  assert.ok(mean >= 0.95, `mean ${mean}`);
});

/** The shared pages as pdftotext wrote them in one mode (`raw`, `default`), parsed as text and scored. */
async function scoreExtraction(mode: 'raw' | 'default'): Promise<number> {
  const dir = tempDir(`${mode}text`);
  const out = join(dir, 'out');
  mkdirSync(out);
  const names = readdirSync(GENERATED).filter((f) => f.endsWith(`.${mode}.txt`)).map((f) => f.slice(0, -`.${mode}.txt`.length));
  for (const name of names) {
    copyFileSync(join(GENERATED, `${name}.${mode}.txt`), join(dir, `${name}.txt`));
    copyFileSync(join(GENERATED, `${name}.gold.json`), join(dir, `${name}.gold.json`));
  }
  assert.equal((await run(['parse', ...names.map((n) => join(dir, `${n}.txt`)), '--out', out])).code, 0);
  const report = execFileSync('python3', [scorer, dir, out], { encoding: 'utf8' });
  console.log(`pdftotext ${mode} texts: ${report.trim().split('\n').pop()}`);
  return Number(/mean score=([\d.]+)/.exec(report)?.[1]);
}

const needsShared = { skip: existsSync(scorer) && existsSync(GENERATED) ? false : 'needs ../shared (corpus and scorer)' };

test('the same pages as pdftotext writes them (-raw), parsed as text', needsShared, async () => {
  // text from other extraction tools is an input too: -raw keeps the stream order and breaks printed lines at quote marks
  const mean = await scoreExtraction('raw');
  // the issue's bar (0.742 before printed lines broken at quotes were rejoined, 0.758 before photo stories'
  // titles, service boxes, mastheads and dropped first-line indents were told apart in run-together text)
  assert.ok(mean >= 0.85, `mean ${mean}`);
});

test('the same pages as pdftotext writes them by default (columns interleaved line by line), parsed as text', needsShared, async () => {
  const mean = await scoreExtraction('default');
  // 0.385 before the columns were put back together, 0.567 before a bracket closed across a break counted, 0.596
  // before a question title cutting through a column headed its story, 0.604 before headline stacks written apart
  // in the source stayed apart; the issue's bar, 0.85, is not reached yet
  assert.ok(mean >= 0.61, `mean ${mean}`);
});

test('a headline over its story\'s photo (a credit under the photo, then the byline) heads the story; it is not the photo\'s caption', async () => {
  // g21-007: own generator, seed 21 — `鹿城廉政导师助年轻干部健康成长` over a photo with only `戴睿云 摄` under it
  const [page] = await parsePdf(pdf('g21-007.pdf'), 'g21-007.pdf');
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'g21-007.gold.json'), 'utf8')) as { articles: Array<{ title: string | null }> };
  assert.deepEqual(page.record.articles.map((a) => a.title), gold.articles.map((a) => a.title));
  assert.deepEqual(page.record.articles.flatMap((a) => a.captions), []);
});

test('two headlines side by side on one baseline, a point apart, in their own sizes and fonts, are two lines', () => {
  // own generator, seed 37, page 0: the left story's 24 pt title runs to 1.3 pt short of the right one's 22 pt title
  const item = (index: number, text: string, x0: number, x1: number, y0: number, y1: number, size: number, font: string): PdfItem => ({ index, raw: text, text, x0, x1, y0, y1, size, font });
  const lines = groupLines([
    item(0, '追寻光 成为光“时代楷模”', 328.7, 622.15, 127.38, 151.38, 24, 'g_d0_f115'),
    item(1, '淳安推进蓝领公寓', 623.4, 799.37, 126.89, 148.89, 22, 'g_d0_f125'),
    item(2, '钱海军', 328.7, 401.0, 157.4, 181.4, 24, 'g_d0_f115'),
    item(3, '安居', 623.4, 667.0, 154.6, 176.6, 22, 'g_d0_f125'),
    item(4, '工', 667.0, 689.0, 154.6, 176.6, 22, 'g_d0_f126'),
  ]);
  assert.deepEqual(lines.map((l) => l.text).sort(), ['安居工', '淳安推进蓝领公寓', '追寻光成为光“时代楷模”', '钱海军'].sort());
});

// own generator, seed 37, page 8, as the PDF path lays it out: two subheads in the body's type (`打造高质量发展高地` /
// `在高质量发展中实现共同富裕先行`) between paragraphs of a story, on a page whose headlines its type sizes mark
test('on a page that marks its headlines, unmarked short lines between a story\'s paragraphs are its subheads', async () => {
  const { parseText } = await import('../src/pipeline/run-pipeline.js');
  const name = 'subheads-on-marked-page.txt';
  const { record } = parseText(readFileSync(join(TEST_DIR, 'fixtures', 'raw', name), 'utf8'), name);
  assert.deepEqual(
    record.articles.map((a) => a.title),
    ['婺城爱心基金', '号角嘹亮 使命催征 在高质量发展中走好新时代赶考路'],
  );
  const story = record.articles[1];
  assert.ok(story.paragraphs.includes('打造高质量发展高地') && story.paragraphs.includes('在高质量发展中实现共同富裕先行'), JSON.stringify(story.paragraphs));
});

test('a paragraph begun indented at the top of a column whose few lines stand apart still begins there', async () => {
  // own generator, seed 37, page 1: `…任职培训证书”。` nearly fills the column's last line; the next column holds
  // only `目前，义乌已有150余家企业的首席` (indented), `质量官完成线上报名。` and the jump line, each a region of its own
  const [page] = await parsePdf(pdf('g37-001.pdf'), 'g37-001.pdf');
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'g37-001.gold.json'), 'utf8')) as { articles: Array<{ title: string | null; paragraphs: string[] }> };
  const story = (r: { articles: Array<{ title: string | null; paragraphs: string[] }> }) => r.articles.find((a) => a.title === '我市招募')?.paragraphs;
  assert.deepEqual(story(page.record), story(gold));
});

test('a justified line spread so wide that its pieces stand apart is still one line of its paragraph', () => {
  // own generator, seed 41, page 8: `长` … `95.9%` … `、` across a narrow column, the gaps wider than the gutter
  const item = (index: number, text: string, x0: number, x1: number, y0: number, font = 'g_d0_f100') => textItem(index, text, x0, x1, y0, 10.5, font);
  const page = pageOf([
    item(0, '分别为94.8亿元、', 426.94, 513.16, 535.26, 'g_d0_f102'),
    item(1, '51.4亿元，分别增', 426.94, 513.16, 551.76),
    item(2, '长', 426.94, 437.44, 568.26, 'g_d0_f159'),
    item(3, ' ', 437.44, 460.39, 568.26, 'g_d0_f159'),
    item(4, '95.9%', 454.65, 485.44, 568.26),
    item(5, ' ', 485.44, 508.39, 568.26),
    item(6, '、', 502.65, 513.15, 568.26, 'g_d0_f78'),
    item(7, '67.3%。同期，我', 426.94, 513.16, 585.51),
    item(8, '市对“一带一路”', 426.94, 513.16, 602.0),
  ]);
  assert.equal(pdfPageToText(page).text.trim(), '分别为94.8亿元、51.4亿元，分别增长95.9%、67.3%。同期，我市对“一带一路”');
});

test('stories side by side stay apart where one goes on under a band with its subtitle and the other with its byline', () => {
  // own generator, TrueType seed 99, page 3: the right story's 28 pt title stands far enough above its subtitle to
  // make a band across both stories, under which the left goes on with its byline and the right with the subtitle;
  // the band had been taken for the row of a story's first column, and the subtitle had headed the right story alone
  const item = (index: number, text: string, x0: number, x1: number, y0: number, size = 9.495, font = 'g_d0_f1') => textItem(index, text, x0, x1, y0, size, font);
  const page = pageOf([
    item(0, '如何应对疫情高峰？', 34.01, 240.94, 69.01, 23, 'g_d0_f2'),
    item(1, '浙江将从5个方面发力', 34.01, 167.71, 102.43, 14),
    item(2, '本报记者 程雪', 34.01, 93.09, 127.39, 9.495, 'g_d0_f11'),
    item(3, '本报讯 根据专家研判，', 53, 152.98, 145.39),
    item(4, '全国将迎来一波疫情高峰。', 34.01, 152.98, 160.39),
    item(5, '政府应急储备基本可以满足', 164.99, 283.96, 145.39),
    item(6, '医疗需求。', 164.99, 212.45, 160.39),
    item(7, '推动经济运行整体好转', 295.96, 415.96, 68.94, 12, 'g_d0_f18'),
    item(8, '“希望每家企业都拿到大订单”', 295.96, 687.9, 90.11, 28, 'g_d0_f26'),
    item(9, '126家杭州企业组团迪拜“抢”订单', 295.96, 515.15, 128.68, 14),
    item(10, '本报讯（记者 张浩呈）', 314.95, 414.93, 153.64),
    item(11, '“千封邮件不如一次见面，', 295.96, 414.94, 168.64),
    item(12, '办，这是杭州市政府主办的', 426.94, 545.92, 153.64),
    item(13, '海外展会，也是中国目前在', 426.94, 545.92, 168.64),
  ]);
  const text = pdfPageToText(page).text;
  assert.ok(text.includes('## 推动经济运行整体好转\n# “希望每家企业都拿到大订单”\n## 126家杭州企业组团迪拜“抢”订单\n'), text);
  assert.ok(text.indexOf('本报记者 程雪') < text.indexOf('推动经济运行整体好转'), text);
});

test('a credit word set right under a line of running text keeps every character written before it', () => {
  // shared p002 read by OCR: tesseract's `摄影` under a body line of the photo's credit; joining the word to the line
  // above took back the text's trailing white space — none there — and slice(0, -0) took back the whole page
  const item = (index: number, text: string, y0: number) => textItem(index, text, 40, 40 + [...text].length * 10, y0, 10, 'ocr');
  const page = pageOf([item(0, '本报讯 大会在市工人文化宫召开，代表汇聚一堂。', 100), item(1, '本报记者胡江丰、巫慧英', 114), item(2, '摄影', 128)]);
  const { text } = pdfPageToText(page);
  for (const line of ['大会在市工人文化宫召开，代表汇聚一堂。', '本报记者胡江丰、巫慧英', '摄影']) assert.ok(text.includes(line), text);
});

test('a headline stack over the columns comes off their top even with a stray mark further down among them', () => {
  // fixture p005 as a JPEG scan read by OCR: `户o`, a speck read as text in small type among the columns, had kept the
  // title and its subtitle (set over the second to fourth columns only) from coming off together; the subtitle was
  // read after the first column, and headed a story of its own
  const body = (index: number, text: string, x0: number, y0: number) => textItem(index, text, x0, x0 + 146, y0, 9.5, 'ocr');
  const page = pageOf([
    textItem(0, '衢州市工会第八次代表大会召开', 161, 519, 833, 27.5, 'ocr'),
    textItem(1, '毛胜田当选衢州市总工会主席', 251, 430, 867, 14.5, 'ocr'),
    textItem(2, '通讯员毛朝阳、姚舌', 26, 109, 888.5, 9.5, 'ocr'),
    ...Array.from({ length: 18 }, (_, k) => [body(3 + k * 4, '本报讯衢州市工会第八次代表大会在', 26, 906 + k * 13.5), body(4 + k * 4, '掘大赛、工情直通车等工作，创造了', 187, 906 + k * 13.5), body(5 + k * 4, '要深入学习贯彻党的二十大精神特别', 347, 906 + k * 13.5), body(6 + k * 4, '工会第七届委员会工作报告的决议》', 508, 906 + k * 13.5)]).flat(),
    textItem(80, '户o', 349, 360, 1128, 4.5, 'ocr'),
  ]);
  const { text } = pdfPageToText(page);
  assert.ok(text.includes('# 衢州市工会第八次代表大会召开\n## 毛胜田当选衢州市总工会主席\n'), text);
});

test('glyphs named by radicals and compatibility forms become the ideographs printed, by the page\'s script', () => {
  assert.equal(normalizeGlyphs('⻓江⾔论'), '长江言论');
  assert.equal(normalizeGlyphs('千⼾万灯', true), '千户万灯');
  assert.equal(normalizeGlyphs('千⼾萬燈', false), '千戶萬燈');
  assert.ok(setInSimplified(['服务用户1.3万余人次', '学习钱海军同志']));
  assert.ok(!setInSimplified(['服務用戶1.3萬餘人次', '學習錢海軍同志']));
});

test('a photo credit a narrow box wrapped before its last word (`记者胡江丰、巫慧英` / `摄影`) is one credit, not a kicker', async () => {
  const [page] = await parsePdf(pdf('p002.pdf'), 'p002.pdf');
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'p002.gold.json'), 'utf8'));
  const heads = (as: Array<{ kicker: string | null; title: string | null; subtitle: string | null }>) => as.map((a) => [a.kicker, a.title, a.subtitle].join('').replace(/\s/g, '')).sort();
  assert.deepEqual(heads(page.record.articles), heads(gold.articles));
  const story = page.record.articles.find((a) => a.title?.startsWith('致敬'));
  assert.deepEqual(story?.byline.photographers, ['胡江丰', '巫慧英']);
});

test('a caption in small type over two lines, away from the photo box, is one caption, not a headline', async () => {
  // shared p006: `杭州市委副书记、代市长姚高员(左)与出征企业代` / `表交流。` each written as a block of its own, and the
  // first joined to the headline stack above it; own seed 29, page 1, the same with a caption set wider than the column
  const [page] = await parsePdf(pdf('p006.pdf'), 'p006.pdf');
  const gold = JSON.parse(readFileSync(join(FIXTURES, 'p006.gold.json'), 'utf8')) as { articles: Array<{ title: string | null; subtitle: string | null; captions: string[] }> };
  const heads = (as: Array<{ kicker?: string | null; title: string | null; subtitle: string | null }>) => as.map((a) => [a.kicker, a.title, a.subtitle].join('').replace(/\s/g, '')).sort();
  assert.deepEqual(heads(page.record.articles), heads(gold.articles));
  const story = page.record.articles.find((a) => a.title === '“希望每家企业都拿到大订单”');
  assert.deepEqual(story?.captions, ['杭州市委副书记、代市长姚高员(左)与出征企业代表交流。']);
});
