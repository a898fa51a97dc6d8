import type { LineNode } from '../../tree/types.js';
import { endsSentence, textOfLine } from './line-text.js';
import { breaksWord } from '../../text/word-pairs.js';
import { CREDIT_WORD, DATELINE_START, endsWithCredit, enumeratedStackLine, exclaimedTitle, headlineLine, isBylineLine, isWrappedTail, laterStackLine, startsWithRole, isCreditLine, isServiceBoxLine, JUMP, looksLikeHeadline, splitsRoleWord } from '../../text/press-patterns.js';
import { IDENTIFYING_FIELDS, parseMastheadFields } from '../../text/parse-masthead-fields.js';

export interface RunLayout {
  /** the column width the run was wrapped at, in em; 0 when its lines are not wrapped */
  column: number;
  /** indices into the run where a paragraph starts (always includes 0) */
  starts: number[];
}

const NO_LINE_START = /^[、，。；：！？）》」』”’,.;:!?)\]]/;
const OPENERS = '“‘「『（(《';
const NO_LINE_END = new RegExp(`[${OPENERS}]$`);
const OPENS = new RegExp(`^[${OPENERS}]`);
/** Clause punctuation: a line ending in it stops mid-sentence, so it is never a paragraph's or a headline's last line. */
const CLAUSE_END = /[，、；：,;:]$/;

/** How many lines a headline stack over its story's dateline may take: a narrow column wraps a title every few characters. */
const STACK_REACH = 12;

/** The line opens a quotation that the next line closes: `可爱的“白衣` + `天使”们` is one line broken in two. */
function quoteRunsOn(prev: string, next: string): boolean {
  const open = (prev.match(/[“「『]/g) ?? []).length - (prev.match(/[”」』]/g) ?? []).length;
  const firstQuote = /[“”「」『』]/.exec(next);
  return open > 0 && !!firstQuote && /[”」』]/.test(firstQuote[0]);
}

/** Line k ends a sentence, or is a closing quote mark the extractor moved off a line that does (`使命。` + `”`). */
function endsSentenceAt(texts: string[], k: number): boolean {
  if (endsSentence(texts[k])) return true;
  return k > 0 && /^[”’」』）)]+$/.test(texts[k].trim()) && endsSentence(texts[k - 1] + texts[k].trim());
}

/**
 * Lines i… up to a dateline or byline up to twelve lines on (kicker, title and subtitle in a narrow column) all read
 * as headline lines: a stack over the next story's start.
 * The stack's last line may end in an exclamation or a question (`跳桥救人小哥彭清林` / `等，一等功！`) when a line
 * above it stops short of the column, as no line of a paragraph but its last does.
 */
function stackOverDateline(texts: string[], widths: number[], column: number, i: number): boolean {
  for (let k = i; k < Math.min(texts.length, i + STACK_REACH); k++) {
    if (k > i && forcesStart(texts[k])) return !questionFirst(texts, i) || k - i > 1;
    const t = texts[k];
    if (k === i && questionFirst(texts, i)) continue;
    const exclaimedEnd = column > 0 && k > i && k + 1 < texts.length && DATELINE_START.test(texts[k + 1]) && exclaimedTitle(t) && widths.slice(i, k).some((w) => w < column - SHORT_BY);
    if (exclaimedEnd) continue;
    // (a title's last character or two may stand on a line of their own: `擎”激发强劲动` / `力`)
    if (k > i && isWrappedTail(t)) continue;
    // (a photo's caption set across columns may stand between the stack and the byline: `126家杭州企业组团迪拜“抢”订单` /
    // `杭州市委副书记、代市长姚高员(左)与出征企业代表交流。` / `记者张浩呈`)
    if (k > i && column > 0 && endsSentence(t) && widths[k] > column * WIDE_CAPTION && leadAfterCredits(texts, k + 1)) continue;
    if (endsSentence(t) || !(k > i ? laterStackLine(t) : headlineLine(t))) return false;
  }
  return false;
}

/**
 * A paragraph cut off mid-clause (the rest printed in another box or page) right
 * over the next story: lines i… read as headline lines up to its dateline or
 * byline (up to twelve lines on), a photo credit allowed between (`…我是幸运的,遇上` / `淳安推进蓝领公寓安`
 * / `居工程` / `胡江丰摄` / `本报讯 …`), with the photo's caption under it. The stack begins there, not the cut text's end.
 */
function stackAfterCut(texts: string[], widths: number[], column: number, i: number): boolean {
  const prev = texts[i - 1];
  if (endsSentenceAt(texts, i - 1) || !/[，、；：,;:。！？]/.test(prev) || forcesStart(texts[i])) return false;
  for (let k = i; k < Math.min(texts.length, i + STACK_REACH); k++) {
    const t = texts[k];
    // (one line set to the column's measure is more likely the cut text's own last line)
    if (k > i && (DATELINE_START.test(t) || isBylineLine(t))) return k - i > 1 || Math.abs(widths[i] - column) > SHORT_BY;
    if (k > i && isCreditLine(t)) continue;
    // (and under the credit, the photo's caption, a sentence over the byline or dateline: `张浩呈 摄` /
    // `宁波江北快递小哥正学习“时代楷模”钱海军事迹。` / `本报记者张浩呈…`)
    if (k > i + 1 && isCreditLine(texts[k - 1]) && endsSentence(t) && leadAfterCredits(texts, k + 1)) continue;
    // (a title may end in an exclamation right over the dateline, or over a photo's credit over it, set off the
    // column: `跳桥救人小哥彭清林等，一等功！`)
    const exclaimedEnd = k > i && leadAfterCredits(texts, k + 1) && exclaimedTitle(t) && Math.abs(widths[k] - column) > SHORT_BY;
    if (exclaimedEnd) continue;
    if (endsSentence(t) || !headlineLine(t)) return false;
  }
  return false;
}

