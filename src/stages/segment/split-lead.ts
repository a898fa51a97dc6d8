import { DATELINE_START, JUMP, JUMP_FROM, startsWithRole } from '../../text/press-patterns.js';
import { parseByline, bylineIsEmpty } from './parse-byline.js';

export type Range = [number, number];

/** The parts of a paragraph that opens an article, as index ranges into its kept text. */
export interface LeadParts {
  jumpFrom?: Range;
  dateline?: Range;
  byline?: Range;
  body?: Range;
  jumpTo?: Range;
}

const PAREN_BYLINE = /^[（(]([^（）()]{2,48})[）)]/;
/** The same with its opening parenthesis misread as a book-title mark, as OCR does (`《记者阮向民)`): a role word follows it. */
const MISREAD_PAREN_BYLINE = /^[《〈]((?:[^（）()《》〈〉]){2,48})[）)]/;
const NAME_RUN = /^[\u4e00-\u9fff\s、，,·・]+$/;
const JUMP_AT_START = new RegExp(`^${JUMP.source}`);
const JUMP_AT_END = new RegExp(`${JUMP.source}$`);

function skipSpace(text: string, i: number): number {
  while (i < text.length && /\s/.test(text[i])) i++;
  return i;
}

/** A byline that starts at `i`: `（记者 王逸群）`, or names and roles up to `报道`. */
function bylineAt(text: string, i: number): Range | null {
  const rest = text.slice(i);
  const paren = PAREN_BYLINE.exec(rest) ?? (startsWithRole(rest.slice(1)) ? MISREAD_PAREN_BYLINE.exec(rest) : null);
  if (paren && !bylineIsEmpty(parseByline(paren[1]))) return [i, i + paren[0].length];
  const k = rest.slice(0, 48).search(/报道|报导/);
  if (k > 1) {
    const between = rest.slice(0, k);
    if (NAME_RUN.test(between) && !bylineIsEmpty(parseByline(between))) return [i, i + k + 2];
  }
  return null;
}

/**
 * Splits an opening paragraph: `（紧接第一版）`, `本报讯`, `记者张浩呈 通讯员周永卫报道`,
 * then the body, and a `（下转第二版）` at its end. Returns null when the text
 * opens with none of them.
 */
export function splitLead(text: string): LeadParts | null {
  const parts: LeadParts = {};
  let i = skipSpace(text, 0);
  const jump = JUMP_AT_START.exec(text.slice(i));
  if (jump && JUMP_FROM.test(jump[0])) {
    parts.jumpFrom = [i, i + jump[0].length];
    i = skipSpace(text, i + jump[0].length);
  }
  const dateline = DATELINE_START.exec(text.slice(i));
  if (dateline) {
    parts.dateline = [i, i + dateline[0].length];
    i = skipSpace(text, i + dateline[0].length);
    const by = bylineAt(text, i);
    if (by) {
      parts.byline = by;
      i = skipSpace(text, by[1]);
    }
  } else if (startsWithRole(text.slice(i))) {
    const by = bylineAt(text, i);
    if (by) {
      parts.byline = by;
      i = skipSpace(text, by[1]);
    }
  }
  if (!parts.jumpFrom && !parts.dateline && !parts.byline) return null;
  let end = text.length;
  while (end > i && /\s/.test(text[end - 1])) end--;
  const tail = JUMP_AT_END.exec(text.slice(i, end));
  if (tail && !JUMP_FROM.test(tail[0])) {
    parts.jumpTo = [i + tail.index, end];
    end = i + tail.index;
    while (end > i && /\s/.test(text[end - 1])) end--;
  }
  if (end > i) parts.body = [i, end];
  return parts;
}

/** A `（下转第二版）` or `（详见第二版）` closing a paragraph: its range, or null. */
export function jumpAtEnd(text: string): Range | null {
  const t = text.trimEnd();
  const m = JUMP_AT_END.exec(t);
  if (!m || JUMP_FROM.test(m[0])) return null;
  return [m.index, t.length];
}
