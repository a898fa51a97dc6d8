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
