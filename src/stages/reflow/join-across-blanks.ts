import { endsSentence } from '../../text/chars.js';
import { DATELINE_START, exclaimedTitle, headlineLine, isBylineLine, isCreditLine, JUMP, looksLikeHeadline, PHOTO_CREDIT } from '../../text/press-patterns.js';

/** What the join decision needs to know of a paragraph found by `findParagraphs`. */
export interface ProtoBlock {
  text: string;
  firstLine: string;
  lines: number;
  heading: number;
  /** blank lines between it and the next proto-block */
  blanksAfter: number;
  /** its last line fills the column it was wrapped in */
  full: boolean;
}

function bodyLike(b: ProtoBlock): boolean {
  return b.heading === 0 && (b.lines >= 2 || b.full || /[，、；,;]/.test(b.text)) && !isBylineLine(b.text);
}

function startsUnit(b: ProtoBlock): boolean {
  return (
    b.heading > 0 ||
    isBylineLine(b.firstLine) ||
    DATELINE_START.test(b.firstLine) ||
    isCreditLine(b.firstLine) ||
    (/^[（(]/.test(b.firstLine) && JUMP.test(b.firstLine)) ||
    (looksLikeHeadline(b.text) && !endsSentence(b.text))
  );
}

function endsWithPhotoCredit(text: string): boolean {
  const t = text.trim();
  return /摄影?$/.test(t) && PHOTO_CREDIT.test(t);
}

/** A sentence or two set apart by blank lines, or ending in a photo credit. */
export function captionLike(b: ProtoBlock): boolean {
  if (b.heading > 0 || b.lines > 4) return false;
  if (endsWithPhotoCredit(b.text)) return true;
  return endsSentence(b.text) && b.text.length <= 80 && (b.text.match(/[。！？]/g) ?? []).length <= 2;
}

/**
 * Whether paragraph `a` goes on in `b` across the blank lines between them:
 * `a` stops mid-sentence and `b` is not a unit of its own (headline, byline,
 * dateline, credit, jump). More than one blank line is a picture or a box, not a
 * column break.
 */
export function continuesAcross(a: ProtoBlock, b: ProtoBlock, next?: ProtoBlock): boolean {
  if (a.blanksAfter === 0 || a.blanksAfter > 1) return false;
  if (endsSentence(a.text) || !bodyLike(a) || endsWithPhotoCredit(a.text)) return false;
  return !startsUnit(b) && !(next && headsStack(b, next));
}

/**
 * A title that asks or exclaims (`如何应对疫情高峰？`), a line of its own over another headline line or a story's lead:
 * the first line of a stack, though it ends like a sentence.
 */
function headsStack(b: ProtoBlock, next: ProtoBlock): boolean {
  if (b.lines > 1 || !exclaimedTitle(b.text) || !headlineLine(b.text.slice(0, -1))) return false;
  const headline = headlineLine(next.firstLine) && !endsSentence(next.firstLine) && !bodyLike(next);
  return headline || DATELINE_START.test(next.firstLine) || isBylineLine(next.firstLine);
}

/**
 * `a` stops mid-sentence, then a caption set apart by blank lines, then the rest
 * of `a`'s sentence: the caption was printed inside the paragraph's column.
 */
export function continuesAfterCaption(a: ProtoBlock, caption: ProtoBlock, c: ProtoBlock): boolean {
  if (endsSentence(a.text) || !bodyLike(a) || endsWithPhotoCredit(a.text)) return false;
  if (a.blanksAfter < 2 && caption.blanksAfter < 2) return false;
  if (!captionLike(caption)) return false;
  return !startsUnit(c) && !captionLike(c);
}