/** Line k, or the first after the photo credits from k on, opens a story's lead: a dateline or a byline. */
function leadAfterCredits(texts: string[], k: number): boolean {
  while (k < texts.length && isCreditLine(texts[k])) k++;
  return k < texts.length && (DATELINE_START.test(texts[k]) || isBylineLine(texts[k]));
}

/**
 * A byline wrapped mid-name over its dateline: `本报记者曾晨路通讯员张晓` + `燕方俊勇` + `本报讯 …` — a few characters
 * of names only, the two lines still one byline, the story's dateline next.
 */
function bylineWrapped(texts: string[], i: number): boolean {
  const t = texts[i].trim();
  return /^[\u4e00-\u9fff]{1,8}$/.test(t) && i + 1 < texts.length && DATELINE_START.test(texts[i + 1]) && isBylineLine(texts[i - 1]) && isBylineLine(`${texts[i - 1].trim()}${t}`);
}

/**
 * A headline's last character or two on a line of their own right over the story's dateline or byline
 * (`年轻干部健康成` + `长` + `本报讯 …`, as `-raw` writes them run into the lead, taken apart again when the lines are
 * read; `作再上新台` + `阶` + `本报记者胡翀`): the headline's.
 */
function headlineTailOverLead(texts: string[], i: number): boolean {
  const next = texts[i + 1];
  const above = (headlineLine(texts[i - 1]) && !endsSentence(texts[i - 1])) || enumeratedStackLine(texts[i - 1], texts[i - 2]);
  return isWrappedTail(texts[i]) && next !== undefined && (DATELINE_START.test(next) || isBylineLine(next)) && above;
}

/** A photo credit's last word wrapped onto a line of its own: `记者胡江丰、巫慧英` + `摄影`. */
function creditWordWrapped(prev: string, text: string): boolean {
  return CREDIT_WORD.test(text.trim()) && isCreditLine(`${prev.trim()}${text.trim()}`);
}

/**
 * A lead's byline wrapped over lines in a narrow column: `本报讯 记者戴睿云` + `通讯员郑静静、赵一帆` +
 * `报道 “过去我以为排查` — a line of the dateline and names only, or of names only, goes on into the next role's
 * names or into the byline's closing 报道 (and the text after it), also where 报道 itself is broken.
 */
function leadBylineWrapped(prev: string, text: string): boolean {
  const p = prev.trim();
  const t = text.trim();
  const namesOnly = (line: string) => (DATELINE_START.test(line) ? isBylineLine(line.replace(DATELINE_START, '').trim()) : isBylineLine(line));
  // (报道 itself may be broken across the lines: `通讯员徐榛妍、吴龙报` + `道 “公共充电桩`)
  if (/[^报]报$/.test(p) && /^道(?:\s|[“（(]|$)/.test(t) && namesOnly(p.slice(0, -1))) return true;
  // (the lead may follow 报道 with no space, or the line be spread by letter-spacing: `本报讯 记者胡翀` +
  // `报 道 从 “ 卡 端 ” 到`)
  return namesOnly(p) && !/报道$/.test(p) && (startsWithRole(t) || /^报道/.test(t.replace(/\s+/g, '')));
}

/**
 * A lead's byline in brackets wrapped over lines: `本报讯（记者 陆欣 通讯员` + `蔡君楠）近日，…` — the bracket
 * closed in the next printed line, which its pieces are measured from.
 */
function bracketBylineWrapped(prev: string, text: string): boolean {
  const p = prev.trim();
  const open = /[（(]([^（）()]*)$/.exec(p);
  const close = /^([^（）()“”]{0,16})[）)]/.exec(text.trim());
  return !!open && !!close && DATELINE_START.test(p) && isBylineLine(`${open[1]} ${close[1]}`.trim());
}

/** A quotation or bracket opened and not closed on the line: a paragraph's first line going on below. */
function opensUnclosed(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/[“「『（(《]/g) > count(/[”」』）)》]/g);
}

