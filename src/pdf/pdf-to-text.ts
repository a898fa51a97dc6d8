// A laid-out PDF page → the marked text our text stages read: headline
// stacks as `#` (the largest type: the title) and `##` lines, body columns
// reflowed into paragraphs (a paragraph starts where a line is indented),
// followed from column to column in reading order, blank lines between
// blocks. `origins` maps every output character back to its PDF item.
import type { PdfPage } from './pdf-items.js';
import { HEADLINE, pageRegions, type PdfLine } from './layout-page.js';
import { CREDIT_WORD } from '../text/press-patterns.js';

export interface PdfText {
  text: string;
  /** for each UTF-16 unit of `text`: the index of the text item it came from, or -1 (marks, joins) */
  origins: number[];
  /** the running head above the page's top rule (版次, 版名, date, editors): the page's, not an article's */
  furniture: string[];
}

type Kind = 'headline' | 'body' | 'small' | 'furniture';

function kindOf(line: PdfLine, body: number, head: Set<PdfLine>, captions: Set<PdfLine>): Kind {
  if (head.has(line)) return 'furniture';
  if (captions.has(line)) return 'small';
  if (line.size >= body * HEADLINE) return 'headline';
  if (line.size < body * 0.93) return 'small';
  return 'body';
}

class Writer {
  text = '';
  origins: number[] = [];
  /** the caption line written last, while nothing else has followed it */
  lastCaption: PdfLine | null = null;
  put(s: string, origin = -1): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) this.origins.push(origin);
  }
  /** Takes back `s` (marks only) if the text ends with it. */
  unput(s: string): boolean {
    if (!this.text.endsWith(s)) return false;
    // (slice(0, -0) would take back everything)
    if (!s) return true;
    this.text = this.text.slice(0, -s.length);
    this.origins.length -= s.length;
    return true;
  }
  /**
   * A line's text, each character traced to its item. Spaces between CJK
   * characters are justification or letter-spacing and go, except in a
   * headline that is not letter-spaced, where a space parts two phrases
   * (`追寻光 成为光`), and between words of two or more ideographs (a
   * byline's `记者 戴睿云 通讯员 郑静静`): justification spaces every character.
   */
  line(l: PdfLine, keepPhraseSpaces = false): void {
    // letter-spaced: every character stands alone (`浙 江 工 人 日 报`)
    const letterSpaced = l.items.every((it) => !/\S\S/.test(it.text.trim()));
    l.items.forEach((it, n) => {
      const t = it.text.trim();
      if (!t) return;
      const prev = this.text[this.text.length - 1];
      const before = n > 0 ? l.items[n - 1] : null;
      if (prev && /[A-Za-z0-9]/.test(prev) && /^[A-Za-z0-9]/.test(t)) this.put(' ');
      // a space item between words of a line set in words (`通讯员 张晓燕` + ` ` + `方` + `俊勇`)
      else if (before && l.spaced?.has(before) && !letterSpaced && wordsApart(before.text.trim(), l.items.slice(n))) this.put(' ', it.index);
      // spaces inside an item between CJK characters are letter-spacing or justification
      const parts = t.split(/( +)/);
      parts.forEach((p, k) => {
        if (/^ +$/.test(p)) {
          const a = parts[k - 1]?.slice(-1) ?? '';
          const b = parts[k + 1]?.[0] ?? '';
          // between two words of ideographs (`记者 戴睿云 通讯员 郑`), not inside a justified run of single characters
          // (a part at the item's edge may be a word wrapped from or onto the next line: `郑` + `静静`)
          const left = parts[k - 1] ?? '';
          const right = parts[k + 1] ?? '';
          const words = /[\u4e00-\u9fff]$/.test(left) && /^[\u4e00-\u9fff]/.test(right) && (left.length >= 2 || k === 1) && (right.length >= 2 || k + 1 === parts.length - 1) && left.length + right.length >= 3;
          if ((/[A-Za-z0-9.,]/.test(a) && /[A-Za-z0-9]/.test(b)) || ((keepPhraseSpaces || words) && !letterSpaced)) this.put(' ', it.index);
        } else this.put(p, it.index);
      });
    });
  }
  blank(): void {
    if (this.text && !this.text.endsWith('\n\n')) this.put(this.text.endsWith('\n') ? '\n' : '\n\n');
  }
}

/**
 * Whether a space item parts two words of ideographs: the item before it is set
 * in words (spaces inside it) and ends with one of two or more ideographs, and
 * the items after it, up to the next space, begin with two or more. Justified
 * lines put space items between single characters.
 */
function wordsApart(before: string, after: PdfLine['items']): boolean {
  if (!before.includes(' ') || !/(?:^|\s)[\u4e00-\u9fff]{2,}$/.test(before)) return false;
  let next = '';
  for (const it of after) {
    if (/\s/.test(it.text)) {
      next += it.text.split(/\s/)[0];
      break;
    }
    next += it.text;
  }
  return /^[\u4e00-\u9fff]{2,}/.test(next);
}

/**
 * Where the column a line stands in begins: its region's left edge, or the
 * next line's, set flush under it further left (a column's last lines cut
 * into regions of their own, the first of them indented).
 */
