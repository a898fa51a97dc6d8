import type { Leaf, LineNode, PageRoot } from '../tree/types.js';
import type { SourceText } from '../tree/source-text.js';
import { displayWidth, endsSentence, isSpace } from '../text/chars.js';
import { DATELINE_START, enumeratedStackLine, headlineLine } from '../text/press-patterns.js';

const HEADING_MARK = /^(#{1,6})([ \t]+|$)/;

/** Decoded source → a page of `line` nodes whose leaves tile the source. */
export function toLines(source: SourceText): PageRoot {
  const text = source.text;
  const children: LineNode[] = [];
  let start = 0;
  let n = 0;
  while (start < text.length || (start === text.length && n === 0 && text.length > 0)) {
    let nl = text.indexOf('\n', start);
    const hasBreak = nl !== -1;
    if (!hasBreak) nl = text.length;
    let contentEnd = nl;
    if (hasBreak && contentEnd > start && text[contentEnd - 1] === '\r') contentEnd--;
    const id = `l${++n}`;
    const cut = gluedTailEnd(text, start, contentEnd, children);
    if (cut > 0) children.push(lineNode(source, id, start, cut, cut), lineNode(source, `${id}.2`, cut, contentEnd, hasBreak ? nl + 1 : nl));
    else children.push(lineNode(source, id, start, contentEnd, hasBreak ? nl + 1 : nl));
    start = hasBreak ? nl + 1 : nl;
    if (!hasBreak) break;
  }
  return { type: 'page', children, data: {}, position: source.position(0, text.length) };
}

/**
 * `-raw` extraction writes text that shares a baseline as one line: a
 * headline's last character or two, wrapped in a narrow box, run into its
 * story's first line (`鹿城廉政导师助年轻干部健康成` / `长本报讯 记者戴睿云…`).
 * Where a line opens with one or two ideographs and then a dateline, under a
 * headline-like line, the offset where the lead begins; else 0.
 */
function gluedTailEnd(text: string, start: number, contentEnd: number, lines: LineNode[]): number {
  const line = text.slice(start, contentEnd);
  const tail = [1, 2].find((k) => /^[\u4e00-\u9fff]+$/.test(line.slice(0, k)) && DATELINE_START.test(line.slice(k)));
  if (tail === undefined) return 0;
  let above = lines.length - 1;
  while (above >= 0 && lines[above].data.blank) above--;
  if (above < 0 || lines[above].data.heading > 0) return 0;
  // (a headline's line, as the reflow reads one: no comma, no sentence's end; past the stack's first line, an
  // enumeration mark allowed)
  const lineText = (k: number) => text.slice(lines[k].position.start.offset, lines[k].position.end.offset).trim();
  const aboveText = lineText(above);
  let second = above - 1;
  while (second >= 0 && lines[second].data.blank) second--;
  if (!(headlineLine(aboveText) && !endsSentence(aboveText)) && !enumeratedStackLine(aboveText, second >= 0 ? lineText(second) : undefined)) return 0;
  return start + tail;
}

function lineNode(source: SourceText, id: string, start: number, contentEnd: number, end: number): LineNode {
  const text = source.text;
  const leaves: Leaf[] = [];
  let i = start;
  while (i < contentEnd && isSpace(text[i])) i++;
  if (i > start) leaves.push({ type: 'gap', value: text.slice(start, i), reason: 'indent', position: source.position(start, i) });
  let heading = 0;
  const mark = HEADING_MARK.exec(text.slice(i, Math.min(contentEnd, i + 12)));
  if (mark) {
    heading = mark[1].length;
    const markEnd = i + mark[0].length;
    leaves.push({ type: 'gap', value: text.slice(i, markEnd), reason: 'markup', position: source.position(i, markEnd) });
    i = markEnd;
  }
  let j = contentEnd;
  while (j > i && isSpace(text[j - 1])) j--;
  if (j > i) leaves.push({ type: 'text', value: text.slice(i, j), position: source.position(i, j) });
  if (contentEnd > j) leaves.push({ type: 'gap', value: text.slice(j, contentEnd), reason: 'indent', position: source.position(j, contentEnd) });
  if (end > contentEnd) {
    leaves.push({ type: 'break', value: text.slice(contentEnd, end), joined: false, position: source.position(contentEnd, end) });
  }
  const body = text.slice(i, j);
  return {
    type: 'line',
    id,
    children: leaves,
    data: { heading, width: printedWidth(body), blank: j <= i, spread: spreadByLetterSpacing(body) },
    position: source.position(start, end),
  };
}

/**
 * The width a line takes in print, in em: spaces beside CJK characters are the
 * letter-spacing of justified print (`破 万 亿 元 ，`), not type of their own.
 */
export function printedWidth(text: string): number {
  return displayWidth(text.replace(/ +(?=[^\x00-\x7f])|(?<=[^\x00-\x7f]) +/g, ''));
}

/** A line that justified print spread to its measure by letter-spacing: three characters or more, each set apart by a single space (`据 悉 ， 7 月 26`). */
export function spreadByLetterSpacing(text: string): boolean {
  return /(?:^| )\S(?: \S){2,}(?= |$)/.test(text);
}
