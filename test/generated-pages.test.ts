// Pages the project lays out and prints itself (tools/generate-pages.ts):
// the parse of each matches its truth file, and a twin whose source order is
// shuffled (another text stream, the same look) gives the same records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, generatePage, layOutPage, loadStories, openPrinter, type Printer } from '../tools/generate-pages.js';
import { parsePdf } from '../src/pdf/parse-pdf.js';
import { readPdfPages } from '../src/pdf/pdf-items.js';
import { pdfPageToText } from '../src/pdf/pdf-to-text.js';
import { ROOT, tempDir } from './helpers.js';

const skip = existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM} (apt-get install chromium fonts-noto-cjk, or set BANMIAN_CHROMIUM)`;
const whole = (a: { kicker: string | null; title: string | null; subtitle: string | null }) => [a.kicker, a.title, a.subtitle].join('').replace(/\s/g, '');

/** Runs `fn` with the system's Chromium as a printer and a fresh output folder. */
async function withPrinter(fn: (printer: Printer, out: string) => Promise<void>): Promise<void> {
  const printer = await openPrinter();
  try {
    await fn(printer, tempDir('gen'));
  } finally {
    await printer.close();
  }
}

test('--font sets every text of a page in the one family given, the layout otherwise the same', () => {
  const material = loadStories(join(ROOT, 'examples', 'pages'));
  const spec = { seed: 61000, name: 'font', pageNo: 2, stories: 5 };
  const plain = layOutPage(material, spec);
  const one = layOutPage(material, { ...spec, font: 'BM Sans TT' });
  assert.match(plain.html, /Noto Serif CJK SC/);
  assert.doesNotMatch(one.html, /Noto/);
  assert.match(one.html, /font:bold 46pt "BM Sans TT",sans-serif/);
  assert.equal(one.html.replace(/"BM Sans TT",sans-serif/g, ''), plain.html.replace(/"Noto Serif CJK SC","Noto Serif CJK",serif|"Noto (?:Serif|Sans) CJK SC",(?:sans-)?serif/g, ''));
  assert.deepEqual(one.truth, plain.truth);
});

test('a generated front page and its shuffled twin: the truth found, whatever the stream order', { skip, timeout: 180_000 }, async () => {
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'front', 12, 1);
    assert.ok(truth.articles.length >= 2, 'a page of several boxes, so that shuffling them changes the stream');
    const [plain] = await parsePdf(readFileSync(join(out, 'front.pdf')), 'front.pdf');
    const [twin] = await parsePdf(readFileSync(join(out, 'front-shuffled.pdf')), 'front-shuffled.pdf');
    // the twin's text stream really is in another order
    const stream = async (f: string) => (await readPdfPages(readFileSync(join(out, f)), f))[0].items.map((i) => i.text).join('');
    assert.notEqual(await stream('front.pdf'), await stream('front-shuffled.pdf'));
    assert.deepEqual(twin.record.articles, plain.record.articles);
    assert.deepEqual(plain.record.masthead && { ...plain.record.masthead }, truth.masthead && { ...truth.masthead });
    assert.deepEqual(plain.record.articles.map(whole), truth.articles.map(whole), 'every headline, on its article, in reading order');
    assert.deepEqual(
      plain.record.articles.map((a) => a.paragraphs),
      truth.articles.map((a) => a.paragraphs),
    );
  });
});

test('a headline stack printed in two places (the title in a band across the top, the subtitle over its columns) is one article', { skip, timeout: 180_000 }, async () => {
  // found on a held-out generated page (seed 7, page 9): the title was left as an article without a body. The link
  // stage joined the title to its stack (`link/headline-apart`); since the twelfth session the layout reads the
  // stack in one piece and no join is needed (the join itself is tested on this page's text as the layout wrote it
  // before: press.test.ts, `stack-printed-apart.txt`)
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'apart', 7009, 4);
    const [page] = await parsePdf(readFileSync(join(out, 'apart.pdf')), 'apart.pdf');
    assert.deepEqual(page.record.articles.map(whole), truth.articles.map(whole), 'every headline whole, on its article');
    assert.ok(page.record.articles.every((a) => a.paragraphs.length > 0), 'no headline left without its body');
    assert.ok(!page.record.messages.some((m) => m.code === 'link/headline-apart'), 'the layout reads the stack whole: no join');
  });
});

test('columns read as columns: headlines of two boxes on one baseline stay apart, a byline across the gutter comes off the top', { skip, timeout: 180_000 }, async () => {
  // found on held-out generated pages (seed 9, pages 7 and 6): the columns came out interleaved line by line
  await withPrinter(async (printer, out) => {
    const stories = loadStories(join(ROOT, 'examples', 'pages'));
    for (const [name, seed, pageNo] of [['baseline', 9007, 2], ['byline', 9006, 8]] as const) {
      const truth = await generatePage(printer, stories, out, name, seed, pageNo);
      const [page] = await parsePdf(readFileSync(join(out, `${name}.pdf`)), `${name}.pdf`);
      if (name === 'baseline') assert.deepEqual(page.record.articles.map(whole), truth.articles.map(whole), 'every headline whole, on its article');
      const norm = (p: string) => p.replace(/\s/g, '');
      assert.deepEqual(
        page.record.articles.map((a) => a.paragraphs.map(norm)),
        truth.articles.map((a) => a.paragraphs.map(norm)),
        `${name}: every paragraph whole`,
      );
    }
  });
});

test('a glyph the PDF names by a Kangxi radical is the character a Simplified Chinese font draws for it (⼾ is 户, not 戶)', { skip, timeout: 180_000 }, async () => {
  // found on a held-out generated page (seed 11, page 12): Chromium names Noto CJK SC's glyph of 户 by the radical ⼾,
  // whose NFKC form is the traditional 戶, which cost every paragraph with 户 its exact match
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'door', 11012, 1);
    const printed = truth.articles.flatMap((a) => a.paragraphs).join('');
    assert.ok(printed.includes('户'), 'the page prints 户');
    const [page] = await parsePdf(readFileSync(join(out, 'door.pdf')), 'door.pdf');
    const parsed = page.record.articles.flatMap((a) => a.paragraphs).join('');
    assert.equal((parsed.match(/户/g) ?? []).length, (printed.match(/户/g) ?? []).length);
    assert.ok(!parsed.includes('戶'));
  });
});

test('bylines: a word space the PDF writes as a space item of its own parts two names', { skip, timeout: 180_000 }, async () => {
  // found on a held-out generated page (seed 11, page 8): `通讯员 张晓燕` + ` ` + `方` + `俊勇` came out as 张晓燕方俊勇
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'names', 11008, 1);
    const [page] = await parsePdf(readFileSync(join(out, 'names.pdf')), 'names.pdf');
    const names = (as: Array<{ byline: { reporters: string[]; correspondents: string[]; photographers: string[] } }>) =>
      as.flatMap((a) => Object.entries(a.byline).flatMap(([role, xs]) => xs.map((x: string) => `${role} ${x}`))).sort();
    const pair = truth.articles.find((a) => a.byline.correspondents.length === 2)?.byline.correspondents;
    assert.ok(pair, 'the page has a byline with two correspondents');
    const [items] = await readPdfPages(readFileSync(join(out, 'names.pdf')), 'names.pdf');
    assert.ok(pdfPageToText(items).text.includes(pair.join(' ')), `the page's text parts ${pair.join(' and ')}`);
    assert.deepEqual(names(page.record.articles), names(truth.articles));
  });
});

