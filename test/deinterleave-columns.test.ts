// pdftotext's default mode: columns written line by line in turn, put back together.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { deinterleaveColumns, deinterleaved, interleaving } from '../src/parse/deinterleave-columns.js';
import { parsePage, runPipeline } from '../src/pipeline/run-pipeline.js';
import { main } from '../src/cli/main.js';
import type { PageRoot } from '../src/tree/types.js';
import { ROOT, tempDir } from './helpers.js';

const EXAMPLES = join(ROOT, 'examples', 'pages');
const GENERATED = join(ROOT, '..', 'shared', 'corpus', 'generated');

const exampleArticles = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.txt'))
  .flatMap((f) => parsePage(readFileSync(join(EXAMPLES, f)), f).record.articles);
/** The body text of the example pages, paragraph by paragraph. */
const paragraphs = exampleArticles.flatMap((a) => a.paragraphs).filter((p) => p.length >= 40);
const headlines = exampleArticles.flatMap((a) => (a.title ? [a.title] : []));

/** Text set in `k` columns of `measure` characters, `rows` lines deep: each column's lines, in reading order. */
function setInColumns(text: string, k: number, measure: number, rows: number): string[][] {
  const columns: string[][] = [];
  for (let c = 0, at = 0; c < k; c++) {
    const col: string[] = [];
    for (let r = 0; r < rows && at < text.length; r++, at += measure) col.push(text.slice(at, at + measure));
    columns.push(col);
  }
  return columns;
}

/**
 * The columns as pdftotext's default mode writes them: row after row, each
 * line a block of its own (`blocks`), or each row one line, its columns' lines
 * set apart by a space (`rows`, as poppler 22 does).
 */
function writtenRowByRow(columns: string[][], kind: 'blocks' | 'rows' = 'blocks'): string {
  const out: string[] = [];
  const rows = Math.max(...columns.map((c) => c.length));
  for (let r = 0; r < rows; r++) {
    const row = columns.map((c) => c[r]).filter((l) => l !== undefined);
    if (kind === 'rows') out.push(row.join(' '));
    else out.push(...row);
  }
  return out.join(kind === 'rows' ? '\n' : '\n\n') + '\n';
}

/** Share of each column's line pairs that stand one after the other in the output. */
function pairsKept(columns: string[][], lines: string[]): number {
  const at = new Map(lines.map((l, i) => [l, i]));
  let kept = 0;
  let all = 0;
  for (const c of columns) {
    for (let r = 0; r + 1 < c.length; r++) {
      all++;
      if (at.get(c[r + 1]) === (at.get(c[r]) ?? -2) + 1) kept++;
    }
  }
  return all ? kept / all : 1;
}

test('the example pages and their kind of text are not taken for interleaved columns', () => {
  for (const f of readdirSync(EXAMPLES).filter((f) => f.endsWith('.txt'))) {
    const text = readFileSync(join(EXAMPLES, f), 'utf8');
    assert.equal(interleaving(text), null, f);
    assert.equal(deinterleaved(text), null, f);
  }
});

test('headlines and paragraphs written one per line between blank lines are not taken for interleaved columns', () => {
  // (a page of six stories, each a headline of about one width over a few long paragraphs, once was)
  const alike = headlines.filter((h) => h.length >= 10 && h.length <= 13);
  const story = fc.tuple(fc.constantFrom(...alike), fc.shuffledSubarray(paragraphs, { minLength: 1, maxLength: 3 }));
  assert.ok(alike.length >= 3);
  fc.assert(
    fc.property(fc.array(story, { minLength: 6, maxLength: 12 }), (stories) => {
      const text = stories.flatMap(([h, ps]) => [`## ${h}`, ...ps]).join('\n\n');
      assert.equal(interleaving(text), null);
    }),
    { numRuns: 300 },
  );
});

test('paragraphs one per line whose leads carry spaces (`本报讯 记者… 报道 …`) are not taken for columns written as rows', () => {
  // (one synthetic bench page in twenty once was: a piece far wider than any column's line was read as one)
  const names = ['戴睿云', '万笑影', '王逸群', '左翠玉'];
  const story = fc.tuple(fc.constantFrom(...headlines), fc.constantFrom(...names), fc.shuffledSubarray(paragraphs, { minLength: 1, maxLength: 3 }));
  fc.assert(
    fc.property(fc.array(story, { minLength: 6, maxLength: 12 }), (stories) => {
      const text = stories.flatMap(([h, name, [lead, ...ps]]) => [`## ${h}`, `本报讯 记者${name}报道 ${lead}`, ...ps]).join('\n\n');
      assert.equal(interleaving(text), null);
    }),
    { numRuns: 300 },
  );
});

