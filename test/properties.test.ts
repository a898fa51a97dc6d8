// Invariants of the page tree, checked on generated input (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PageFile, runPipeline, checkTree, leavesOf, toLines, reflow, SourceText, textOf } from '../src/index.js';
import type { BlockNode, PageRoot } from '../src/index.js';

const CJK = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞';
const cjkChar = fc.constantFrom(...CJK);
const sentence = fc
  .tuple(fc.array(fc.array(cjkChar, { minLength: 2, maxLength: 9 }).map((a) => a.join('')), { minLength: 1, maxLength: 4 }), fc.constantFrom('。', '！', '？'))
  .map(([clauses, end]) => clauses.join('，') + end);
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(''));
const longParagraph = fc.array(sentence, { minLength: 3, maxLength: 8 }).map((s) => s.join(''));

/**
 * Hard-wraps a paragraph at `width` characters, as a column does: punctuation
 * that print never sets at the start of a line (closing quotes too) hangs at the end of the one before.
 */
function wrap(p: string, width: number): string[] {
  const lines: string[] = [];
  let i = 0;
  while (i < p.length) {
    let end = Math.min(i + width, p.length);
    while (end < p.length && /[，。！？”]/.test(p[end])) end++;
    lines.push(p.slice(i, end));
    i = end;
  }
  return lines;
}

/** Puts the spaces of justified print between some characters of a line. */
function justify(line: string, every: number): string {
  if (every === 0) return line;
  return [...line].map((ch, i) => (i > 0 && i % every === 0 ? ` ${ch}` : ch)).join('');
}

function blocks(tree: PageRoot): BlockNode[] {
  return tree.children.filter((c): c is BlockNode => c.type === 'block');
}

test('tiling: on any text, the leaves of every stage reproduce the source exactly', () => {
  const piece = fc.oneof(
    fc.string({ maxLength: 8 }),
    cjkChar,
    fc.constantFrom('\n', '\r\n', '\n\n', '  ', '\u3000', '# ', '## ', '本报讯 ', '记者张三 ', '摄', '（紧接第一版）', '。', '，', '\t', '\f'),
  );
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      for (const until of ['lines', 'reflow', 'masthead', 'segment', 'link'] as const) {
        const file = new PageFile('t', text);
        const tree = runPipeline(file, until);
        assert.deepEqual(checkTree(tree, text), [], `after ${until}`);
        assert.equal(leavesOf(tree).map((l) => l.value).join(''), text);
      }
    }),
    { numRuns: 300 },
  );
});

test('reflow round-trip: paragraphs hard-wrapped at a column width, with justified spaces, come back whole', () => {
  fc.assert(
    fc.property(
      fc.array(paragraph, { minLength: 1, maxLength: 6 }),
      fc.integer({ min: 10, max: 22 }),
      fc.integer({ min: 0, max: 5 }),
      fc.boolean(),
      (paras, width, every, blankBetween) => {
        // print's own rule: a paragraph's last line is visibly short of the column
        const printable = paras.filter((p) => {
          const lines = wrap(p, width);
          return lines.length >= 2 && lines[lines.length - 1].length <= width - 3;
        });
        fc.pre(printable.length > 0);
        const text = printable.map((p) => wrap(p, width).map((l) => justify(l, every)).join('\n')).join(blankBetween ? '\n\n' : '\n');
        const file = new PageFile('t', text);
        const tree = reflow()(toLines(file.source), file);
        assert.deepEqual(blocks(tree).map(textOf), printable);
      },
    ),
    { numRuns: 300 },
  );
});

test('reflow joins a sentence split by a blank line (a column break)', () => {
  fc.assert(
    fc.property(paragraph, fc.integer({ min: 12, max: 20 }), (p, width) => {
      const lines = wrap(p, width);
      fc.pre(lines.length >= 4 && lines[lines.length - 1].length <= width - 3);
      const cut = Math.floor(lines.length / 2);
      fc.pre(!/[。！？]$/.test(lines[cut - 1]));
      const text = [...lines.slice(0, cut), '', ...lines.slice(cut)].join('\n');
      const file = new PageFile('t', text);
      const tree = reflow()(toLines(file.source), file);
      assert.deepEqual(blocks(tree).map(textOf), [p]);
    }),
    { numRuns: 200 },
  );
});

