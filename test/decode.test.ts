import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decode, DecodeError, parsePage } from '../src/index.js';
import { TEST_DIR } from './helpers.js';

const dir = join(TEST_DIR, 'fixtures', 'encodings');
const read = (name: string) => readFileSync(join(dir, name));
const expected = readFileSync(join(dir, 'page.source.txt'), 'utf8');

test('UTF-8 without a BOM', () => {
  assert.deepEqual(decode(Buffer.from(expected, 'utf8')), { text: expected, encoding: 'utf-8', guessed: false });
});

test('UTF-8 with a BOM: the mark is not part of the text', () => {
  const d = decode(read('page.utf8-bom.txt'));
  assert.equal(d.text, expected);
  assert.equal(d.encoding, 'utf-8-bom');
});

test('UTF-16 with a BOM, both byte orders', () => {
  assert.equal(decode(read('page.utf16le.txt')).text, expected);
  assert.equal(decode(read('page.utf16be.txt')).text, expected);
  assert.equal(decode(read('page.utf16be.txt')).encoding, 'utf-16be');
});

test('GB18030 (and so GBK) is detected and decoded', () => {
  const d = decode(read('page.gb18030.txt'));
  assert.equal(d.encoding, 'gb18030');
  assert.equal(d.guessed, true);
  assert.equal(d.text, expected);
});

test('Big5 is detected and decoded', () => {
  const d = decode(read('page.big5.txt'));
  assert.equal(d.encoding, 'big5');
  assert.equal(d.text, readFileSync(join(dir, 'page.big5.expected.txt'), 'utf8'));
});

test('a legacy-encoded page parses like its UTF-8 original', () => {
  const a = parsePage(read('page.gb18030.txt'), 'gb.txt', 'p').record;
  const b = parsePage(Buffer.from(expected, 'utf8'), 'u.txt', 'p').record;
  assert.deepEqual(a.articles, b.articles);
  assert.deepEqual(a.masthead, b.masthead);
  assert.ok(a.messages.some((m) => m.code === 'decode/guessed-encoding'));
});

test('bytes that are no text are an error that names the file, never silent replacement', () => {
  assert.throws(() => decode(read('binary.bin'), 'scan.bin'), (e: unknown) => e instanceof DecodeError && e.path === 'scan.bin' && /not a text file/.test(e.problem));
  // NUL bytes that happen to be valid UTF-8 (a file of zeros, text in UTF-16 without its byte-order mark) are no page either
  assert.throws(() => decode(new Uint8Array([0x50, 0, 0x4b, 0, 3, 4]), 'zip.txt'), (e: unknown) => e instanceof DecodeError && /not a text file/.test(e.problem));
  assert.throws(() => decode(read('bad-utf16.txt'), 'bad.txt'), (e: unknown) => e instanceof DecodeError && /UTF-16/.test(e.problem));
  const latin = Buffer.from([0x41, 0xe9, 0x20, 0x80, 0xff, 0xfe, 0x41]);
  assert.throws(() => decode(latin, 'latin.txt'), (e: unknown) => e instanceof DecodeError && /latin\.txt/.test(e.message));
});

test('a file cut short in the middle of its last character is read up to it, with a warning at its end; other bad bytes at the end are still an error', () => {
  const whole = Buffer.from(expected, 'utf8');
  // the last CJK character of the page, its three bytes cut to one or two
  const lastCjk = [...expected].map((ch, i) => [ch, i] as const).filter(([ch]) => Buffer.byteLength(ch) === 3).pop()!;
  const before = [...expected].slice(0, lastCjk[1]).join('');
  for (const keep of [1, 2]) {
    const cut = Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from(lastCjk[0], 'utf8').subarray(0, keep)]);
    assert.deepEqual(decode(cut, 'cut.txt'), { text: before, encoding: 'utf-8', guessed: false, cutShort: keep });
    const { record } = parsePage(cut, 'cut.txt', 'p');
    const warning = record.messages.find((m) => m.code === 'decode/cut-short');
    assert.ok(warning, 'a warning');
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.params.bytes, keep);
    assert.equal(warning.place!.end.offset, before.length);
  }
  assert.ok(!parsePage(whole, 'whole.txt', 'p').record.messages.some((m) => m.code === 'decode/cut-short'));
  // a GB18030 page cut inside its last two-byte character
  const gb = read('page.gb18030.txt');
  let end = gb.length;
  while (gb[end - 1] < 0x80) end--;
  const gbCut = decode(gb.subarray(0, end - 1), 'gb.txt');
  assert.equal(gbCut.encoding, 'gb18030');
  assert.equal(gbCut.cutShort, 1);
  // a byte that no character starts with is bad, not unfinished
  assert.throws(() => decode(Buffer.concat([Buffer.from(before, 'utf8'), Buffer.from([0xff])]), 'bad-end.txt'), (e: unknown) => e instanceof DecodeError && /bad-end\.txt/.test(e.message));
});