for (const kind of ['blocks', 'rows'] as const) {
  test(`columns of real text written row by row (${kind}) come back column by column`, () => {
    const text = paragraphs.join('');
    let sum = 0;
    let runs = 0;
    for (const [k, measure] of [
      [2, 18],
      [3, 16],
      [4, 14],
      [5, 12],
    ]) {
      for (let start = 0, n = 0; start + k * measure * 25 < text.length && n < 6; start += 997, n++) {
        const columns = setInColumns(text.slice(start), k, measure, 25);
        const written = writtenRowByRow(columns, kind);
        assert.equal(interleaving(written), kind);
        const out = deinterleaveColumns(written);
        sum += pairsKept(columns, out.lines.map((l) => l.text));
        runs++;
      }
    }
    // a line-by-line reading keeps no pair of a column's lines together; text evidence and the rhythm of the rows keep most
    assert.ok(runs >= 12);
    console.log(`${kind}: pairs kept ${(sum / runs).toFixed(3)} over ${runs} pages`);
    assert.ok(sum / runs >= 0.95, `pairs kept ${(sum / runs).toFixed(3)} over ${runs} pages`);
  });
}

test('a column line with spaces of its own (a lead with the byline) stays whole when rows are taken apart', () => {
  // as poppler 22 writes a story's first row: `本报讯（记者 万笑影 通讯员 谭狄 进淳安，用不同角色、… 全、物业管理等方面…`
  const columns = setInColumns(paragraphs.join(''), 4, 16, 25);
  columns[0][0] = '本报讯（记者 万笑影 通讯员 谭狄枫';
  const out = deinterleaveColumns(writtenRowByRow(columns, 'rows'), 'rows');
  const texts = out.lines.map((l) => l.text);
  assert.ok(texts.includes(columns[0][0]), 'the lead line is one line');
  // and a paragraph's short last line is a piece of its own, not the start of the next column's line
  const ended = writtenRowByRow([['吴雯雯）党的力量来自组织。基层党组'], ['务。'], ['基层开展服务，从省直机关带头到市']], 'rows');
  assert.deepEqual(
    deinterleaveColumns(ended.repeat(12), 'rows').lines.slice(0, 3).map((l) => l.text),
    ['吴雯雯）党的力量来自组织。基层党组', '务。', '基层开展服务，从省直机关带头到市'],
  );
});

test('the running head comes back on one line: its parts as blocks, or its page label apart from its date and editors', () => {
  const columns = setInColumns(paragraphs.join(''), 3, 16, 20);
  const blocks = `第三版 要闻\n\n2023年4月26日 星期三\n\n责任编辑 方晴\n\n${writtenRowByRow(columns)}`;
  // (as poppler 22 writes g23-001: the label, the headline stack, then the date and editors)
  const rows = `第三版 要闻\n点燃“红色引擎”\n激发强劲动力\n\n2023年4月26日 星期三 责任编辑 方晴\n\n${writtenRowByRow(columns, 'rows')}`;
  for (const [text, kind] of [
    [blocks, 'blocks'],
    [rows, 'rows'],
  ] as const) {
    const out = deinterleaveColumns(text, kind);
    assert.match(out.text.split('\n')[0], /^第三版 要闻 2023年4月26日 星期三 ?责任编辑 方晴$/, kind);
  }
});

test('putting columns back together keeps every character once and says where each line stood', () => {
  const chars = (s: string) => [...s.replace(/\s/g, '')].sort().join('');
  fc.assert(
    fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 2, max: 6 }), fc.integer({ min: 10, max: 22 }), fc.integer({ min: 4, max: 30 }), fc.constantFrom('blocks' as const, 'rows' as const), (start, k, measure, rows, kind) => {
      const text = paragraphs.join('').slice(start % Math.max(1, paragraphs.join('').length - 2000));
      const written = writtenRowByRow(setInColumns(text, k, measure, rows), kind);
      const source = written.split('\n');
      const out = deinterleaveColumns(written, kind);
      assert.equal(chars(out.lines.map((l) => l.text).join('')), chars(written));
      assert.equal(chars(out.text), chars(written));
      for (const l of out.lines) assert.equal(source[l.line - 1].slice(l.column - 1, l.column - 1 + l.text.length), l.text);
    }),
    { numRuns: 60 },
  );
});

test('a page of pdftotext default output is parsed from its columns put back together, and says so', { skip: existsSync(GENERATED) ? false : 'needs ../shared (corpus)' }, () => {
  const name = readdirSync(GENERATED).find((f) => f.endsWith('.default.txt') && interleaving(readFileSync(join(GENERATED, f), 'utf8')) !== null);
  assert.ok(name, 'some shared page in default mode looks interleaved');
  const { record, file } = parsePage(readFileSync(join(GENERATED, name)), name);
  const said = file.messages.find((m) => m.code === 'decode/columns-deinterleaved');
  assert.ok(said);
  // (and what reads such a page better: 0.995 and 0.998 against 0.604 on the shared pages)
  assert.match(said.text, /order is guessed from the text alone, and `pdftotext -raw` or the PDF itself keeps it/);
  const gold = JSON.parse(readFileSync(join(GENERATED, name.replace('.default.txt', '.gold.json')), 'utf8')) as { articles: Array<{ paragraphs: string[] }> };
  const squash = (s: string) => s.replace(/\s/g, '');
  const found = new Set(record.articles.flatMap((a) => a.paragraphs.map(squash)));
  const whole = gold.articles.flatMap((a) => a.paragraphs).filter((p) => found.has(squash(p)));
  // read line by line, no paragraph of several lines came out whole
  assert.ok(whole.some((p) => p.length > 40), 'a paragraph of several lines comes out whole');
});