test('reflow tells paragraphs apart by their first-line indent when an extractor dropped it and the blank lines', () => {
  fc.assert(
    fc.property(fc.array(longParagraph, { minLength: 2, maxLength: 6 }), fc.integer({ min: 10, max: 20 }), (paras, width) => {
      // print indents a paragraph's first line by two characters; pdftotext -raw writes it flush, with no blank line
      // between paragraphs, so a paragraph whose last line is full runs straight into the next
      const printed = paras.map((p) => {
        const first = wrap(p, width - 2)[0];
        return [first, ...wrap(p.slice(first.length), width)];
      });
      // news paragraphs run to several lines: their full lines are what the column is told from
      fc.pre(printed.every((lines) => lines.length >= 4 && lines[0].length === width - 2));
      const file = new PageFile('t', printed.flat().join('\n'));
      const tree = reflow()(toLines(file.source), file);
      assert.deepEqual(blocks(tree).map(textOf), paras);
    }),
    {
      numRuns: 300,
      examples: [
        // found by a long run: every widest line ending in a comma by chance, and a paragraph's last line one short of
        // the column, had made the column one narrower, as if the commas hung past it
        [['的的的的的，的的的的的的的，的的的的。的的，的的的的，的的的。的的的的，的的的，的的的的的的的的的。的的的的，的的的的的的的。的的，的的的的的的。', '的的的的。的的的的的的的，的的的的的的的，的的的的的的的。的的的。的的，的的，的的，的的的的的的。的的的的的，的的。'], 19],
      ],
    },
  );
});

// pdftotext -raw breaks a printed line before a quote mark and letter-spaces justified lines;
// a quarter of the clauses quoted, as in news text
const quotedSentence = fc
  .tuple(fc.array(fc.tuple(fc.array(cjkChar, { minLength: 2, maxLength: 9 }).map((a) => a.join('')), fc.integer({ min: 0, max: 3 }).map((k) => k === 0)), { minLength: 1, maxLength: 4 }), fc.constantFrom('。', '！', '？'))
  .map(([clauses, end]) => clauses.map(([c, quoted]) => (quoted ? `“${c}”` : c)).join('，') + end);
const quotedParagraph = fc.array(quotedSentence, { minLength: 3, maxLength: 8 }).map((s) => s.join(''));

test('reflow rejoins a printed line that an extractor broke at its quote marks, and letter-spaced lines', () => {
  fc.assert(
    fc.property(quotedParagraph, fc.integer({ min: 14, max: 20 }), fc.nat(), (p, width, seed) => {
      const lines = wrap(p, width);
      // enough printed lines to tell the column from; at most one quotation for every two of them
      // (with more, the pieces outnumber the whole lines and no column can be told)
      fc.pre(lines.length >= 6 && lines[lines.length - 1].length <= width - 3);
      fc.pre((p.match(/“/g) ?? []).length <= lines.length / 2);
      // (print never ends a line with an opening quote; this wrap does not keep it from that)
      fc.pre(!lines.some((l) => l.endsWith('“')));
      const source: string[] = [];
      lines.forEach((line, k) => {
        // in every third line, the first quote mark inside it starts a new source line, except an opening one after a
        // sentence's end, where a new paragraph could start as well
        const at = line.slice(1).search(/(?<![。！？])[“”]/) + 1;
        const pieces = at > 0 && k % 3 === seed % 3 ? [line.slice(0, at), line.slice(at)] : [line];
        // another third letter-spaced, as justified print comes out of some extractors
        source.push(...(k % 3 === (seed + 1) % 3 ? pieces.map((x) => [...x].join(' ')) : pieces));
      });
      const file = new PageFile('t', source.join('\n'));
      const tree = reflow()(toLines(file.source), file);
      assert.deepEqual(blocks(tree).map((b) => textOf(b).replace(/ /g, '')), [p]);
    }),
    {
      numRuns: 300,
      examples: [
        // found by CI runs: pieces broken at quote marks outnumbering the whole lines, whose widths told the column
        // instead; every widest line ending in a closing quote and the mark after it, both hung past the column
        ['“的的的的的的的”，的的的的，的的的的的。的的的，的的的。的的的，的的的的的的的的，的的的的的的。的的的的的的的的，的的的的，“的的的的”，的的的的。的的的的的的的，的的，的的的，的的的的的。“的的的的的的的的的”，“的的的的的的的”，的的的的的的，的的。', 18, 0],
        ['的的的的，的的的，的的的的的，“的的的”。的的的的的的的的的，“的的的的的的的的”。的的的的，的的的的的的的的的，的的，的的的的的的的的。的的，的的的的的的。的的的的的，的的的，“的的的的的的的的的”，的的。', 19, 1707423431],
        // a line stopping at a comma with a quote opened beside it (`…的的，` + `“的的”。`), taken for an indented first line
        ['的的的的，的的。的的的的的的的的，的的的的的的。的的的的，“的的的的的的”，的的的的的，的的的的的的的。的的的的的的的，的的，“的的的的的的的”，的的。的的的的，的的的的的的的，的的，“的的”。的的。', 19, 421822267],
      ],
    },
  );
});