function columnStart(l: PdfLine, next: PdfLine | undefined, regionX0: number): number {
  const under = next && next.y0 > l.y0 && next.y0 - l.y1 < l.size && next.x0 < l.x1 && next.x1 > l.x0 && Math.abs(next.size - l.size) < l.size * 0.05;
  return under ? Math.min(regionX0, next.x0) : regionX0;
}

export function pdfPageToText(page: PdfPage): PdfText {
  const { regions, body, notes, captions, head } = pageRegions(page);
  const w = new Writer();
  let stack: PdfLine[] = [];
  const furniture: string[] = notes.map((l) => l.text);
  let inParagraph = false;
  const flushStack = () => {
    if (!stack.length) return;
    const top = Math.max(...stack.map((l) => l.size));
    const lines = stack;
    stack = [];
    inParagraph = false;
    // a box of big figures (a hotline number and its label) is the page's, not a headline
    const title = lines.find((l) => l.size >= top * 0.95)!;
    if (!/[\u4e00-\u9fff]/.test(title.text)) {
      furniture.push(...lines.map((l) => l.text));
      return;
    }
    w.blank();
    let prev: PdfLine | null = null;
    const widest = Math.max(...lines.map((l) => l.x1 - l.x0));
    for (const l of lines) {
      const isTitle = l.size >= top * 0.95;
      // one headline wrapped over lines of the same type: the earlier line nearly full, the next flush under it
      const wrapped = prev && Math.abs(prev.size - l.size) < l.size * 0.05 && prev.x1 - prev.x0 >= widest * 0.8 && Math.abs(prev.x0 - l.x0) < l.size && !/[，。！？、]$/.test(prev.text);
      if (wrapped || (prev && isTitle && prev.size >= top * 0.95)) w.line(l, true);
      else {
        if (prev) w.put('\n');
        w.put(isTitle ? '# ' : '## ');
        w.line(l, true);
      }
      prev = l;
    }
    w.put('\n');
  };
  regions.forEach((region, r) => {
    const kinds = region.lines.map((l) => kindOf(l, body, head, captions));
    // lines written where they stand (not a headline stack's, not the page's furniture)
    const written = (k: number) => kinds[k] === 'small' || kinds[k] === 'body';
    region.lines.forEach((l, k) => {
      const kind = kinds[k];
      // a photo credit that a narrow box wrapped (`记者胡江丰、巫慧英` / `摄影`) is one line, whatever its type
      const above = region.lines[k - 1];
      if (above && CREDIT_WORD.test(l.text.trim()) && written(k) && written(k - 1) && l.y0 > above.y0 && l.y0 - above.y1 < above.size * 0.8) {
        const tail = /\s*$/.exec(w.text)![0];
        if (w.unput(tail)) {
          w.put(' ');
          w.line(l);
          w.put(tail);
          return;
        }
      }
      if (kind === 'headline') {
        // a headline far below the last one, or beside it, starts a stack of its own
        const last = stack[stack.length - 1];
        if (last && (l.y0 - last.y1 > Math.max(l.size, last.size) * 1.5 || l.x0 > last.x1 || l.x1 < last.x0)) flushStack();
        stack.push(l);
        return;
      }
      flushStack();
      if (kind === 'furniture') {
        furniture.push(...l.items.map((it) => it.text.trim()).filter(Boolean));
        return;
      }
      const indented = l.x0 - columnStart(l, region.lines[k + 1] ?? regions[r + 1]?.lines[0], region.x0) >= l.size * 1.2;
      if (kind === 'small') {
        // a caption: set apart by a picture's blank lines, as text extractions show it; the
        // lines of one photo's caption (the next right under the last, in the same type) stay one block
        // (or, away from a photo box, the next small line flush under the last in the same type: a caption set wider
        // than the column under a credit, `昨日下午，“守好…思想政` / `治工作…在杭举行。`)
        const last = w.lastCaption;
        const sameCaption =
          last &&
          l.y0 - last.y1 < last.size * 0.8 &&
          l.y0 > last.y0 &&
          ((captions.has(l) && captions.has(last)) || (Math.abs(l.size - last.size) < l.size * 0.05 && Math.abs(l.x0 - last.x0) < l.size * 0.5));
        if (sameCaption && w.unput('\n\n\n')) w.put('\n');
        else {
          w.blank();
          w.put('\n');
        }
        w.line(l);
        w.put('\n\n\n');
        w.lastCaption = l;
        inParagraph = false;
        return;
      }
      w.lastCaption = null;
      if (indented || !inParagraph) {
        w.blank();
        inParagraph = true;
      }
      w.line(l);
      const short = l.x1 < region.x1 - l.size * 1.5;
      if (short && /[。！？”」]$/.test(l.text)) inParagraph = false;
    });
    // a region that is not body text (a caption, a masthead block) ends the paragraph
    if (kinds.every((k) => k !== 'body')) inParagraph = false;
  });
  flushStack();
  w.put('\n');
  return { text: w.text, origins: w.origins, furniture };
}
