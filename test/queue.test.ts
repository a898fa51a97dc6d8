// Distributed ingestion on a real PostgreSQL: page jobs on the pg-boss queue,
// worker processes taking them, one killed mid-batch, every page stored once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { main } from '../src/cli/main.js';
import { openStore } from '../src/store/store.js';
import { dropPgSchema, freshPgUrl, pgSkip } from './postgres-helpers.js';
import { ROOT, TEST_DIR, loadPages, tempDir } from './helpers.js';

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) }).then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

/** `count` small pages filed as 测试报/DATE/NN.txt, 10 版 an issue, from the seed pages' sentences. */
function pageFolder(count: number): string {
  const dir = tempDir('queue');
  const sentences = loadPages().flatMap((p) => p.source.toString('utf8').match(/[^。\n]{12,60}。/g) ?? []);
  for (let n = 0; n < count; n++) {
    const date = new Date(Date.UTC(2023, 0, 1) + Math.floor(n / 10) * 86_400_000).toISOString().slice(0, 10);
    const folder = join(dir, '测试报', date);
    mkdirSync(folder, { recursive: true });
    const body = [0, 1, 2].map((k) => sentences[(n * 7 + k * 13) % sentences.length]).join('');
    writeFileSync(join(folder, `${String((n % 10) + 1).padStart(2, '0')}.txt`), `## 第${n}号新闻\n\n本报讯 记者张三报道 ${body}\n\n## 第${n}号简讯\n\n本报讯 ${sentences[(n * 3) % sentences.length]}\n`);
  }
  return dir;
}

function worker(url: string): { child: ChildProcess; lines: string[]; exited: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'src', 'cli', 'main.ts'), 'worker', '--db', url, '--concurrency', '2', '--exit-when-idle'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  child.stdout!.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
  child.stderr!.on('data', (d: Buffer) => lines.push(...d.toString('utf8').split('\n').filter(Boolean)));
  return { child, lines, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

test('3 workers, 300 pages, one worker killed with SIGKILL mid-batch: every page stored exactly once', { skip: pgSkip, timeout: 180_000 }, async (t) => {
  const url = freshPgUrl();
  t.after(() => dropPgSchema(url));
  const dir = pageFolder(300);
  const queued = await run(['ingest', '--queue', url, dir, '--job-timeout', '3']);
  assert.equal(queued.code, 0, queued.err);
  assert.match(queued.out, /300 page jobs queued/);
  const before = await run(['jobs', '--db', url]);
  assert.match(before.out, /300 waiting, 0 running/);

  const workers = [worker(url), worker(url), worker(url)];
  const stored = (w: (typeof workers)[number]) => w.lines.filter((l) => / added /.test(l)).length;
  // kill the first once it is well into its share
  for (let i = 0; i < 600 && stored(workers[0]) < 15; i++) await new Promise((r) => setTimeout(r, 50));
  assert.ok(stored(workers[0]) >= 15, `worker 1 got going: ${workers[0].lines.slice(-5).join(' | ')}`);
  workers[0].child.kill('SIGKILL');
  assert.equal(await workers[0].exited, null, 'killed');
  const codes = await Promise.all(workers.slice(1).map((w) => w.exited));
  assert.deepEqual(codes, [0, 0], workers[1].lines.slice(-5).join('\n'));

  const store = await openStore(url);
  try {
    const s = await store.stats();
    assert.equal(s.pages, 300, 'every page stored');
    assert.equal(s.articles, 600, 'and each once: two articles a page');
    assert.equal(s.issues, 30);
  } finally {
    await store.close();
  }
  const after = await run(['jobs', '--db', url, '--json']);
  const report = JSON.parse(after.out);
  assert.equal(report.counts.completed, 300);
  assert.equal(report.counts.failed, 0);
  // the job the killed worker held came back after its timeout and was done by another
  const client = new pg.Client({ connectionString: url.replace(/\?.*$/, '') });
  await client.connect();
  const schema = new URL(url).searchParams.get('schema');
  const retried = (await client.query(`SELECT COUNT(*)::int AS n FROM ${schema}_jobs.job WHERE retry_count > 0`)).rows[0].n;
  await client.end();
  assert.ok(retried >= 1, `a job held by the killed worker was retried (stored by each: ${workers.map(stored)})`);
});

test('a page that keeps failing is kept as failed with its error; jobs lists it', { skip: pgSkip, timeout: 60_000 }, async (t) => {
  const url = freshPgUrl();
  t.after(() => dropPgSchema(url));
  const dir = pageFolder(3);
  writeFileSync(join(dir, 'broken.txt'), Buffer.from([0xff, 0xfe, 0x00, 0xd8, 0x00, 0x00, 0x01, 0x02, 0x00, 0x00]));
  copyFileSync(join(TEST_DIR, 'fixtures', 'pdf', 'p005.pdf'), join(dir, 'front.pdf'));
  const queued = await run(['ingest', '--queue', url, dir, '--tries', '2']);
  assert.match(queued.out, /5 page jobs queued/);
  const w = worker(url);
  assert.equal(await w.exited, 0);
  const jobs = await run(['jobs', '--db', url]);
  assert.match(jobs.out, /4 done, 1 failed/);
  const store = await openStore(url);
  const front = await store.getPage('浙江工人日报/2022-12-16/01');
  await store.close();
  assert.ok(front && front.articles >= 3, 'a PDF page job is laid out and parsed as a PDF');
  assert.match(jobs.out, /failed after 2 tries: .*broken\.txt: /);
  assert.ok(w.lines.some((l) => /broken\.txt: .*tried again/.test(l)));
});

test('migrate copies an archive SQLite → PostgreSQL → SQLite, and the exports are equal', { skip: pgSkip }, async (t) => {
  const dir = tempDir('migrate');
  const a = `sqlite:${join(dir, 'a.db')}`;
  const b = `sqlite:${join(dir, 'b.db')}`;
  const url = freshPgUrl();
  t.after(() => dropPgSchema(url));
  assert.equal((await run(['ingest', join(ROOT, 'examples', 'pages'), '--db', a, '--quiet'])).code, 0);
  const there = await run(['migrate', '--from', a, '--to', url, '--quiet']);
  assert.equal(there.code, 0, there.err);
  assert.match(there.out, /5 pages copied .* \(5 added, 0 replaced, 0 already there\), 0 failed/);
  assert.match((await run(['migrate', '--from', a, '--to', url, '--quiet'])).out, /0 added, 0 replaced, 5 already there/);
  assert.equal((await run(['migrate', '--from', url, '--to', b, '--quiet'])).code, 0);
  const exportOf = async (db: string) => (await run(['export', '--db', db])).out;
  const original = await exportOf(a);
  assert.ok(original.split('\n').length >= 31);
  assert.equal(await exportOf(url), original);
  assert.equal(await exportOf(b), original);
});