test('stages are pure: frozen input is not touched, and the same input gives the same tree', () => {
  const text = '本报讯 记者张三报道 今天上午，\n会议在杭州召开。\n\n会议指出，要\n\n抓好落实。\n\n标题在这里\n';
  const deepFreeze = <T>(o: T): T => {
    if (o && typeof o === 'object') {
      for (const v of Object.values(o)) deepFreeze(v);
      Object.freeze(o);
    }
    return o;
  };
  const file1 = new PageFile('t', text);
  const lines = deepFreeze(toLines(file1.source));
  const a = reflow()(lines, file1);
  const b = reflow()(lines, new PageFile('t', text));
  assert.deepEqual(a, b);
  const full1 = runPipeline(new PageFile('t', text));
  const full2 = runPipeline(new PageFile('t', text));
  assert.deepEqual(full1, full2);
});

test('positions: every leaf says where it is, 1-based line and column, 0-based offset', () => {
  fc.assert(
    fc.property(fc.array(fc.oneof(cjkChar, fc.constantFrom('\n', ' ', 'a', '\r\n')), { maxLength: 80 }), (chars) => {
      const text = chars.join('');
      const source = new SourceText(text);
      for (const leaf of leavesOf(toLines(source))) {
        const { start } = leaf.position;
        const before = text.slice(0, start.offset);
        assert.equal(start.line, before.split('\n').length);
        assert.equal(start.column, before.length - (before.lastIndexOf('\n') + 1) + 1);
      }
    }),
    { numRuns: 200 },
  );
});

test('index terms are the tokenizer’s terms: every token’s source slice folds to its term', async () => {
  const { tokenize, indexTerms, unigramTerm, bigramTerm } = await import('../src/search/tokenize.js');
  const { fold } = await import('../src/search/fold.js');
  fc.assert(
    fc.property(fc.array(fc.oneof(cjkChar, fc.constantFrom('貿', '易', 'Ａ', 'b', ' ', '\n', '。', '１', '臺')), { maxLength: 40 }), (chars) => {
      const text = chars.join('');
      const { unigrams, bigrams } = tokenize(text);
      for (const t of unigrams) assert.equal(unigramTerm(fold(text.slice(t.start, t.end)).codePointAt(0)!), t.term);
      for (const t of bigrams) {
        const [a, b] = [...fold(text.slice(t.start, t.end))].map((c) => c.codePointAt(0)!);
        assert.equal(bigramTerm(a, b), t.term);
      }
      const fast = indexTerms(text);
      assert.deepEqual(fast.bigrams.split(' ').filter(Boolean), bigrams.map((t) => t.term));
      assert.deepEqual(new Set(fast.unigrams.split(' ').filter(Boolean)), new Set(unigrams.map((t) => t.term)));
    }),
    { numRuns: 300 },
  );
});

