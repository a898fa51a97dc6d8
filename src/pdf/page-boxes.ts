// What the page's painted rectangles say about its text: a frame holding only
// a few words and no sentence (a hotline, a QR code's "扫一扫", an ad's
// slogan) is the page's, not an article's; the lines set right under a photo
// box are its caption.
import type { PdfBox } from './pdf-items.js';
import type { PdfLine } from './layout-page.js';

const inside = (l: PdfLine, b: PdfBox) => l.x0 >= b.x0 - 1 && l.x1 <= b.x1 + 1 && l.y0 >= b.y0 - 1 && l.y1 <= b.y1 + 1;
const SENTENCE = /[。！？；，：]/;

/** Lines inside a frame that holds at most `maxChars` characters and no sentence punctuation. */
export function framedNotes(lines: PdfLine[], boxes: PdfBox[], body: number, maxChars = 40): Set<PdfLine> {
  const notes = new Set<PdfLine>();
  for (const frame of boxes) {
    if (frame.paint !== 'stroke' || frame.x1 - frame.x0 < body * 1.5 || frame.y1 - frame.y0 < body * 1.5) continue;
    const held = lines.filter((l) => inside(l, frame));
    const text = held.map((l) => l.text).join('');
    if (held.length && text.replace(/\s/g, '').length <= maxChars && !SENTENCE.test(text)) held.forEach((l) => notes.add(l));
  }
  return notes;
}

/** A photo's placeholder: a grey (not black, not white) filled box at least three body ems each way. */
export function photoBoxes(boxes: PdfBox[], body: number): PdfBox[] {
  return boxes.filter((b) => b.paint === 'fill' && b.lightness > 0.3 && b.lightness < 0.95 && b.x1 - b.x0 >= body * 3 && b.y1 - b.y0 >= body * 3);
}

/**
 * The caption lines of each photo: the line set just under it (within one and
 * a half body ems, mostly within its width) and the lines that follow it
 * closely in the same type. A photo credit (`记者X 摄`) there is no caption.
 */
export function photoCaptions(lines: PdfLine[], photos: PdfBox[], body: number): Set<PdfLine> {
  const captions = new Set<PdfLine>();
  // a caption is set apart from the body: smaller type, or another face
  const face = bodyFace(lines, body);
  const apart = (l: PdfLine) => Math.abs(l.size - body) > body * 0.03 || l.items.some((it) => it.font !== face);
  const within = (l: PdfLine, p: PdfBox) => Math.min(l.x1, p.x1) - Math.max(l.x0, p.x0) >= (l.x1 - l.x0) * 0.6;
  for (const photo of photos) {
    const below = lines
      .filter((l) => within(l, photo) && l.y0 >= photo.y1 - body * 0.3 && !captions.has(l))
      .sort((a, b) => a.y0 - b.y0);
    const first = below[0];
    if (!first || first.y0 - photo.y1 > body * 1.5 || /摄(影)?$/.test(first.text) || first.size > body * 1.08 || !apart(first)) continue;
    // an indented line with a flush-left one under it, both to the same right edge, starts a paragraph (a bold 本报讯 lead)
    const next = below.find((l) => l.y0 >= first.y1 - 1 && l.y0 - first.y1 < first.size && Math.abs(l.x1 - first.x1) < 1.5);
    if (next && first.x0 - next.x0 >= first.size * 1.5) continue;
    let last = first;
    captions.add(first);
    for (const l of below.slice(1)) {
      if (l.y0 - last.y1 > last.size * 0.8 || Math.abs(l.size - first.size) > first.size * 0.05 || /摄(影)?$/.test(l.text)) break;
      // the caption ends where a line stops short of its width: the next one starts the body
      if (last.x1 < Math.min(photo.x1, Math.max(...below.map((b) => b.x1))) - last.size * 1.5) break;
      captions.add(l);
      last = l;
    }
  }
  return captions;
}

/** The font most body-size characters are set in. */
function bodyFace(lines: PdfLine[], body: number): string {
  const count = new Map<string, number>();
  for (const l of lines) for (const it of l.items) if (Math.abs(it.size - body) <= body * 0.03) count.set(it.font, (count.get(it.font) ?? 0) + it.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/**
 * The running head (版次, 版名, date, editors): the one band of type above
 * the rule drawn across the top of the page. A front page's masthead,
 * big type over several lines, is no running head. Without a rule, the
 * small-type lines in the top twentieth of the page.
 */
export function runningHead(lines: PdfLine[], boxes: PdfBox[], width: number, height: number, body: number): Set<PdfLine> {
  const rules = boxes.filter((b) => b.y1 - b.y0 <= 3 && b.x1 - b.x0 >= width * 0.6 && b.y0 < height * 0.12).sort((a, b) => a.y0 - b.y0);
  const small = (l: PdfLine) => l.size <= body * 1.1;
  if (rules.length) {
    const above = lines.filter((l) => l.y1 <= rules[0].y0 + 1);
    const extent = above.length ? Math.max(...above.map((l) => l.y1)) - Math.min(...above.map((l) => l.y0)) : 0;
    // one band of type, a big page number at most (`07`); a masthead's name and ears are more
    return new Set(extent <= body * 3.5 && above.every((l) => l.size <= body * 2.5) ? above : []);
  }
  return new Set(lines.filter((l) => l.y1 < height * 0.05 && small(l)));
}
