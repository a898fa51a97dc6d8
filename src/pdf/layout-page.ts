// A PDF page's reading order from its geometry, not its content stream:
// items → lines (same baseline, touching) → regions by recursive XY-cut
// (full-width gaps wider than a line gap cut across, column gutters cut
// down; across first, then left to right) → the leaves in reading order.
import type { PdfItem, PdfPage } from './pdf-items.js';
import { framedNotes, photoBoxes, photoCaptions, runningHead } from './page-boxes.js';

export interface PdfLine {
  items: PdfItem[];
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  size: number;
  baseline: number;
  /** items the PDF follows with a space item of their own (a word space the layout does not show) */
  spaced?: Set<PdfItem>;
}

export interface Region {
  lines: PdfLine[];
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** a line set this much larger than the body type is part of a headline */
export const HEADLINE = 1.1;
/** a size difference (share of the larger) that, in another font, sets two items on one baseline apart */
const OTHER_SIZE = 0.05;
/** the narrowest gap between columns, in body ems */
const GUTTER = 0.35;

const CJK = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f“”‘’]/;

/** Text of items on one line: letter-spacing and justification spaces between CJK characters dropped. */
export function lineText(items: PdfItem[]): string {
  let out = '';
  for (const it of items) {
    const t = it.text.replace(/(?<=\S) +(?=\S)/g, (sp, at: number, s: string) => (CJK.test(s[at - 1]) || CJK.test(s[at + sp.length]) ? '' : ' '));
    const prev = out[out.length - 1];
    if (prev && !/\s/.test(prev) && !CJK.test(prev) && !CJK.test(t[0] ?? '') && t.trim()) out += ' ';
    out += t;
  }
  return out.trim();
}

/** Items into lines: the same baseline (within a fifth of the type size), similar type, no gap wider than 0.3 em (a narrow space item bridges its own width). */
export function groupLines(items: PdfItem[]): PdfLine[] {
  // a narrow space item right after a text item glues it to what follows on its line
  const glue = new Map<PdfItem, number>();
  for (let k = 0; k + 1 < items.length; k++) {
    const a = items[k];
    const sp = items[k + 1];
    if (a.text.trim() && !sp.text.trim() && sp.x1 - sp.x0 < a.size && Math.abs(sp.x0 - a.x1) < a.size * 0.1 && Math.abs(sp.y1 - a.y1) < a.size * 0.2) glue.set(a, sp.x1 - a.x1);
  }
  const visible = items.filter((i) => i.text.trim() !== '');
  visible.sort((a, b) => a.y1 - b.y1 || a.x0 - b.x0);
  const lines: PdfLine[] = [];
  const open: PdfLine[] = [];
  for (const it of visible) {
    const baseline = it.y1 - it.size * 0.12;
    // same baseline, type of about the same size, and close: a gutter between columns is wider
    const line = open.find(
      (l) =>
        Math.abs(l.baseline - baseline) < Math.min(l.size, it.size) * 0.2 &&
        Math.abs(l.size - it.size) < Math.max(l.size, it.size) * 0.2 &&
        // (type a size apart in another font is another box's, however close: two headlines side by side)
        !(Math.abs(l.size - it.size) > Math.max(l.size, it.size) * OTHER_SIZE && l.items[l.items.length - 1].font !== it.font) &&
        // close on whichever side the item is: after the line's end, or before its start (a line
        // begun further right, such as the next box's headline on the same baseline, is not this one)
        Math.max(it.x0 - (l.x1 + (glue.get(l.items[l.items.length - 1]) ?? 0)), l.x0 - (it.x1 + (glue.get(it) ?? 0))) < Math.min(l.size, it.size) * 0.3,
    );
    if (line) {
      line.items.push(it);
      line.x0 = Math.min(line.x0, it.x0);
      line.x1 = Math.max(line.x1, it.x1);
      line.y0 = Math.min(line.y0, it.y0);
      line.y1 = Math.max(line.y1, it.y1);
      line.size = Math.max(line.size, it.size);
    } else {
      const l: PdfLine = { items: [it], text: '', x0: it.x0, y0: it.y0, x1: it.x1, y1: it.y1, size: it.size, baseline };
      lines.push(l);
      open.push(l);
    }
    // lines far above can no longer grow
    while (open.length && open[0].baseline < baseline - 3 * it.size) open.shift();
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x0 - b.x0);
    l.text = lineText(l.items);
    const spaced = l.items.filter((it) => glue.has(it));
    if (spaced.length) l.spaced = new Set(spaced);
  }
  return lines;
}

