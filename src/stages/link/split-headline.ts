import { displayWidth } from '../../text/chars.js';
import { breaksWord, wordPairFrequency } from '../../text/word-pairs.js';

/** How much shorter than the line above a headline line is when it is that line's wrapped tail, in em. */
const WRAP_SHORTER_BY = 4;
/** How often, summed over the word list, two characters stand inside words for a break between them to be a wrap by itself. */
const WRAP_STRONG_PAIR = 3000;

/** One line of a headline stack as the splitter sees it. */
export interface HeadlineLine {
  id: string[];
  heading: number;
  text: string;
}

/**
 * Splits a headline stack into kicker (引题), title (主题) and subtitle (副题).
 * Marked pages say it with heading levels: the `#` line is the title, marked
 * lines above it the kicker, below it the subtitle. Unmarked stacks: the first
 * piece (lines printed together) is the title, the pieces after it subtitles,
 * a piece that is the wrapped tail of the line above staying with it.
 * Only the split is a guess; the text and its order are the page's.
 */
export function splitHeadline(pieces: HeadlineLine[][]): Array<['kicker' | 'title' | 'subtitle', string[]]> {
  const lines = pieces.flat();
  const out: Array<['kicker' | 'title' | 'subtitle', string[]]> = [];
  const marked = lines.filter((l) => l.heading > 0);
  if (marked.length) {
    const top = Math.min(...marked.map((l) => l.heading));
    const titleAt = lines.findIndex((l) => l.heading === top);
    lines.forEach((l, i) => out.push([i < titleAt ? 'kicker' : i === titleAt ? 'title' : 'subtitle', l.id]));
    return out;
  }
  // one piece of several lines (an extraction that keeps no blank lines): the first line the title (with its wrapped
  // tail), the rest its subtitle
  wrappedPieces(pieces.length === 1 ? lines.map((l) => [l]) : pieces).forEach((piece, p) => piece.forEach((l) => out.push([p === 0 ? 'title' : 'subtitle', l.id])));
  return out;
}

/**
 * Unmarked pieces with a headline's wrapped tail set apart from its head
 * (`中共浙江省委决定在全省广泛开展向钱海军同` / `志学习活动`): put back in one piece.
 * A wrap breaks a word and leaves a shorter line under the full one; a
 * subtitle starts a phrase of its own.
 */
function wrappedPieces(pieces: HeadlineLine[][]): HeadlineLine[][] {
  const out: HeadlineLine[][] = [];
  for (const piece of pieces) {
    const last = out[out.length - 1]?.at(-1);
    if (last && piece.length && wraps(last.text.trim(), piece[0].text.trim())) out[out.length - 1].push(...piece);
    else out.push([...piece]);
  }
  return out;
}

/** Line `b` is the tail of line `a` wrapped: a common word broken across the break, or a shorter line and a word read across it. */
function wraps(a: string, b: string): boolean {
  if (!a || !b) return false;
  // no part of a stack ends in an enumeration mark: the title goes on (`…研究共同富裕、` / `数字化改革等议题`)
  if (/、$/.test(a)) return true;
  // a pair that common inside words (推|动, 成|为) is a wrap however long the line under it
  if (wordPairFrequency(a.slice(-1) + b[0]) >= WRAP_STRONG_PAIR) return true;
  if (displayWidth(b) > displayWidth(a) - WRAP_SHORTER_BY) return false;
  return breaksWord(a, b);
}

/**
 * Where a marked title line that is the last of its stack holds its subtitle
 * after a space (`## “希望每家企业都拿到大订单” 126家杭州企业组团迪拜“抢”订单`):
 * the index the subtitle starts at, or -1.
 */
export function subtitleStart(line: HeadlineLine, isLast: boolean): number {
  if (line.heading === 0 || !isLast) return -1;
  const m = /\s+/.exec(line.text.trim());
  if (!m) return -1;
  const lead = line.text.length - line.text.trimStart().length;
  const before = line.text.trim().slice(0, m.index);
  const after = line.text.trim().slice(m.index + m[0].length);
  // both halves must read as a headline of their own, not a phrase cut in two; one that ends in a dash or a colon
  // leads into the other (`省党代表崔兆举希望—— 让更多优秀青年…`)
  if (before.length < 4 || after.length < 4 || /[—：:]$/.test(before)) return -1;
  // a title of three phrases or more set apart by spaces (`号角嘹亮 使命催征 在高质量发展中…`) is one title
  if (/\s/.test(after)) return -1;
  return lead + m.index + m[0].length;
}