test('folding a text is folding each printed character, every folded unit points back to the character it came from, and the index folds alike', async () => {
  const { foldText, foldChar } = await import('../src/search/fold.js');
  const { foldedCodes } = await import('../src/search/postings.js');
  // width forms, traditional, compatibility forms that fold to several units, white space, pairs and lone surrogates
  const odd = fc.constantFrom('貿', '臺', 'Ａ', 'ｶ', 'ﾞ', '㈱', 'ﬁ', '½', 'Ⅻ', ' ', '\u3000', '\n', '𠮷', '\ud800', '\udc00', 'É');
  fc.assert(
    fc.property(fc.array(fc.oneof(cjkChar, odd), { maxLength: 60 }), (chars) => {
      const printed = chars.join('');
      let text = '';
      const origin: number[] = [];
      const codes: number[] = [];
      for (let i = 0; i < printed.length; ) {
        const ch = String.fromCodePoint(printed.codePointAt(i)!);
        const f = foldChar(ch);
        for (let k = 0; k < f.length; k++) origin.push(i);
        for (const c of f) codes.push(c.codePointAt(0)!);
        text += f;
        i += ch.length;
      }
      const got = foldText(printed);
      assert.equal(got.text, text);
      assert.deepEqual(Array.from(got.origin), origin);
      // the index's code points are each printed character's folded ones (two lone surrogates a space apart stay two)
      assert.deepEqual(Array.from(foldedCodes(printed)), codes);
    }),
    { numRuns: 500 },
  );
});

test('a score row computed near its headline answers as the whole row would: argmax (first of ties, one left out), max, scores at least a bar, the max of rows', async () => {
  const { Defaults, ScoreRow } = await import('../src/stages/link/score-row.js');
  const value = fc.constantFrom(-0.4, 0, 0.1, 0.2, 0.35, 0.5);
  const denseArgmax = (row: number[], except = -1) => {
    let best = -1;
    row.forEach((v, j) => {
      if (j !== except && (best < 0 || v > row[best])) best = j;
    });
    return best;
  };
  const rowOf = (defaults: number[]) =>
    fc.tuple(fc.integer({ min: -3, max: defaults.length + 3 }), fc.integer({ min: 0, max: defaults.length + 3 }), fc.array(value, { minLength: defaults.length + 6, maxLength: defaults.length + 6 }));
  fc.assert(
    fc.property(
      fc.array(value, { maxLength: 12 }).chain((d) => fc.tuple(fc.constant(d), fc.array(rowOf(d), { minLength: 1, maxLength: 3 }), fc.integer({ min: -1, max: 12 }))),
      ([defaultValues, specs, except]) => {
        const defaults = new Defaults(defaultValues);
        const rows = specs.map(([from, span, band]) => ScoreRow.band(from, from + span, defaults, (j) => band[j]));
        const dense = rows.map((r, k) => defaultValues.map((d, j) => (j >= Math.max(0, specs[k][0]) && j < specs[k][0] + specs[k][1] ? specs[k][2][j] : d)));
        rows.forEach((row, k) => {
          assert.deepEqual(defaultValues.map((_, j) => row.get(j)), dense[k]);
          assert.equal(row.argmax(), denseArgmax(dense[k]));
          const left = except < defaultValues.length ? except : -1;
          assert.equal(row.argmax(left), denseArgmax(dense[k], left));
          assert.equal(row.max(), dense[k].length ? Math.max(...dense[k]) : -Infinity);
          for (const bar of [-0.5, 0, 0.2]) assert.deepEqual(row.atLeast(bar), dense[k].flatMap((v, j) => (v >= bar ? [j] : [])));
        });
        const max = ScoreRow.max(rows);
        assert.deepEqual(defaultValues.map((_, j) => max.get(j)), defaultValues.map((_, j) => Math.max(...dense.map((r) => r[j]))));
      },
    ),
    { numRuns: 500 },
  );
});