/** A line that opens a unit: byline, dateline, credit, jump. */
function forcesStart(text: string): boolean {
  return isBylineLine(text) || DATELINE_START.test(text) || isCreditLine(text) || (/^[（(]/.test(text) && JUMP.test(text));
}

/** A line that is a unit by itself: byline (but one whose story's text begins after its 报道), credit, a jump alone. */
function standsAlone(text: string): boolean {
  return (isBylineLine(text) && !/(?:报道|报导)\s*[^\s）)]/.test(text)) || isCreditLine(text) || (/^[（(]/.test(text) && JUMP.test(text) && text.length < 16);
}

/** Distinct fields that make a masthead (as the masthead stage counts them). */
const MASTHEAD_FIELDS = 4;

/**
 * The lines of a run that are masthead lines, each a line of its own: in a
 * stretch of lines with no clause punctuation, dateline or byline, where two
 * or more carry masthead fields: at the run's top, its lines up to the last
 * field; further down (text in content-stream order puts the masthead
 * anywhere), when its fields name the paper, from the first field to the last,
 * so that a headline just above stays with its story. The line after the last
 * starts a unit; what follows (a headline, a first paragraph whose first lines
 * happen to have no punctuation) is read as any other text.
 */
function mastheadLines(texts: string[]): Set<number> {
  const out = new Set<number>();
  for (let start = 0; start < texts.length; ) {
    let end = start;
    while (end < texts.length && !/[，。；！？]/.test(texts[end]) && !forcesStart(texts[end])) end++;
    const hits: number[] = [];
    const fields = new Set<string>();
    for (let k = start; k < end; k++) {
      const found = parseMastheadFields(texts[k]);
      if (found.length) hits.push(k);
      for (const h of found) fields.add(h.field);
    }
    // down the run, a masthead names itself (paper, CN number, issue number, postal code) among several fields
    const named = fields.size >= MASTHEAD_FIELDS && IDENTIFYING_FIELDS.some((f) => fields.has(f));
    if (hits.length >= 2 && (start === 0 || named)) {
      const from = start === 0 ? 0 : hits[0];
      const to = hits[hits.length - 1];
      for (let k = from; k <= to + 1 && k < texts.length; k++) out.add(k);
    }
    start = end + 1;
  }
  return out;
}

/** After a sentence's end, a headline-like line or two over a photo credit are a photo's title, not more of the paragraph. */
function titlesPhoto(texts: string[], i: number): boolean {
  if (!endsSentence(texts[i - 1])) return false;
  for (let k = i + 1; k < Math.min(texts.length, i + 3); k++) {
    if (!isCreditLine(texts[k])) continue;
    const title = texts.slice(i, k).join('');
    return looksLikeHeadline(title) && !/[，。]/.test(title);
  }
  return false;
}

/**
 * Under a photo credit, a headline-like line short of the column over text
 * (`胡江丰、巫慧英 摄` / `致敬！可爱的“白衣天使”们` / `昨日，在第111个…`): the
 * photo story's title, which a content stream may write after the credit.
 */
function titleUnderCredit(texts: string[], widths: number[], column: number, i: number): boolean {
  const title = texts[i - 1];
  // (a lead under the credit, `本报讯 通讯员全锐报道 为满`, opens with its dateline: no title)
  return i >= 2 && column > 0 && isCreditLine(texts[i - 2]) && headlineLine(title) && !forcesStart(title) && !endsSentence(title) && widths[i - 1] < column - SHORT_BY;
}

/**
 * After a sentence's end, a line that reads as a headline (no clause
 * punctuation, no sentence end) and is not set to the column's measure: the
 * next story's first headline line — a paragraph's last line ends a sentence.
 */
function headlineAfterParagraph(texts: string[], i: number): boolean {
  const t = texts[i];
  // a quotation opened and not closed is a piece of a line broken at its quote mark, or a paragraph's first line
  return endsSentenceAt(texts, i - 1) && !endsSentence(t) && headlineLine(t) && !opensUnclosed(t);
}

/** Line i, a title that asks or exclaims (`如何应对疫情高峰？`), may open a stack over a dateline when more headline lines follow. */
function questionFirst(texts: string[], i: number): boolean {
  return exclaimedTitle(texts[i]) && headlineLine(texts[i]) && i + 1 < texts.length && headlineLine(texts[i + 1]) && !endsSentence(texts[i + 1]);
}

/** A few lines with no clause punctuation: masthead lines, headline lines, one paragraph each. */
function isLabelStack(texts: string[]): boolean {
  return texts.length <= 6 && texts.every((t) => !/[，。；、,;？！?!]/.test(t));
}

/** The column a run of lines was wrapped at, as `findParagraphs` reads it from the run alone (0: not wrapped). */
export function columnOfRun(lines: LineNode[]): number {
  if (lines.length === 1 || isLabelStack(lines.map(textOfLine))) return 0;
  return estimateColumn(lines.map((l) => l.data.width), lines.map(textOfLine));
}

/**
 * Estimates the column width of a run of non-blank lines and where its
 * paragraphs end. A wrapped line fills the column; a paragraph's last line is
 * short. A run whose lines carry no clause punctuation is a stack of labels
 * (masthead lines, headline lines): one paragraph per line.
 */
export function findParagraphs(lines: LineNode[], neighbourColumn = 0): RunLayout {
  const n = lines.length;
  if (n === 1) return { column: 0, starts: [0] };
  const texts = lines.map(textOfLine);
  const hardBreak = lines.map((l) => /[ \t]{2,}\r?\n?$/.test(rawTail(l)));

  if (isLabelStack(texts)) return { column: 0, starts: lines.map((_, i) => i) };

  const masthead = mastheadLines(texts);
  const widths = lines.map((l) => l.data.width);
  // two lines say little about the column they were set in: a neighbour run says more
  const own = estimateColumn(widths, texts);
  const column = n <= 2 && neighbourColumn > 0 ? Math.max(neighbourColumn, own) : own;
  // a line spread by letter-spacing fills its column, or its column less an indent if it begins a paragraph — where few
  // lines are (text whose every line is spaced out, from OCR or some extractors, says nothing by it), and unless it is
  // a piece of a printed line broken at a quote mark
  const atQuote = (i: number) => i > 0 && i < n && brokenAtQuote(texts[i - 1], texts[i]);
  if (lines.filter((l) => l.data.spread).length <= n * SPREAD_SHARE) {
    lines.forEach((l, i) => {
      // (but a line whose characters, with an indent, would leave no room for the spacing it shows begins none:
      // `一 般 贸 易 进 出 口 478.8 亿 元 ， 增 长` in a column of sixteen and a half)
      const indentable = widths[i] + INDENT <= column - SPREAD_GAP;
      if (l.data.spread && !atQuote(i) && !atQuote(i + 1)) widths[i] = Math.max(widths[i], indentable ? column - INDENT : column);
    });
  }
  const starts = [0];
  // width of the visual line the current source line belongs to: text extractors
  // split one printed line at quotes into several short lines
  let visual = 0;
  let visualText = '';
  // a short piece opening with a quote that stops mid-clause while its paragraph goes on below
  // (`“太阳能电池、` over a full line) is no paragraph's first line, which would fill the column:
  // it is the tail of the printed line before it
  const tailOfLine = (i: number) =>
    column > 0 && i + 1 < n && widths[i] < column - SHORT_BY - 2 && CLAUSE_END.test(texts[i]) && widths[i + 1] >= column - SHORT_BY && !forcesStart(texts[i + 1]);
  // a headline line over the column's text: not set to its measure, not a piece of a sentence
  const setOffColumn = (i: number) => Math.abs(widths[i] - column) > SHORT_BY && headlineLine(texts[i]);
  // the run shows paragraphs indented (a line after a sentence's end exactly the indent short of the column): only then
  // is a line half an em shorter still taken for an indented one — in text set without indents, it ends a paragraph
  const indentsShown = texts.some((t, k) => k > 0 && endsSentence(texts[k - 1]) && FULL_WIDTH_ONLY.test(unspaced(t)) && Math.abs(widths[k] - (column - INDENT)) <= 0.5);
  // after a sentence's end (its closing quote maybe on a line of its own) or a headline line, a line of full-width
  // characters only (or with figures, after a sentence's end), the indent short of the column (half an em more where a
  // comma or 、 in it may have been set half-width, in a run that shows indents), over a line that is not (its figures,
  // measured at half an em, may print wider; or over a short last line: a paragraph of two, `他们中，有直面山火的` /
  // `“逆行者”。`), is a paragraph's first line whose indent the extractor dropped: such a line fills its column exactly
  // unless it ends a paragraph or begins one
  const indented = (i: number) =>
    column > 0 &&
    i + 1 < n &&
    // (a quoted phrase that is a piece of a printed line, `“婺城暖心助残”`, is no headline line)
    (endsSentenceAt(texts, i - 1) || (setOffColumn(i - 1) && !atQuote(i - 1))) &&
    (FULL_WIDTH_ONLY.test(unspaced(texts[i])) || (endsSentenceAt(texts, i - 1) && WITH_FIGURES.test(unspaced(texts[i])))) &&
    // (a line whose printed line goes on in the next source line, `…。“的的的` + `”。`, is that line's head, not short)
    !NO_LINE_START.test(texts[i + 1]) &&
    // (nor is one that stops mid-sentence with a quote opened beside it, `…的的，` + `“的的”。`, the two fitting one line)
    !(OPENS.test(texts[i + 1]) && !endsSentence(texts[i]) && widths[i] + widths[i + 1] <= column + SHORT_BY) &&
    widths[i] - dotSlack(texts[i]) <= column - INDENT + 0.5 &&
    widths[i] >= column - INDENT - (indentsShown && /[，、；：]/.test(texts[i]) ? 1 : 0.5) - figureSlack(texts[i]) &&
    ((nextLineWidth(i) >= column - SHORT_BY && nextLineWidth(i) + figureSlack(texts[i + 1]) > column - INDENT + 0.5) || (endsSentenceAt(texts, i + 1) && printedLineWidth(i + 1) < column - SHORT_BY));
  // after a sentence's end, a paragraph's first sentence, short of an indented line, and a quote opened after it
  // (`“现在项目推进到哪一步了？”` + `“是` in a column of seventeen): one printed line broken at its quote mark, the indent
  // short of the column with the two marks between the pieces set in one em together
  const indentedInPieces = (i: number) =>
    column > 0 &&
    i + 2 < n &&
    endsSentenceAt(texts, i - 1) &&
    widths[i - 1] >= column - SHORT_BY &&
    endsSentence(texts[i]) &&
    /^“/.test(texts[i + 1]) &&
    !endsSentence(texts[i + 1]) &&
    widths[i] < column - INDENT - 0.5 &&
    Math.abs(widths[i] + widths[i + 1] - MARKS_SET_TOGETHER - (column - INDENT)) <= 0.5 &&
    !forcesStart(texts[i + 2]);
  // the width of the printed line after line i: a line spread by letter-spacing under a line that does not end a
  // sentence begins no paragraph, so it fills the column (`钱海军，男，汉` over `族 ， 宁 波 慈 溪 人 ，`)
  const nextLineWidth = (i: number) =>
    lines[i + 1].data.spread && !atQuote(i + 1) && !atQuote(i + 2) && !endsSentenceAt(texts, i) ? Math.max(widths[i + 1], column) : printedLineWidth(i + 1);
  // the width of the printed line that line i begins: with the piece after it when the extractor broke it at a quote
  // mark (`步了？”` + `“是否能如期竣`, `舞。` + `”作为代表在现场聆听的`) and the two fit the column together
  const printedLineWidth = (i: number) =>
    i + 1 < n && brokenAtQuote(texts[i], texts[i + 1]) && widths[i] + widths[i + 1] <= column + SHORT_BY ? widths[i] + widths[i + 1] : widths[i];
  // a stack of headline lines after a sentence's end, the first set off the column, each short of it and no two of
  // them pieces of one printed line: a line set to the column's measure under it is text beginning (a caption, a
  // lead), not more of the stack
  const textUnderStack = (i: number) => {
    const from = starts[starts.length - 1];
    if (column === 0 || from === 0 || i - from < 2 || !endsSentenceAt(texts, from - 1) || !setOffColumn(from)) return false;
    if (widths[i] < column - 1 || widths[i] > column + SHORT_BY) return false;
    for (let k = from; k < i; k++) {
      if (!headlineLine(texts[k]) || endsSentence(texts[k]) || widths[k] >= column - 1) return false;
      if (k > from && widths[k - 1] + widths[k] <= column + SHORT_BY) return false;
    }
    return true;
  };
  // after a full line that ends a sentence, a short line opening a quotation its next line closes (`点燃“红色引` /
  // `擎”激发强劲动`), heading a stack over a dateline: a title broken inside its quote, not a paragraph's first line
  const quotedStackAfterParagraph = (i: number) =>
    column > 0 &&
    i + 1 < n &&
    endsSentenceAt(texts, i - 1) &&
    widths[i - 1] >= column - SHORT_BY &&
    widths[i] < column - INDENT - SHORT_BY &&
    headlineLine(texts[i]) &&
    !endsSentence(texts[i]) &&
    quoteRunsOn(texts[i], texts[i + 1]) &&
    stackOverDateline(texts, widths, column, i);
  // after a paragraph's last sentence, a title that asks or exclaims (`如何应对疫情高峰？`), wider than a paragraph of one
  // indented line would be, heading a stack over a dateline
  const questionStackAfterParagraph = (i: number) =>
    column > 0 &&
    endsSentenceAt(texts, i - 1) &&
    questionFirst(texts, i) &&
    // (or, in a narrow column, one with no clause inside it over a stack line and a byline: `如何应对疫情高峰？` /
    // `浙江将从5个方面发力` / `本报记者程雪`)
    (widths[i] > column - INDENT + 0.5 || (!/[，、；：,;:]/.test(texts[i]) && i + 2 < n && headlineLine(texts[i + 1]) && isBylineLine(texts[i + 2]))) &&
    stackOverDateline(texts, widths, column, i);
  // after a paragraph's last sentence, a headline line over a headline line set wider than the column (a title over
  // its subtitle across columns: `精神之光点亮奋进之路` / `“守好红色根脉·班前十分钟活动”优秀案例展评在杭举行`)
  const titleOverWideLine = (i: number) =>
    column > 0 && i + 1 < n && headlineAfterParagraph(texts, i) && widths[i + 1] > column + WIDER_BY && headlineLine(texts[i + 1]);
  // line i heads a stack of headline lines over a dateline or byline
  const opensStack = (i: number) => column > 0 && headlineLine(texts[i]) && stackOverDateline(texts, widths, column, i);
  // the lines read so far are such a stack's, from a line that started a unit (after a sentence's end, under the
  // masthead or the running head, or at the top)
  let inStack = n > 1 && opensStack(0);
  for (let i = 1; i < n; i++) {
    const prev = i - 1;
    const prevText = texts[prev];
    if (masthead.has(i)) {
      starts.push(i);
      inStack = opensStack(i);
      continue;
    }
    visual += widths[prev];
    visualText += prevText;
    // punctuation that print never sets at the start of a line, or never at its end: pieces of one printed line
    if (NO_LINE_START.test(texts[i]) || NO_LINE_END.test(prevText)) continue;
    // a line wrapped inside a byline or a headline: the text goes on in the next printed line, whose pieces are
    // measured from its start
    if (splitsRoleWord(prevText, texts[i]) || creditWordWrapped(prevText, texts[i]) || bylineWrapped(texts, i) || leadBylineWrapped(prevText, texts[i]) || bracketBylineWrapped(prevText, texts[i]) || headlineTailOverLead(texts, i)) {
      visual = 0;
      visualText = '';
      continue;
    }
    // a caption's line broken mid-sentence over its shorter last line with the credit run on
    // (`…与出征企业代` + `表交流。 记者张浩呈 摄`)
    if (!endsSentenceAt(texts, prev) && !CLAUSE_END.test(prevText) && widths[prev] >= widths[i] && endsWithCredit(texts[i]) && !forcesStart(texts[i])) continue;
    // a line much wider than the column is not set in it: a headline across columns
    const outside = column > 0 && (widths[i] > column + WIDER_BY || widths[prev] > column + WIDER_BY);
    // text extractors split a printed line at quotes: a short piece that stops mid-sentence goes on
    // in the next line when that opens with a quote and fits beside it, or when it stopped at a comma
    const short = column === 0 || visual < column - SHORT_BY;
    const shortInColumn = column > 0 && short;
    const fits = column > 0 && visual + widths[i] <= column + SHORT_BY;
    // (a quotation closed at a sentence's end and the next one opened on the same printed line, as in a run of quoted
    // questions `…一步了？”“是否能如期竣`, comes as two short pieces that fit the line together)
    const nextQuotation =
      /[。！？][”’]$/.test(prevText) && fits && widths[i] < column - SHORT_BY && (!endsSentence(texts[i]) || visual + widths[i] >= column - SHORT_BY);
    // (a quotation opened on the printed line where a sentence ended, `了6000多人的就业。` + `“以前是华侨带着`, comes as two
    // pieces that together fill the line; a paragraph opening with a quote would fill its own first line)
    // (or, wider than an indented line, fill it exactly with the sentence's mark and the quote set in one em together:
    // `走。` + `“我们以‘班前十分钟活动’` in a column of fourteen — no paragraph's first line is that wide)
    const filledWithPair = Math.abs(visual + widths[i] - MARKS_SET_TOGETHER - column) <= 0.5 && /[。！？]$/.test(prevText) && /^“/.test(texts[i]);
    const quoteAfterSentence =
      endsSentence(prevText) &&
      fits &&
      visual + widths[i] >= column - SHORT_BY &&
      (widths[i] < column - INDENT - 0.5 || (filledWithPair && widths[i] - dotSlack(texts[i]) > column - INDENT + 0.5)) &&
      !endsSentence(texts[i]);
    // (pieces of one printed line share its spacing: a piece spread by letter-spacing is no piece of the line that a
    // piece of two characters or more with no space between them stands in — `比赛。` / `“ 目 前 主 要 是 夯 实 传`,
    // `作。` / `“ 我 们 这 次 出`)
    const spacedApart = lines[i].data.spread && !/\s/.test(prevText.trim()) && prevText.trim().length >= 2;
    const pieceOfLine =
      !spacedApart &&
      OPENS.test(texts[i]) &&
      ((!endsSentence(prevText) && (fits || (shortInColumn && CLAUSE_END.test(prevText)))) || (shortInColumn && tailOfLine(i)) || nextQuotation || quoteAfterSentence);
    // a short line that opens a quotation and stops mid-sentence goes on below: `“学校里的足球` + `氛围很好，…`
    const quoteGoesOn = short && opensUnclosed(prevText) && !endsSentence(prevText) && !forcesStart(texts[i]);
    if (pieceOfLine || quoteGoesOn || (short && quoteRunsOn(prevText, texts[i]))) continue;
    // a caption or lead set wider than the column, broken mid-word over its shorter last line
    // (`“守好红色根脉·班前十分钟活动”全省职工思` + `想政治工作优秀案例展评在杭举行。`) is one text, not two headlines
    const wideTextGoesOn =
      column > 0 &&
      widths[prev] > column + WIDER_BY &&
      widths[i] > column + SHORT_BY &&
      widths[i] <= widths[prev] &&
      !endsSentenceAt(texts, prev) &&
      !CLAUSE_END.test(prevText) &&
      endsSentence(texts[i]) &&
      !forcesStart(texts[i]);
    // a headline across columns whose last character or two wrapped onto a line of their own
    // (`鹿城廉政导师助年轻干部健康成` + `长`)
    const headlineTail =
      column > 0 && widths[prev] > column + WIDER_BY && headlineLine(prevText) && isWrappedTail(texts[i]);
    // such a text whose sentence ends a line or two on, wider than the column on the way (a caption across columns
    // wrapped mid-word: `“守好红色根脉·班前十分钟活` + `动”全省职工…展评在` + `杭举行。`)
    const wideSentenceGoesOn =
      column > 0 &&
      widths[prev] > column + WIDER_BY &&
      !endsSentenceAt(texts, prev) &&
      !forcesStart(texts[i]) &&
      (endsSentence(texts[i]) || (i + 1 < n && widths[i] > column + WIDER_BY && endsSentence(texts[i + 1]) && !forcesStart(texts[i + 1])));
    // (but in a stack, a sentence under a headline line that no word reads across is a caption of its own:
    // `126家杭州企业组团迪拜“抢”订单` / `杭州市委副书记、代市长姚高员(左)与出征企业代表交流。`)
    const captionUnderStackLine = inStack && !breaksWord(unspaced(prevText), unspaced(texts[i])) && endsSentence(texts[i]) && leadAfterCredits(texts, i + 1);
    if ((wideTextGoesOn || wideSentenceGoesOn) && !captionUnderStackLine) continue;
    if (headlineTail) continue;
    // under a headline line, the first piece of a printed line wider than the column (broken at its quote mark:
    // `昨日下午，` + `“守好红色根脉·…`) begins other text, a caption or a lead set across columns
    const wideLineUnderHeadline =
      column > 0 &&
      i + 1 < n &&
      headlineLine(prevText) &&
      !endsSentence(texts[i]) &&
      CLAUSE_END.test(texts[i]) &&
      widths[i] < column - SHORT_BY &&
      widths[i + 1] > column + WIDER_BY &&
      OPENS.test(texts[i + 1]);
    const unwrappedEnd = column === 0 && endsSentence(prevText);
    const atQuoteMark = brokenAtQuote(prevText, texts[i]);
    // in such a stack, a line wider than the one above it with no word read across the break is the stack's next
    // part (kicker, title, subtitle), not more of its line
    const nextPartOfStack =
      inStack && widths[i] > widths[prev] && !breaksWord(unspaced(prevText), unspaced(texts[i])) && headlineLine(texts[i]) && !endsSentence(prevText) && !forcesStart(texts[i]);
    const ends =
      nextPartOfStack ||
      outside ||
      hardBreak[prev] ||
      forcesStart(texts[i]) ||
      standsAlone(prevText) ||
      (visualText !== prevText && standsAlone(visualText)) ||
      titlesPhoto(texts, i) ||
      titleUnderCredit(texts, widths, column, i) ||
      textUnderStack(i) ||
      wideLineUnderHeadline ||
      (column > 0 && !inStack && stackAfterCut(texts, widths, column, i)) ||
      indented(i) ||
      indentedInPieces(i) ||
      isServiceBoxLine(texts, i) ||
      isServiceBoxLine(texts, prev) ||
      (column > 0 && !(fits && atQuoteMark) && headlineAfterParagraph(texts, i) && (setOffColumn(i) || stackOverDateline(texts, widths, column, i))) ||
      quotedStackAfterParagraph(i) ||
      questionStackAfterParagraph(i) ||
      titleOverWideLine(i) ||
      (column > 0 && short && (endsSentenceAt(texts, prev) || widths[prev] < column * 0.6)) ||
      unwrappedEnd;
    // a dateline line ending in the first part of a role word wrapped off it (`本报讯 全媒体` / `记 者 张 浩 呈 报 道`) goes on
    const roleWrapped = DATELINE_START.test(prevText) && ROLE_PREFIX_END.test(prevText.trim()) && isBylineLine(unspaced(texts[i]));
    if (ends && !roleWrapped) starts.push(i);
    if (forcesStart(texts[i]) || !(ends ? headlineLine(texts[i]) : laterStackLine(texts[i]))) inStack = false;
    else if (ends && opensStack(i)) inStack = true;
    visual = 0;
    visualText = '';
  }
  return { column, starts };
}

/**
 * How much narrower than the column a line must be to end a paragraph, in em.
 * Justified lines with Latin letters and digits, and compressed punctuation,
 * measure up to two em off the column when counted character by character.
 */
export const SHORT_BY = 2;

/** The first part of a role word (`全媒体` of `全媒体记者`) that a line may end with, the rest wrapped to the next. */
const ROLE_PREFIX_END = /(?:全媒体|融媒体|本报|见习|特约|首席|实习)$/;

/** How many times the column's width a caption set across columns is at least. */
const WIDE_CAPTION = 1.5;

/** A paragraph's first-line indent, in em. */
const INDENT = 2;
/** The least room, in em, that letter-spacing an extractor shows as spaces takes in a line (measured widths come in half ems: any room at all). */
const SPREAD_GAP = 0.25;
/** How much wider than half an em a figure may print, in em: measured at half an em, figures in a line the column's justification spreads come out wider (`“义乌从2019` fills an indented line). */
const FIGURE_SLACK = 0.25;

/** What two marks side by side across a quote-mark break (`。“`, `”“`) save, in em: print sets the pair in one em. */
const MARKS_SET_TOGETHER = 1;

/** How much narrower than measured a line's middle dots may print (measured at an em each; fonts set `·` narrower). */
function dotSlack(text: string): number {
  return 0.5 * (text.match(/·/g) ?? []).length;
}

/** How much wider than measured a line's figures may print in a justified line (measured at half an em each). */
function figureSlack(text: string): number {
  return FIGURE_SLACK * (text.match(/[0-9.%]/g) ?? []).length;
}

/** Full-width characters only — with the half-width comma some papers set in running text (seed 003), half an em as measured. */
const FULL_WIDTH_ONLY = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·,]+$/;
/** Full-width characters with figures or Latin letters (`1~4月`, `9.5%`, `“e鹿`), the half-width comma too: measured less surely, digits and letters being narrower or wider than half an em. */
const WITH_FIGURES = /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·,0-9.%~A-Za-z]+$/;

