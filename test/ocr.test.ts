// Scanned pages: an image of a page read by tesseract (chi_sim) takes the PDF
// layout path. Runs where tesseract with chi_sim and pdftoppm are installed
// (.ci/run installs them); skipped with the reason elsewhere.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { main } from '../src/cli/main.js';
import { ocrUnavailable } from '../src/ocr/ocr-page.js';
import { TEST_DIR, tempDir } from './helpers.js';

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

test('a scanned page read by OCR: masthead and the articles\' text, through the layout path', { skip: unavailable ?? false, timeout: 240_000 }, async () => {
  const dir = tempDir('scan');
  // the fixture page printed to an image at 200 dpi: a scan with no text layer
  execFileSync('pdftoppm', ['-r', '200', '-png', '-singlefile', join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'scan')]);
  const r = await run(['parse', '--ocr', join(dir, 'scan.png'), '--out', dir]);
  assert.equal(r.code, 0, r.err);
  const record = JSON.parse(readFileSync(join(dir, 'scan.json'), 'utf8'));
  assert.equal(record.encoding, 'ocr');
  assert.equal(record.masthead?.paper, '浙江工人日报');
  assert.equal(record.masthead?.date, '2022-12-16');
  // OCR misreads some characters; nearly all of the body text must still be there
  const gold = JSON.parse(readFileSync(join(TEST_DIR, 'fixtures', 'pdf', 'p005.gold.json'), 'utf8'));
  const want = bigrams(gold.articles.flatMap((a: { paragraphs: string[] }) => a.paragraphs).join(''));
  type A = { kicker: string | null; title: string | null; subtitle: string | null; paragraphs: string[]; captions: string[] };
  const got = bigrams(record.articles.flatMap((a: A) => [a.kicker ?? '', a.title ?? '', a.subtitle ?? '', ...a.paragraphs, ...a.captions]).join('') + record.other.join(''));
  let found = 0;
  let all = 0;
  for (const [g, n] of want) {
    found += Math.min(n, got.get(g) ?? 0);
    all += n;
  }
  assert.ok(found / all >= 0.9, `body text recovered: ${(found / all).toFixed(3)}`);
});
