import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { main } from '../src/cli/main.js';
import { PAGES_DIR, TEST_DIR, ROOT, slowReader, tempDir } from './helpers.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

const page = (slug: string) => join(PAGES_DIR, slug, 'source.txt');

test('parse: a batch with bad files goes on, names each failure, and exits 1', async () => {
  const dir = tempDir('cli');
  const input = join(dir, 'in');
  const out = join(dir, 'out');
  spawnSync('mkdir', ['-p', input]);
  copyFileSync(page('000_1c7d56c7ba6fc9ec'), join(input, 'a.txt'));
  copyFileSync(join(TEST_DIR, 'fixtures', 'encodings', 'binary.bin'), join(input, 'scan.txt'));
  copyFileSync(page('002_f66bf6966d69075c'), join(input, 'c.txt'));
  const r = await run(['parse', input, join(dir, 'missing.txt'), '--out', out]);
  assert.equal(r.code, 1);
  assert.match(r.err, /scan\.txt: is not a text file/);
  assert.match(r.err, /missing\.txt: no such file/);
  assert.deepEqual(readdirSync(out).sort(), ['a.json', 'c.json']);
  const c = JSON.parse(readFileSync(join(out, 'c.json'), 'utf8'));
  assert.equal(c.masthead.paper, '浙江工人日报');
  assert.equal(c.articles.length, 5);
  for (const key of ['kicker', 'title', 'subtitle', 'byline', 'dateline', 'paragraphs', 'captions', 'continuedFrom', 'continuedTo', 'complete']) {
    assert.ok(key in c.articles[0], key);
  }
});

test('parse: one page to stdout as JSON, or as a readable outline', async () => {
  const json = await run(['parse', page('004_2c58187224ef0ee6')]);
  assert.equal(json.code, 0);
  assert.equal(JSON.parse(json.out).articles.length, 7);
  const text = await run(['parse', page('004_2c58187224ef0ee6'), '--format', 'text']);
  assert.match(text.out, /市领导督查重点项目建设情况/);
  assert.match(text.out, /记者 谭祉潇/);
});

test('parse to a reader slower than it waits for the reader, instead of holding the pages it has written in memory', async () => {
  const reader = slowReader();
  assert.equal(await main(['parse', PAGES_DIR, '--format', 'text'], reader.io), 0);
  const { read, held, longest } = await reader.done();
  assert.ok(read > 40 * 1024, `${read} bytes written`);
  // never more waiting than the room and the page that filled it
  assert.ok(held <= 1024 + longest, `${held} bytes held at most, the longest page ${longest}`);
});

test('parse: a broken PDF is refused with a reason, not a crash', async () => {
  const dir = tempDir('cli');
  writeFileSync(join(dir, 'page.pdf'), '%PDF-1.4\n');
  const r = await run(['parse', join(dir, 'page.pdf')]);
  assert.equal(r.code, 1);
  assert.match(r.err, /page\.pdf: is not a PDF pdf\.js can read/);
});

test('usage errors say what is wrong and exit 2', async () => {
  assert.equal((await run(['nonsense'])).code, 2);
  // a name every object has is no command either
  for (const name of ['constructor', 'toString', '__proto__']) assert.match((await run([name])).err, new RegExp(`unknown command "${name}"`));
  // each command's own help, its module loaded when it is run
  for (const name of ['parse', 'inspect', 'ingest', 'search', 'export', 'stats', 'remove', 'serve', 'worker', 'jobs', 'migrate']) {
    const help = await run([name, '--help']);
    assert.equal(help.code, 0, name);
    assert.match(help.out, new RegExp(`^banmian ${name}`), name);
  }
  const bad = await run(['parse', page('000_1c7d56c7ba6fc9ec'), '--format', 'xml']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--format must be json or text/);
  const noFiles = await run(['parse']);
  assert.equal(noFiles.code, 2);
  const badStage = await run(['inspect', page('000_1c7d56c7ba6fc9ec'), '--until', 'nowhere']);
  assert.equal(badStage.code, 2);
  assert.match(badStage.err, /--until must be one of/);
});

test('parse --out naming a file, or a path through one, is a usage error, not an internal one', async () => {
  // both were "internal error … this is a bug" (EEXIST, ENOTDIR from mkdir)
  const dir = tempDir('cli');
  const file = join(dir, 'notes.txt');
  writeFileSync(file, 'notes\n');
  const onFile = await run(['parse', page('000_1c7d56c7ba6fc9ec'), '--out', file]);
  assert.equal(onFile.code, 2);
  assert.match(onFile.err, /--out .*notes\.txt is a file; give a folder/);
  const through = await run(['parse', page('000_1c7d56c7ba6fc9ec'), '--out', join(file, 'out')]);
  assert.equal(through.code, 2);
  assert.match(through.err, /cannot make that folder \(ENOTDIR\)/);
  assert.equal(readFileSync(file, 'utf8'), 'notes\n');
});

test('a file written piece by piece waits for the disk without piling up listeners, and is whole when committed', async () => {
  // each wait for the disk left an error listener behind: a long export warned of a leak after ten
  const { openAtomicFile } = await import('../src/cli/write-atomic.js');
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.name);
  process.on('warning', onWarning);
  try {
    const path = join(tempDir('cli'), 'long.txt');
    const file = await openAtomicFile(path, (m) => new Error(m));
    const piece = `${'字'.repeat(20_000)}\n`;
    for (let i = 0; i < 50; i++) await file.write(piece);
    await file.commit();
    await new Promise((r) => setImmediate(r));
    assert.deepEqual(warnings, []);
    assert.equal(statSync(path).size, 50 * Buffer.byteLength(piece));
  } finally {
    process.off('warning', onWarning);
  }
});

test('inspect: the tree after a stage, with leaves and reasons', async () => {
  const r = await run(['inspect', page('004_2c58187224ef0ee6'), '--until', 'reflow', '--leaves']);
  assert.equal(r.code, 0);
  assert.match(r.out, /gap \d+:\d+ justify-space " "/);
  assert.match(r.out, /break \d+:\d+ joined/);
  const seg = await run(['inspect', page('002_f66bf6966d69075c'), '--until', 'segment']);
  assert.match(seg.out, /dateline \S+ "本报讯"/);
});

test('masthead disagreements are reported as warnings with their place', async () => {
  const dir = tempDir('cli');
  const text = readFileSync(page('002_f66bf6966d69075c'), 'utf8').replace('星期五', '星期六');
  writeFileSync(join(dir, 'p.txt'), text);
  const r = await run(['parse', join(dir, 'p.txt')]);
  const messages = JSON.parse(r.out).messages as Array<{ code: string; severity: string; place: { start: { line: number } } }>;
  const m = messages.find((x) => x.code === 'masthead/weekday-mismatch');
  assert.ok(m);
  assert.equal(m.severity, 'warning');
  assert.ok(m.place.start.line > 0);
});

test('the real binary never prints a stack trace for bad input', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'parse', join(TEST_DIR, 'fixtures', 'encodings', 'binary.bin')], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 1);
  assert.match(r.stderr, /binary\.bin: is not a text file/);
  assert.doesNotMatch(r.stderr, /\n\s+at /);
});

test('the built binary is executable, as npx and a global install run it', { skip: !existsSync(join(ROOT, 'dist', 'cli', 'main.js')) && 'not built (npm run build)' }, () => {
  const bin = join(ROOT, 'dist', 'cli', 'main.js');
  assert.ok(statSync(bin).mode & 0o111, 'dist/cli/main.js has the executable bit');
  const r = spawnSync(bin, ['--version'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^\d+\.\d+\.\d+/);
});