/** The type size most characters are set in: the body size. */
export function bodySize(lines: PdfLine[]): number {
  const count = new Map<number, number>();
  for (const l of lines) for (const it of l.items) count.set(Math.round(it.size * 2) / 2, (count.get(Math.round(it.size * 2) / 2) ?? 0) + it.text.length);
  return [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
}

function bounds(lines: PdfLine[]): Region {
  return {
    lines,
    x0: Math.min(...lines.map((l) => l.x0)),
    y0: Math.min(...lines.map((l) => l.y0)),
    x1: Math.max(...lines.map((l) => l.x1)),
    y1: Math.max(...lines.map((l) => l.y1)),
  };
}

/** The empty bands across `lines` on one axis, widest first: the middle of each gap and its width. */
function gaps(lines: PdfLine[], axis: 'x' | 'y'): Array<{ at: number; width: number }> {
  const spans = lines.map((l) => (axis === 'y' ? [l.y0, l.y1] : [l.x0, l.x1])).sort((a, b) => a[0] - b[0]);
  const out: Array<{ at: number; width: number }> = [];
  let reach = spans[0][1];
  for (const [s, e] of spans.slice(1)) {
    if (s > reach) out.push({ at: (s + reach) / 2, width: s - reach });
    reach = Math.max(reach, e);
  }
  // widest first; of equal ones (a grid's gutters) the leftmost or topmost
  return out.sort((a, b) => b.width - a.width || a.at - b.at);
}

/**
 * Recursive XY-cut. A band across the whole region wider than a line gap
 * separates what is above from what is below (read first); failing that, a
 * gutter down the whole region separates left (read first) from right.
 */
export function readingOrder(lines: PdfLine[], body: number, captions: Set<PdfLine> = new Set()): Region[] {
  if (lines.length === 0) return [];
  if (lines.length === 1) return [bounds(lines)];
  const downs = gaps(lines, 'x').filter((g) => g.width > body * GUTTER);
  const down = downs[0];
  const isHeadline = (l: PdfLine) => l.size >= body * HEADLINE;
  // articles side by side, each headed by its own headline (at the side's top, from its left
  // edge: a column of the article on the left is no article): left one first, whole
  const headed = (side: PdfLine[]) => {
    const top = Math.min(...side.map((l) => l.y0));
    const edge = Math.min(...side.map((l) => l.x0));
    return side.some((l) => isHeadline(l) && l.y0 <= top + body * 0.5 && l.x0 <= edge + body * 2);
  };
  // … unless, under a band across both, one side goes on with a headline and the other with
  // body: that body is the first column of the article under the headline, a row of its own
  const rows = gaps(lines, 'y').filter((g) => g.width > body * 0.9);
  const across = rows[0];
  // (a headline that goes on a stack of the same side above the band — a subtitle under a big title's line box —
  // heads no article of its own)
  const sharesRow = (left: PdfLine[], right: PdfLine[]) =>
    rows.some((row) => {
      const first = (side: PdfLine[]) => side.filter((l) => l.y0 > row.at).sort((a, b) => a.y0 - b.y0)[0];
      const last = (side: PdfLine[]) => side.filter((l) => l.y1 < row.at).sort((a, b) => b.y1 - a.y1)[0];
      const newHead = (side: PdfLine[], l: PdfLine) => {
        const above = last(side);
        return isHeadline(l) && !(above && isHeadline(above));
      };
      const [a, b] = [first(left), first(right)];
      return a && b && isHeadline(a) !== isHeadline(b) && (newHead(left, a) || newHead(right, b)) && left.some((l) => l.y1 < row.at) && right.some((l) => l.y1 < row.at);
    });
  for (const gutter of downs) {
    const left = lines.filter((l) => l.x1 <= gutter.at);
    const right = lines.filter((l) => l.x1 > gutter.at);
    if (headed(left) && headed(right) && !sharesRow(left, right)) return [...readingOrder(left, body, captions), ...readingOrder(right, body, captions)];
  }
  if (across) {
    return [...readingOrder(lines.filter((l) => l.y1 <= across.at), body, captions), ...readingOrder(lines.filter((l) => l.y1 > across.at), body, captions)];
  }
  if (down) {
    return [...readingOrder(lines.filter((l) => l.x1 <= down.at), body, captions), ...readingOrder(lines.filter((l) => l.x1 > down.at), body, captions)];
  }
  // a headline, photo or caption set close above the columns spans their gutters: take it off the top, then read the columns
  const notBody = (l: PdfLine) => Math.abs(l.size / body - 1) > 0.07 || captions.has(l);
  const heads = lines.filter(notBody);
  if (heads.length && heads.length < lines.length) {
    const bottom = Math.max(...heads.map((l) => l.y1));
    const rest = lines.filter((l) => !notBody(l));
    if (rest.every((l) => l.y0 >= bottom - body * 0.2)) return [...readingOrder(heads, body, captions), ...readingOrder(rest, body, captions)];
    // (… those of them above all the body, when others stand further down: a scan's stray mark among the columns)
    const restTop = Math.min(...rest.map((l) => l.y0));
    const above = heads.filter((l) => l.y1 <= restTop + body * 0.2);
    if (above.length && above.some((l) => l.size >= body * HEADLINE)) return [...readingOrder(above, body, captions), ...readingOrder(lines.filter((l) => !above.includes(l)), body, captions)];
    // … and a photo with its caption set under the columns comes off the bottom, after them
    const textEnd = Math.max(...rest.map((l) => l.y1));
    const under = heads.filter((l) => l.y0 >= textEnd - body * 0.2);
    if (under.length) return [...readingOrder(lines.filter((l) => !under.includes(l)), body, captions), ...readingOrder(under, body, captions)];
  }
  // a byline or lead line in body type set close above the columns, across their gutter
  const top = spanningTop(lines, body);
  if (top) {
    const atTop = new Set(top);
    return [...readingOrder(top, body, captions), ...readingOrder(lines.filter((l) => !atTop.has(l)), body, captions)];
  }
  return [bounds([...lines].sort((a, b) => a.baseline - b.baseline || a.x0 - b.x0))];
}

/** How many rows of lines at most a region's top may hold that span the gutters of the columns below. */
const TOP_ROWS = 3;

/**
 * The lines of the region's first rows (at most TOP_ROWS) when below them the
 * region parts into columns at a gutter that those lines cross; else null.
 */
function spanningTop(lines: PdfLine[], body: number): PdfLine[] | null {
  const rows = [...new Set(lines.map((l) => Math.round(l.baseline)))].sort((a, b) => a - b);
  for (const row of rows.slice(0, TOP_ROWS)) {
    const top = lines.filter((l) => l.baseline <= row + body * 0.2);
    const rest = lines.filter((l) => l.baseline > row + body * 0.2);
    if (rest.length < 2) return null;
    const gutter = gaps(rest, 'x').find((g) => g.width > body * GUTTER);
    if (gutter && top.some((l) => l.x0 < gutter.at && l.x1 > gutter.at)) return top;
  }
  return null;
}

/**
 * The page's lines in reading order. Lines in a frame of a few words (a
 * hotline, an ad's slogan) are set aside as notes before the order is found;
 * the lines under a photo are marked as its caption.
 */
export function pageRegions(page: PdfPage): { regions: Region[]; body: number; notes: PdfLine[]; captions: Set<PdfLine>; head: Set<PdfLine> } {
  const lines = groupLines(page.items);
  const body = bodySize(lines);
  const noted = framedNotes(lines, page.boxes, body);
  const rest = lines.filter((l) => !noted.has(l));
  const photos = photoBoxes(page.boxes, body);
  const captions = photoCaptions(rest, photos, body);
  // photos take part in the cuts as blocks of their own (a gap in the text is no gap on the page), then leave
  // (type size 0: a photo is no body text, so a photo with its headline comes off the top of the columns under them)
  const blocks = photos.map((p): PdfLine => ({ items: [], text: '', x0: p.x0, y0: p.y0, x1: p.x1, y1: p.y1, size: 0, baseline: p.y1 }));
  const head = runningHead(lines, page.boxes, page.width, page.height, body);
  const regions = readingOrder([...rest, ...blocks], body, captions)
    .map((r) => ({ ...r, lines: joinRowPieces(r.lines.filter((l) => l.items.length > 0), captions, head) }))
    .filter((r) => r.lines.length > 0);
  return { regions, body, notes: lines.filter((l) => noted.has(l)), captions, head };
}

/**
 * Pieces of one printed line within a column, which justification spread too
 * far apart to be grouped as one (`长` … `95.9%` … `、` across a narrow column):
 * on one baseline, in one type size, in a region with no gutter, they are one
 * line again (a caption's pieces stay a caption).
 */
function joinRowPieces(lines: PdfLine[], captions: Set<PdfLine>, head: Set<PdfLine>): PdfLine[] {
  const out: PdfLine[] = [];
  for (const l of lines) {
    const last = out[out.length - 1];
    const same =
      last &&
      !head.has(l) &&
      !head.has(last) &&
      captions.has(l) === captions.has(last) &&
      Math.abs(last.baseline - l.baseline) < Math.min(last.size, l.size) * 0.2 &&
      Math.abs(last.size - l.size) < Math.max(last.size, l.size) * 0.05;
    if (!same) {
      out.push(l);
      continue;
    }
    const items = [...last.items, ...l.items].sort((a, b) => a.x0 - b.x0);
    const spaced = new Set([...(last.spaced ?? []), ...(l.spaced ?? [])]);
    const joined: PdfLine = {
      items,
      text: lineText(items),
      x0: Math.min(last.x0, l.x0),
      y0: Math.min(last.y0, l.y0),
      x1: Math.max(last.x1, l.x1),
      y1: Math.max(last.y1, l.y1),
      size: Math.max(last.size, l.size),
      baseline: last.baseline,
      ...(spaced.size ? { spaced } : {}),
    };
    if (captions.has(last)) captions.add(joined);
    out[out.length - 1] = joined;
  }
  return out;
}