/** At most this share of a run's lines spread by letter-spacing, for spacing to say a line fills its column. */
const SPREAD_SHARE = 0.25;

/** How much wider than the column a line must be to be taken for one set across columns. */
const WIDER_BY = 4;

/**
 * The width the non-final lines of a run share: the column it was wrapped at
 * (their median). 0 when the widths scatter: lines that are paragraphs of their
 * own, not wraps of a column.
 */
export function estimateColumn(widths: number[], texts?: string[]): number {
  const column = columnOfWidths(widths, texts);
  return texts && column > 0 ? withoutHanging(column, widths, texts) : column;
}

/** Closing punctuation that print may hang past the column's edge. */
const HANGS = /[，。、；：！？”’]$/;

/**
 * Print that hangs a line's closing punctuation past the column (a full line and its comma, one character wider)
 * makes the widest lines end in it, every one: then the column is one narrower, where some line is that wide.
 */
function withoutHanging(column: number, widths: number[], texts: string[]): number {
  const body = widths.slice(0, -1).map((w, i) => ({ w, t: texts[i] }));
  const widest = body.filter((l) => Math.abs(l.w - column) <= 0.5);
  if (widest.length < 3 || !widest.every((l) => HANGS.test(l.t))) return column;
  // (a closing quote and the mark after it may hang together, `…“的的的”。`: two wider, when every widest line ends so)
  const hung = Math.min(...widest.map((l) => (HANGS_TWO.test(unspaced(l.t)) ? 2 : 1)));
  // (a line that narrow and itself ending in such a mark may be a paragraph's last line: one that does not is full)
  for (let by = hung; by >= 1; by--) if (body.some((l) => Math.abs(l.w - (column - by)) <= 0.5 && !HANGS.test(unspaced(l.t)))) return column - by;
  return column;
}

