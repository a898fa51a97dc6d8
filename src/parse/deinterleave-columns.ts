// pdftotext's default mode (no -raw, no -layout) writes a page whose columns
// stand side by side row by row: one printed line of each column in turn,
// each as a block of its own between blank lines (poppler takes the aligned
// lines for a table's cells), or — where the font is embedded as Type 3 — a
// row as one line with the columns' lines set apart by spaces. This puts each
// column's lines back together before the stages see the text.
//
// The model: within a band of K columns, the line that continues line i is
// the one K blocks later. For every block and every distance d ≤ MAX_COLUMNS
// the link "block j − d → block j" is scored from the text alone (the pair of
// characters across the break, seen inside the page's own lines and inside
// words of general Chinese; the line widths of a justified column). A Viterbi
// pass chooses one distance per block (0: the block starts a column), paying
// for every change of distance, since a band keeps its period; the chosen
// links, strongest first, each block used once, make chains — the columns —
// written one after another.
import { BODY_PUNCT, displayWidth, endsSentence } from '../text/chars.js';
import { printedWidth, spreadByLetterSpacing } from './to-lines.js';
import { breaksWord, spansLongWord, wordPairFrequency } from '../text/word-pairs.js';
import { DATELINE_START, EDITORS_LINE, isRunningHead, PAGE_LABEL, PAGE_NUMBER, startsWithRole, WEEKDAY_ALONE } from '../text/press-patterns.js';

/** One line of the derived text and where it stands in the source (1-based line, column). */
export interface DerivedLine {
  text: string;
  line: number;
  column: number;
}

export interface Deinterleaved {
  lines: DerivedLine[];
  /** the derived text: `lines` joined by newlines (the running head's parts by spaces), a blank line around each headline stack
   * (between two stacks only where the source set them apart) */
  text: string;
  /** columns found (chains of more than one block) */
  columns: number;
  /** the period most blocks follow */
  period: number;
}

const MAX_COLUMNS = 8;
/** Below this share of blocks that look like single lines of one column's measure, text is not interleaved. */
const INTERLEAVED_SHARE = 0.3;
const MIN_BLOCKS = 20;
const MIN_ROWS = 10;
/** The widest column measure, in em, that interleaved lines are taken to be set to. */
const MAX_MEASURE = 30;
/** How many lines after the page label its date and editors may come, written as rows. */
const HEAD_REACH = 12;
/** Two pieces of a line set apart by a space. */
const PIECES = /\S{4} +\S{4}/;
/** Of the lines of one measure, at least this share carry clause punctuation where they are running text. */
const PUNCTUATED_SHARE = 0.4;
/** How much wider than the measure, in em, a piece of a row may be (a hung punctuation mark, a letter-spaced line). */
const WIDER_THAN_MEASURE = 2;
/** Each piece of a line of several columns (but the last) is at least this share of the measure. */
const MIN_CELL = 0.4;
/** What a change of period costs, and what starting (or ending) a column costs, against link evidence. */
const PERIOD_CHANGE = 3;
const START_COST = 2;
const HEADLINE_COST = 2;
const LONG_WORD = 2;
/** A bracket or quote left open at a line's end and closed at the start of the next (`（记者 张浩` / `呈 通讯员 周永卫）`). */
const CLOSED_ACROSS = 2;
/** What continuing a column into a line that opens with a dateline (`本报讯`) costs. */
const DATELINE_COST = 4;
const PARAGRAPH_END = /[。！？”）…；：]$/;

type Block = DerivedLine[];
/** How pdftotext wrote a row of side-by-side column lines: a block per line, or one line of pieces. */
type Kind = 'blocks' | 'rows';

/** Blank-line separated blocks, each a list of its non-blank lines with their places. */
function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  let current: Block = [];
  text.split('\n').forEach((raw, k) => {
    const t = raw.replace(/\r$/, '');
    if (!t.trim()) {
      if (current.length) blocks.push(current);
      current = [];
      return;
    }
    const lead = t.length - t.trimStart().length;
    current.push({ text: t.trim(), line: k + 1, column: lead + 1 });
  });
  if (current.length) blocks.push(current);
  return blocks;
}

