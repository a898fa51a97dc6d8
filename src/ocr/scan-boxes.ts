// What a scan shows besides text, as the painted boxes the PDF layout reads.
import type { PdfBox } from '../pdf/pdf-items.js';
import type { TsvRow } from './ocr-page.js';

/**
 * What tesseract found on the page that holds no text — the blocks it reports
 * without words — as the painted boxes a PDF gives: a thin one is a rule (a
 * black bar), four rules meeting as a rectangle a frame, and a block at least
 * three body ems each way a picture (a grey fill, as a photo's placeholder).
 */
export function scanBoxes(rows: TsvRow[], body: number, pt: number): PdfBox[] {
  const withWords = new Set(rows.filter((r) => r.level === 5 && r.text.trim()).map((r) => r.block));
  const empty = rows.filter((r) => r.level === 2 && !withWords.has(r.block)).map((r) => ({ x0: r.left * pt, y0: r.top * pt, x1: (r.left + r.width) * pt, y1: (r.top + r.height) * pt }));
  const thin = body * 0.4;
  const across = empty.filter((b) => b.y1 - b.y0 <= thin && b.x1 - b.x0 >= body * 3);
  const down = empty.filter((b) => b.x1 - b.x0 <= thin && b.y1 - b.y0 >= body * 3);
  const boxes: PdfBox[] = [...across, ...down].map((b) => ({ paint: 'fill', lightness: 0, ...b }));
  const near = (a: number, b: number) => Math.abs(a - b) <= body;
  // a frame: two rules of one width, none of that width between them, and a rule down each end that spans them
  // (boxes stacked in a ruled column share its long sides)
  const aligned = (a: (typeof across)[number], b: (typeof across)[number]) => near(a.x0, b.x0) && near(a.x1, b.x1);
  for (const top of across) {
    const bottom = across.filter((b) => b.y0 > top.y1 + body * 1.5 && aligned(top, b)).sort((a, b) => a.y0 - b.y0)[0];
    if (!bottom || across.some((r) => r !== top && r.y0 > top.y0 && r.y0 < bottom.y0 && aligned(top, r))) continue;
    const side = (x: number) => down.some((v) => near(v.x0, x) && v.y0 <= top.y0 + body && v.y1 >= bottom.y1 - body);
    if (side(top.x0) && side(top.x1)) boxes.push({ paint: 'stroke', lightness: 0, x0: top.x0, y0: top.y0, x1: top.x1, y1: bottom.y1 });
  }
  // … or two rules down of one height, and rules across at their top and bottom that reach over both (a box set
  // under a rule across the page)
  for (const left of down) {
    for (const right of down) {
      if (right.x0 <= left.x1 + body * 3 || !near(left.y0, right.y0) || !near(left.y1, right.y1)) continue;
      const reaches = (y: number) => across.some((r) => near(r.y0, y) && r.x0 <= left.x0 + body && r.x1 >= right.x1 - body);
      const frame = { x0: left.x0, y0: Math.min(left.y0, right.y0), x1: right.x1, y1: Math.max(left.y1, right.y1) };
      const known = boxes.some((b) => b.paint === 'stroke' && near(b.x0, frame.x0) && near(b.y0, frame.y0) && near(b.x1, frame.x1) && near(b.y1, frame.y1));
      if (!known && reaches(frame.y0) && reaches(frame.y1)) boxes.push({ paint: 'stroke', lightness: 0, ...frame });
    }
  }
  for (const b of empty) if (b.x1 - b.x0 >= body * 3 && b.y1 - b.y0 >= body * 3) boxes.push({ paint: 'fill', lightness: 0.5, ...b });
  return boxes;
}