/** A closing quote and the mark after it, or two marks, at a line's end: both may hang past the column. */
const HANGS_TWO = /[，。、；：！？”’][，。、；：！？”’]$/;

function columnOfWidths(widths: number[], texts?: string[]): number {
  const body = widths.slice(0, -1).sort((a, b) => a - b);
  if (body.length === 0) return 0;
  const median = body[Math.floor(body.length / 2)];
  const near = (w: number) => body.filter((x) => Math.abs(x - w) <= SHORT_BY).length;
  if (median > 40 && body.length < 3) return 0;
  // the width that holds most of the run's characters is the column, when the lines near it
  // carry most of them (lines broken into pieces at quote marks may outnumber the whole ones)
  const total = body.reduce((a, b) => a + b, 0);
  let acc = 0;
  let heavy = 0;
  for (let k = body.length - 1; k >= 0 && acc < total / 2; k--) {
    acc += body[k];
    heavy = body[k];
  }
  const carried = body.filter((x) => Math.abs(x - heavy) <= SHORT_BY).reduce((a, b) => a + b, 0) + piecesMaking(heavy, widths, texts);
  if (heavy <= 40 && body.length >= 3 && near(heavy) >= 2 && carried >= total * 0.6) return heavy;
  if (near(median) >= Math.ceil(body.length * 0.6)) return median;
  // many short paragraphs: their last lines outnumber the full ones, so look at the widest cluster
  const widest = body[body.length - 1];
  if (widest <= 40 && body.length >= 3 && near(widest) >= Math.max(2, Math.ceil(body.length * 0.4))) {
    const cluster = body.filter((x) => x >= widest - SHORT_BY);
    return cluster[Math.floor(cluster.length / 2)];
  }
  return 0;
}