test('a front page: a short headline after the paper\'s name is no masthead line, and a subtitle printed apart from its title joins it', { skip, timeout: 180_000 }, async () => {
  // found on a held-out generated page (seed 7, page 8): 婺城爱心基金 was taken for a second paper name and went
  // missing from the record; 累计居住满6个月就能申领, set under another box's headline, was left without its body
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'front8', 7008, 1);
    const [page] = await parsePdf(readFileSync(join(out, 'front8.pdf')), 'front8.pdf');
    assert.ok(truth.masthead, 'a front page');
    assert.deepEqual([...page.record.articles.map(whole)].sort(), [...truth.articles.map(whole)].sort(), 'every headline whole, on its article');
    assert.ok(page.record.articles.every((a) => a.paragraphs.length > 0), 'no headline left without its body');
    assert.equal(page.record.masthead?.paper, truth.masthead.paper);
  });
});

test('a subtitle set between its title and a photo is the stack\'s subtitle, not the photo\'s caption', { skip, timeout: 180_000 }, async () => {
  // found on a held-out generated page (seed 13, page 1): the subtitle over the photo took the photo credit under it for its own
  await withPrinter(async (printer, out) => {
    const truth = await generatePage(printer, loadStories(join(ROOT, 'examples', 'pages')), out, 'photo', 13001, 3);
    const [page] = await parsePdf(readFileSync(join(out, 'photo.pdf')), 'photo.pdf');
    assert.ok(truth.articles.some((a) => a.subtitle), 'a stack with a subtitle');
    assert.deepEqual([...page.record.articles.map(whole)].sort(), [...truth.articles.map(whole)].sort(), 'every headline whole, on its article');
    assert.deepEqual(page.record.articles.map((a) => a.captions).flat().sort(), truth.articles.map((a) => a.captions).flat().sort());
  });
});