test('a run of postings holds, for every character, pair and triple of each field, the articles, counts and places a plain count finds', async () => {
  const { PostingsBuilder, decodePostings, exactCounts, foldedCodes, FIELD_CODE, FIELD_ORDER, LENGTHS_TERM } = await import('../src/search/postings.js');
  // enough distinct pairs and triples (from a wide alphabet) that the builder's tables grow several times
  let seed = 7;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  const text = (n: number) => Array.from({ length: n }, () => (next() < 0.1 ? CJK[Math.floor(next() * 40)] : String.fromCodePoint(0x4e00 + Math.floor(next() * 3000)))).join('');
  const base = 65_536 * 3;
  const articles = Array.from({ length: 120 }, (_, k) => ({
    id: base + 5 + 3 * k,
    fields: { title: text(12), body: text(400), byline: k % 3 ? '' : text(4), caption: k % 5 ? '' : text(30) } as Record<(typeof FIELD_ORDER)[number], string>,
  }));
  const expected = new Map<string, Map<number, number[]>>();
  for (const { id, fields } of articles) {
    for (const field of FIELD_ORDER) {
      const codes = [...foldedCodes(fields[field])].map((c) => String.fromCodePoint(c));
      for (let n = 1; n <= 3; n++) {
        for (let i = 0; i + n <= codes.length; i++) {
          const term = FIELD_CODE[field] + codes.slice(i, i + n).join('');
          const docs = expected.get(term) ?? new Map<number, number[]>();
          expected.set(term, docs);
          docs.set(id, [...(docs.get(id) ?? []), i]);
        }
      }
    }
  }
  const builder = new PostingsBuilder(base);
  for (const { id, fields } of articles) builder.add(id, fields);
  const seen = new Set<string>();
  for (const [term, blob] of builder.encode()) {
    if (term === LENGTHS_TERM) continue;
    seen.add(term);
    const p = decodePostings(base, blob);
    const want = expected.get(term);
    assert.ok(want, `no such term: ${term}`);
    assert.deepEqual([...p.docs].map((d) => d + base), [...want.keys()], term);
    assert.deepEqual([...exactCounts(p)], [...want.values()].map((places) => places.length), term);
    if ([...term].length === 4) assert.deepEqual([...p.positions!], [...want.values()].flat(), term);
  }
  assert.equal(seen.size, expected.size);
  assert.ok(seen.size > 100_000, `only ${seen.size} terms`);
});

test('trigram postings keep counts past 255 and positions past 65,535; blobs of the older shape (ends, not counts) are read and merged into the new', async () => {
  const { PostingsBuilder, decodePostings, exactCounts, mergePostings } = await import('../src/search/postings.js');
  const builder = new PostingsBuilder(0);
  const none = { title: '', byline: '', caption: '' };
  builder.add(1, { ...none, body: '甲乙丙'.repeat(300) });
  builder.add(2, { ...none, body: `${'丁'.repeat(70_000)}甲乙丙` });
  const blobs = new Map(builder.encode());
  const tri = decodePostings(0, blobs.get('b甲乙丙')!);
  assert.deepEqual([...tri.docs], [1, 2]);
  assert.deepEqual([...exactCounts(tri)], [300, 1]);
  assert.deepEqual([...tri.positions!], [...Array.from({ length: 300 }, (_, k) => 3 * k), 70_000]);
  assert.equal(new Uint32Array(blobs.get('b甲乙丙')!.buffer, 0, 3)[1], 2 | 4 | 1, 'positions, counts, wide');

  // a blob as written before counts: u32 n, flags, k; u16 docs; padding; u32 ends; u16 positions
  const base = 2 * 65_536;
  const old = new Uint8Array(12 + 4 + 8 + 6);
  new Uint32Array(old.buffer, 0, 3).set([2, 2, 0]);
  new Uint16Array(old.buffer, 12, 2).set([1, 4]);
  new Uint32Array(old.buffer, 16, 2).set([2, 3]);
  new Uint16Array(old.buffer, 24, 3).set([5, 9, 2]);
  const read = decodePostings(base, old);
  assert.deepEqual([...exactCounts(read)], [2, 1]);
  assert.deepEqual([...read.positions!], [5, 9, 2]);
  const later = new PostingsBuilder(base + 100);
  later.add(base + 100, { ...none, body: `${'丁'.repeat(7)}甲乙丙` });
  const merged = mergePostings(base, [read, decodePostings(base + 100, new Map(later.encode()).get('b甲乙丙')!)]);
  const back = decodePostings(base, merged);
  assert.deepEqual([...back.docs], [1, 4, 100]);
  assert.deepEqual([...exactCounts(back)], [2, 1, 1]);
  assert.deepEqual([...back.positions!], [5, 9, 2, 7]);
  assert.equal(new Uint32Array(merged.buffer, merged.byteOffset, 3)[1], 2 | 4, 'merged into counts');
});