/**
 * The characters of the run's non-final lines that are pieces of printed lines `width` wide, broken at a quote mark
 * (`“的的的的的的的` + `”，的的的的，的的的`): two source lines, neither that wide, that make it together.
 */
function piecesMaking(width: number, widths: number[], texts?: string[]): number {
  if (!texts) return 0;
  let sum = 0;
  const near = (w: number) => Math.abs(w - width) <= SHORT_BY;
  for (let i = 0; i + 2 < widths.length; i++) {
    const pair = widths[i] + widths[i + 1];
    if (near(widths[i]) || near(widths[i + 1]) || !near(pair) || !brokenAtQuote(texts[i], texts[i + 1])) continue;
    sum += pair;
    i++;
  }
  return sum;
}

function rawTail(line: LineNode): string {
  let tail = '';
  for (const leaf of line.children) if (leaf.type === 'gap' && leaf.reason === 'indent') tail = leaf.value;
  const last = line.children[line.children.length - 1];
  return last && last.type === 'break' ? tail + last.value : tail;
}

/** Two source lines that may be pieces of one printed line, as an extractor breaks it at a quote mark. */
function brokenAtQuote(prev: string, next: string): boolean {
  return /[“”‘’]$/.test(prev) || /^[“”‘’]/.test(next);
}

/** A line's characters without the spaces of justified print. */
function unspaced(text: string): string {
  return text.replace(/ +/g, '');
}