test('inspect reads a page of interleaved columns as parse does: put back together, and says so', async () => {
  // (it once ran the stages on the lines as written, row by row: a tree parse never made)
  const columns = setInColumns(paragraphs.join(''), 3, 16, 25);
  const path = join(tempDir('inspect'), 'default.txt');
  writeFileSync(path, writtenRowByRow(columns));
  const out: string[] = [];
  assert.equal(await main(['inspect', path, '--until', 'reflow', '--json'], { out: (t) => out.push(t), err: () => {} }), 0);
  const inspected = JSON.parse(out.join('\n')) as { tree: PageRoot; messages: Array<{ code: string }> };
  assert.ok(inspected.messages.some((m) => m.code === 'decode/columns-deinterleaved'));
  const { file } = parsePage(readFileSync(path), path);
  assert.deepEqual(inspected.tree, runPipeline(file, 'reflow'));
});

test('columns chosen in place of those found are what the derived text is made of, in the order given', () => {
  const columns = setInColumns(paragraphs.join(''), 3, 16, 20);
  const written = writtenRowByRow(columns);
  const plain = deinterleaved(written);
  assert.ok(plain);
  let blocks: readonly { text: string }[][] = [];
  let seen: number[][] = [];
  // (giving back what was found changes nothing)
  assert.deepEqual(
    deinterleaved(written, (b, found) => {
      blocks = b;
      return (seen = found);
    }),
    plain,
  );
  assert.ok(seen.length >= 3);
  // the chains the other way round: the last one's lines come first
  const reversed = deinterleaved(written, (_, found) => [...found].reverse());
  const expected = [...seen].reverse().flatMap((c) => c.flatMap((k) => blocks[k].map((l) => l.text)));
  assert.deepEqual(reversed?.lines.map((l) => l.text), expected);
  assert.notDeepEqual(expected, plain.lines.map((l) => l.text));
});

test('the deinterleave report counts the links of columns found against a reading order, and writes the bounds', () => {
  // a page of three columns, and a reading order (as `-raw` writes one) that reads the second column in the middle of the first
  const columns = setInColumns(paragraphs.join(''), 3, 16, 20);
  const written = writtenRowByRow(columns);
  const reading = [...columns[0].slice(0, 10), ...columns[1], ...columns[0].slice(10), ...columns[2]];
  const dir = tempDir('deinterleave-report');
  writeFileSync(join(dir, 'x.default.txt'), written);
  writeFileSync(join(dir, 'x.raw.txt'), reading.join('\n') + '\n');
  // counted here: a link found is right where its two lines stand one after the other in the reading order
  let blocks: readonly { text: string }[][] = [];
  let found: number[][] = [];
  deinterleaved(written, (b, f) => ((blocks = b), (found = f)));
  const next = new Map(reading.slice(0, -1).map((l, k) => [l, reading[k + 1]]));
  const links = found.flatMap((c) => c.slice(0, -1).map((k, q) => [blocks[k][0].text, blocks[c[q + 1]][0].text] as const));
  const right = links.filter(([a, b]) => next.get(a) === b).length;
  assert.ok(right < links.length, 'the first column read on past its tenth line is a link the reading order does not have');
  const out = join(dir, 'out');
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools', 'deinterleave-report.ts'), dir, '--write', out], { encoding: 'utf8', cwd: ROOT });
  assert.equal(r.status, 0, r.stderr);
  // of the reading order's 59 steps, three go back to a line written before (to the second column's top, back to the
  // first column, to the third's top): 56 links within columns, in 4 chains
  assert.match(r.stdout, new RegExp(`x: 60 blocks, 56 links in columns, found ${right}, wrong ${links.length - right}; ${found.length} chains found, 4 in the reading order`));
  // the bounds: the reading order's chains in the order they start, or in reading order; the chains found in reading order
  const text = (variant: string) => readFileSync(join(out, variant, 'x.txt'), 'utf8').trim().split('\n');
  assert.deepEqual(text('true-order'), reading);
  assert.deepEqual(text('true-columns'), [...columns[0].slice(0, 10), ...columns[1], ...columns[2], ...columns[0].slice(10)]);
  assert.equal(text('found-in-order').length, 60);
});