/** The measure most one-line blocks are set to, in em (the column width of the body text). */
function commonMeasure(blocks: Block[]): number {
  const counts = new Map<number, number>();
  for (const b of blocks) {
    for (const l of b) {
      const w = Math.round(displayWidth(l.text));
      if (w >= 6) counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  let best = 20;
  let n = 0;
  for (const [w, c] of counts) if (c > n || (c === n && w < best)) [best, n] = [w, c];
  return best;
}

/**
 * How the text interleaves its columns, if it does. pdftotext's default mode
 * writes a row of side-by-side column lines either as blocks of one line each
 * (`blocks`: most blocks a single line of about one measure) or, in other
 * versions, as one line with the column lines set apart by spaces (`rows`:
 * many lines made of several pieces of about one measure).
 */
export function interleaving(text: string): Kind | null {
  return mayInterleave(text) ? interleavingOf(blocksOf(text)) : null;
}

function interleavingOf(blocks: Block[]): Kind | null {
  const single = blocks.filter((b) => b.length === 1);
  if (blocks.length >= MIN_BLOCKS && single.length > 0) {
    const mode = commonMeasure(single);
    const near = single.filter((b) => Math.abs(Math.round(displayWidth(b[0].text)) - mode) <= 2);
    // lines of running text carry clause punctuation; a run of headlines of one width does not
    const punctuated = near.filter((b) => BODY_PUNCT.test(b[0].text)).length;
    if (mode <= MAX_MEASURE && near.length >= MIN_BLOCKS / 2 && near.length / blocks.length >= INTERLEAVED_SHARE && punctuated >= near.length * PUNCTUATED_SHARE) return 'blocks';
  }
  const lines = blocks.flat();
  // (too few lines with a space in them to be rows: no need to measure pieces)
  if (lines.filter((l) => l.text.includes(' ')).length < MIN_ROWS) return null;
  const measure = rowMeasure(lines);
  if (measure > MAX_MEASURE) return null;
  const rows = lines.filter((l) => cellsOf(l, measure, true).length >= 2).length;
  return rows >= MIN_ROWS && rows / Math.max(1, lines.length) >= INTERLEAVED_SHARE ? 'rows' : null;
}

/** A cheap first look, for the many texts that are not interleaved: too few short lines, too few lines of pieces. */
function mayInterleave(text: string): boolean {
  let short = 0;
  let spaced = 0;
  for (const line of text.split('\n')) {
    const t = line.trim();
    if (t.length >= 4 && t.length <= MAX_MEASURE + 2) short++;
    if (PIECES.test(t)) spaced++;
    if (short >= MIN_BLOCKS || spaced >= MIN_ROWS) return true;
  }
  return false;
}

/** A word of a line between spaces, as offsets into it; `letter`: a run of letter-spaced characters. */
interface Word {
  start: number;
  end: number;
  letter: boolean;
}

/** The words of a line between spaces; a letter-spaced run (one character between spaces) is one word. */
function spacedWords(text: string): Word[] {
  const words: Word[] = [];
  let at = 0;
  for (const token of text.split(' ')) {
    const start = at;
    at += token.length + 1;
    if (!token) continue;
    const letter = [...token].length === 1;
    const last = words[words.length - 1];
    if (letter && last?.letter) last.end = start + token.length;
    else words.push({ start, end: start + token.length, letter });
  }
  return words;
}

/** The width a line is set to: its characters', or the whole measure for one pdftotext wrote letter-spaced (`团 组 ， 参 加`). */
function setWidth(text: string, measure: number): number {
  return spreadByLetterSpacing(text) ? Math.max(measure, printedWidth(text)) : displayWidth(text);
}

/**
 * The lines of several columns that pdftotext wrote as one, set apart by
 * spaces. A line stays whole unless each piece but the last is a good part of
 * a column's line, and the line is half again as wide as the measure — or,
 * where the text is written as rows, its first piece is a column's full line.
 */
function cellsOf(line: DerivedLine, measure: number, rows = false): DerivedLine[] {
  const words = spacedWords(line.text);
  const width = (w: Word) => printedWidth(line.text.slice(w.start, w.end));
  const cut = (pieces: Word[]) => pieces.map((w) => ({ text: line.text.slice(w.start, w.end), line: line.line, column: line.column + w.start }));
  // (no column's line is wider than the measure: a line with such a piece is a paragraph, say `本报讯 记者… 报道 …`)
  if (rows && words.some((w) => width(w) > measure + WIDER_THAN_MEASURE)) return [line];
  // a row holding a column's full line: its other pieces are column lines too, short words packed with their neighbours
  if (rows && words.some((w) => width(w) >= measure - 3)) {
    const pieces = packed(line.text, words, measure);
    return pieces.length >= 2 ? cut(pieces) : [line];
  }
  if (words.length < 2 || words.slice(0, -1).some((w) => width(w) < MIN_CELL * measure)) return [line];
  if (printedWidth(line.text) < 1.5 * measure && !(rows && width(words[0]) >= measure - 3)) return [line];
  return cut(words);
}

const CJK_PUNCT_END = /[。，、；：！？”’）》]$/;

/**
 * Words packed into column lines: a piece takes the next word while it stays
 * within the measure and is not yet about a full line — so a column's line
 * with spaces of its own (`本报讯（记者 万笑影 通讯员 谭狄`) stays one.
 */
function packed(text: string, words: Word[], measure: number): Word[] {
  const out: Word[] = [];
  for (const w of words) {
    const last = out[out.length - 1];
    const lastWidth = last ? printedWidth(text.slice(last.start, last.end)) : 0;
    // (no column line has a space after its own full-width punctuation: there, a piece has ended)
    const ended = last && CJK_PUNCT_END.test(text.slice(last.start, last.end));
    if (last && !ended && lastWidth < measure - 2.5 && printedWidth(text.slice(last.start, w.end)) <= measure + 1.5) last.end = w.end;
    else out.push({ ...w });
  }
  return out;
}

/** The measure of the pieces that lines written as rows are made of. */
function rowMeasure(lines: DerivedLine[]): number {
  return commonMeasure(lines.flatMap((l) => spacedWords(l.text).map((w) => [{ ...l, text: l.text.slice(w.start, w.end).replace(/ /g, '') }])));
}

/** The blocks of an interleaved text, each line of several columns taken apart into its columns' lines. */
function unitsOf(blocks: Block[], kind: Kind): { head: Block; blocks: Block[]; measure: number } {
  const { head, rest } = runningHeadOf(blocks);
  if (kind === 'blocks') {
    const measure = commonMeasure(rest);
    return { head, blocks: rest.flatMap((b) => (b.length === 1 ? cellsOf(b[0], measure).map((c) => [c]) : [b])), measure };
  }
  const measure = rowMeasure(rest.flat());
  return { head, blocks: rest.flatMap((b) => b.flatMap((l) => cellsOf(l, measure, true).map((c) => [c]))), measure };
}

/**
 * The running head (版次, date, editors), which comes as a block per item, or
 * — written as rows — its page label on the first line and its date and
 * editors a few lines on: written back on one line, as the page prints it, the
 * stages know it.
 */
function runningHeadOf(blocks: Block[]): { head: Block; rest: Block[] } {
  for (let k = 2; k <= Math.min(4, blocks.length); k++) {
    const head = blocks.slice(0, k);
    if (!head.every((b) => b.length === 1) || !isRunningHead(head.map((b) => b[0].text).join(' '))) continue;
    // (a label and its date are a running head already: the editors' line, if it comes next, belongs to it too)
    while (k < 4 && blocks[k]?.length === 1 && EDITORS_LINE.test(blocks[k][0].text)) k++;
    return { head: blocks.slice(0, k).flat(), rest: blocks.slice(k) };
  }
  const label = blocks[0]?.[0];
  // the editors alone, their date and label printed elsewhere on the page
  if (label && blocks[0].length === 1 && EDITORS_LINE.test(label.text)) return { head: [label], rest: blocks.slice(1) };
  // (the page's number and its section's name may come as blocks of their own: `第四版` / `工会`)
  const section = blocks[0]?.length === 1 && blocks[1]?.length === 1 && PAGE_NUMBER.test(label?.text ?? '') ? blocks[1][0] : undefined;
  const labels = section && PAGE_LABEL.test(`${label.text} ${section.text}`) ? [label, section] : [label];
  const labelText = labels.map((l) => l.text).join(' ');
  if (!label || !PAGE_LABEL.test(labelText)) return { head: [], rest: blocks };
  const dated = blocks.flat().slice(labels.length, labels.length + HEAD_REACH).find((l) => isRunningHead(`${labelText} ${l.text}`));
  if (!dated) return { head: [], rest: blocks };
  // (and the weekday and the editors, when they come right after the date: `星期五` / `责任编辑 沈一帆`)
  const flat = blocks.flat();
  const after: DerivedLine[] = [];
  for (let k = flat.indexOf(dated) + 1; k < flat.length && after.length < 2 && (WEEKDAY_ALONE.test(flat[k].text) || EDITORS_LINE.test(flat[k].text)); k++) after.push(flat[k]);
  const head = [...labels, dated, ...after];
  const rest = blocks.map((b) => b.filter((l) => !head.includes(l))).filter((b) => b.length > 0);
  return { head, rest };
}


/** Character pairs and triples inside the page's own lines. */
function pageNgrams(blocks: Block[]): { pairs: Map<string, number>; triples: Set<string> } {
  const pairs = new Map<string, number>();
  const triples = new Set<string>();
  for (const b of blocks) {
    for (const l of b) {
      const t = l.text.replace(/ /g, '');
      for (let k = 0; k + 1 < t.length; k++) pairs.set(t.slice(k, k + 2), (pairs.get(t.slice(k, k + 2)) ?? 0) + 1);
      for (let k = 0; k + 2 < t.length; k++) triples.add(t.slice(k, k + 3));
    }
  }
  return { pairs, triples };
}

/**
 * A block of a line or two, off the column's measure, with no clause
 * punctuation: set as a headline. (A line that opens with a dateline or a
 * byline's role is a column's first line, however short.) Stricter than
 * press-patterns' looksLikeHeadline, which lets a comma or 、 through: a
 * narrow column's short line often carries one, and measured worse so.
 */
function setAsHeadline(block: Block, measure: number): boolean {
  if (block.length > 2) return false;
  return block.every((l) => {
    const w = setWidth(l.text, measure);
    return !BODY_PUNCT.test(l.text) && !DATELINE_START.test(l.text) && !startsWithRole(l.text) && (w < measure - 2.5 || w > measure + 1.6);
  });
}

/** What the links of a block look at: its first and last lines without spaces, the widths they are set to, its headline look. */
interface Ends {
  first: string;
  last: string;
  firstWidth: number;
  lastWidth: number;
  headline: boolean;
}

function endsOf(block: Block, measure: number): Ends {
  const first = block[0].text;
  const last = block[block.length - 1].text;
  return {
    first: first.replace(/ /g, ''),
    last: last.replace(/ /g, ''),
    firstWidth: setWidth(first, measure),
    lastWidth: setWidth(last, measure),
    headline: setAsHeadline(block, measure),
  };
}

/** How well block `next` continues block `prev` in one column: evidence, in nats-like units. */
function linkEvidence(prev: Ends, next: Ends, measure: number, ngrams: ReturnType<typeof pageNgrams>): number {
  const a = prev.last;
  const b = next.first;
  if (!a || !b) return -5;
  const pair = a.slice(-1) + b[0];
  let s = Math.log1p(ngrams.pairs.get(pair) ?? 0) + Math.log1p(wordPairFrequency(pair) / 100);
  if (a.length >= 2 && ngrams.triples.has(a.slice(-2) + b[0])) s += 0.7;
  if (b.length >= 2 && ngrams.triples.has(a.slice(-1) + b.slice(0, 2))) s += 0.7;
  if (spansLongWord(a, b)) s += LONG_WORD;
  if (closesAcross(a, b)) s += CLOSED_ACROSS;
  // a dateline opens a story: no column's line goes on into it
  if (DATELINE_START.test(b)) s -= DATELINE_COST;
  const wa = prev.lastWidth;
  const wb = next.firstWidth;
  // wider than the measure: not a line of this column
  if (wb > measure + 1.6) s -= 2;
  // a headline (off the measure, no clause punctuation) is no line of a column
  if (prev.headline) s -= HEADLINE_COST;
  if (next.headline) s -= HEADLINE_COST;
  // a line clearly short of the measure (more than an indent and a hung quote) ends its paragraph (so should end a
  // sentence), and the column's next line starts one (indented)
  if (wa < measure - 3) {
    if (!PARAGRAPH_END.test(a)) s -= 1;
    if (wb >= measure - 0.6) s -= 1.5;
  }
  return s;
}

/** Each opening bracket or quote, and each closing one, as the kind of pair it belongs to (half- and full-width parentheses one kind). */
const OPENS: Record<string, string> = { '(': '(', '（': '(', '“': '“', '‘': '‘', '《': '《', '〈': '〈', '【': '【', '「': '「' };
const CLOSES: Record<string, string> = { ')': '(', '）': '(', '”': '“', '’': '‘', '》': '《', '〉': '〈', '】': '【', '」': '「' };

/** The brackets and quotes a text leaves open at its end (innermost last), and those it closes without having opened them. */
function bracketBalance(text: string): { open: string[]; closedFirst: string[] } {
  const open: string[] = [];
  const closedFirst: string[] = [];
  for (const ch of text) {
    const opens = OPENS[ch];
    if (opens) {
      open.push(opens);
      continue;
    }
    const closes = CLOSES[ch];
    if (!closes) continue;
    if (open[open.length - 1] === closes) open.pop();
    else if (!open.length) closedFirst.push(closes);
  }
  return { open, closedFirst };
}

/** `a` leaves a bracket or quote open that `b` closes before opening any: the two read on as one. */
function closesAcross(a: string, b: string): boolean {
  const { open } = bracketBalance(a);
  if (!open.length) return false;
  const { closedFirst } = bracketBalance(b);
  return closedFirst.length > 0 && closedFirst[0] === open[open.length - 1];
}

/** One distance per block (0: it starts a column), by Viterbi over link evidence with a cost for every change. */
function choosePeriods(evidence: Array<Array<number | null>>): number[] {
  const n = evidence.length;
  const states = MAX_COLUMNS + 1;
  const score: Float64Array[] = [];
  const back: Int8Array[] = [];
  for (let j = 0; j < n; j++) {
    score.push(new Float64Array(states).fill(-Infinity));
    back.push(new Int8Array(states));
    for (let d = 0; d < states; d++) {
      const emit = d === 0 ? 0 : evidence[j][d];
      if (emit === null) continue;
      if (j === 0) {
        score[j][d] = emit;
        continue;
      }
      let best = -Infinity;
      for (let p = 0; p < states; p++) {
        const cost = p === d ? 0 : p === 0 || d === 0 ? START_COST : PERIOD_CHANGE * Math.min(Math.abs(p - d), 2);
        const t = score[j - 1][p] - cost;
        if (t > best) [best, back[j][d]] = [t, p];
      }
      score[j][d] = best + emit;
    }
  }
  const periods = new Array<number>(n).fill(0);
  if (n === 0) return periods;
  let d = 0;
  for (let s = 1; s < states; s++) if (score[n - 1][s] > score[n - 1][d]) d = s;
  for (let j = n - 1; j >= 0; j--) {
    periods[j] = d;
    d = back[j][d];
  }
  return periods;
}

/** The chosen links, strongest first, each block continuing at most one and continued by at most one. */
function chainsFrom(periods: number[], evidence: Array<Array<number | null>>): number[][] {
  const links = periods
    .map((d, j) => ({ j, i: j - d, s: d > 0 ? (evidence[j][d] ?? -Infinity) : -Infinity }))
    .filter((l) => l.i < l.j)
    .sort((x, y) => y.s - x.s || x.j - y.j);
  const next = new Map<number, number>();
  const hasPrev = new Set<number>();
  for (const { i, j } of links) {
    if (next.has(i) || hasPrev.has(j)) continue;
    next.set(i, j);
    hasPrev.add(j);
  }
  const chains: number[][] = [];
  for (let j = 0; j < periods.length; j++) {
    if (hasPrev.has(j)) continue;
    const chain = [j];
    for (let k = next.get(j); k !== undefined; k = next.get(k)) chain.push(k);
    chains.push(chain);
  }
  return chains;
}

/** What no sentence begins with: a particle that follows a word (`的便利`), or punctuation that closes. */
const NO_SENTENCE_START = /^[的了着地得之，。、；：！？”’）》]/;

/**
 * A headline stack written between a column's line that stops mid-sentence and the column that goes on that
 * sentence (`…数字化改革带来` / `如何应对疫情高峰？` / `的便利。日前…`: a word read across the break, or a particle no
 * sentence starts with, and no word read into the stack) cut through the column when pdftotext wrote its rows: the
 * column goes on first, the stack is written after it.
 */
function stacksOutOfTheWay(chains: number[][], ends: Ends[], blocks: Block[]): number[][] {
  const out = [...chains];
  const lines = (c: number[]) => c.reduce((n, k) => n + blocks[k].length, 0);
  const isStack = (c: number[]) => c.length === 1 && ends[c[0]].headline;
  for (let i = 0; i + 2 < out.length; i++) {
    // (columns of running text, a line or more each: a masthead's lines are no column)
    if (isStack(out[i]) || lines(out[i]) < 2) continue;
    let k = i + 1;
    while (k < out.length && isStack(out[k])) k++;
    if (k === i + 1 || k === out.length || lines(out[k]) < 2) continue;
    const a = ends[out[i][out[i].length - 1]].last;
    const c = ends[out[k][0]].first;
    const goesOn = !endsSentence(a) && !DATELINE_START.test(c) && (breaksWord(a, c) || NO_SENTENCE_START.test(c));
    if (goesOn && !breaksWord(a, ends[out[i + 1][0]].first)) out.splice(i + 1, 0, ...out.splice(k, 1));
  }
  return out;
}

/**
 * Columns chosen in place of those found, given the blocks the text is read in
 * and the chains found (block indexes, in the order they are written): how
 * tools/deinterleave-report.ts measures what other columns would give.
 */
export type ChooseColumns = (blocks: readonly DerivedLine[][], found: number[][]) => number[][];

/**
 * The page's lines, each column's lines together, columns in the order they
 * start; null when the text does not interleave its columns.
 */
export function deinterleaved(text: string, choose?: ChooseColumns): Deinterleaved | null {
  if (!mayInterleave(text)) return null;
  const blocks = blocksOf(text);
  const kind = interleavingOf(blocks);
  return kind ? fromBlocks(blocks, kind, choose) : null;
}

/** The columns of a text taken as interleaved in the given form (or the one it shows). */
export function deinterleaveColumns(text: string, kind?: Kind): Deinterleaved {
  const blocks = blocksOf(text);
  return fromBlocks(blocks, kind ?? interleavingOf(blocks) ?? 'blocks');
}

function fromBlocks(source: Block[], kind: Kind, choose?: ChooseColumns): Deinterleaved {
  const { head, blocks, measure } = unitsOf(source, kind);
  const ngrams = pageNgrams(blocks);
  const ends = blocks.map((b) => endsOf(b, measure));
  const evidence = blocks.map((_, j) => {
    const row: Array<number | null> = [null];
    for (let d = 1; d <= MAX_COLUMNS; d++) row.push(j - d >= 0 ? linkEvidence(ends[j - d], ends[j], measure, ngrams) : null);
    return row;
  });
  const periods = choosePeriods(evidence);
  const found = stacksOutOfTheWay(chainsFrom(periods, evidence), ends, blocks);
  const chains = choose ? choose(blocks, found) : found;
  const columns = chains.map((c) => c.flatMap((k) => blocks[k]));
  const counts = new Map<number, number>();
  for (const d of periods) if (d > 0) counts.set(d, (counts.get(d) ?? 0) + 1);
  const period = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  // a headline stack (blocks no column took) stands between blank lines, as a block of its own
  const stacked = chains.map((c) => c.length === 1 && ends[c[0]].headline);
  const apart = (i: number) => {
    if (stacked[i] !== stacked[i - 1]) return true;
    if (!stacked[i]) return false;
    // two stacks: apart where the source set them apart
    const a = columns[i - 1][columns[i - 1].length - 1];
    const b = columns[i][0];
    return b.line !== a.line && b.line !== a.line + 1;
  };
  const derived = columns.map((lines, i) => (i > 0 && apart(i) ? '\n' : '') + lines.map((l) => l.text).join('\n')).join('\n');
  const top = head.length ? `${head.map((l) => l.text).join(' ')}\n` : '';
  return { lines: [...head, ...columns.flat()], text: `${top}${derived}\n`, columns: chains.filter((c) => c.length > 1).length, period };
}
