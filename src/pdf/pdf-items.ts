// The text layer of a PDF page: every text item with where it sits, how big
// its type is and its font, from pdfjs-dist (legacy build, for Node).
import { DecodeError } from '../parse/decode.js';
import { foldChar } from '../search/fold.js';

export interface PdfItem {
  /** index in the page's text content, for tracing characters back */
  index: number;
  /** NFKC-normalized text (CJK radicals and compatibility forms some PDFs map glyphs to) */
  text: string;
  /** the text as the PDF gives it */
  raw: string;
  /** left, top, right, bottom in points from the page's top-left */
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** type size in points */
  size: number;
  font: string;
  /** (scans) how sure OCR is of the line's text, 0–100: its words' mean confidence */
  confidence?: number;
}

/** A rectangle the page paints: a filled one (a photo's placeholder, a tint) or a stroked frame around a box. */
export interface PdfBox {
  paint: 'fill' | 'stroke';
  /** 0 black … 1 white */
  lightness: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
  /** the rectangles painted on the page (rules, frames, photo boxes), in page coordinates like the items */
  boxes: PdfBox[];
  /** (scans) lines OCR read with so little confidence that they are marks, not text: the page's, kept out of its layout */
  marks?: PdfItem[];
}

/**
 * CJK radical supplement code points that fonts share a glyph with an
 * ideograph, so that a PDF's ToUnicode map may name the radical for the
 * ideograph printed (Chromium with Noto CJK writes 长 as ⻓, 风 as ⻛). The
 * pairs come from Noto Serif CJK SC's cmap: radical, then the ideograph with
 * the same glyph. NFKC leaves this block alone.
 */
const RADICAL_IDEOGRAPHS = new Map(
  [...'⺂乛⺃乚⺅亻⺉刂⺎兀⺏尣⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺘扌⺙攵⺛旡⺞歺⺟母⺠民⺡氵⺣灬⺦丬⺨犭⺫罒⺭礻⺯糹⺰纟⺱罓⺲罒⺹耂⺺肀⺾艹⻁虎⻂衤⻃覀⻅见⻆角⻈讠⻉贝⻋车⻌辶⻐钅⻑長⻒镸⻓长⻔门⻖阝⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟'].flatMap((c, i, all) => (i % 2 === 0 ? [[c, all[i + 1]] as const] : [])),
);

/**
 * Kangxi radicals that Simplified Chinese fonts draw as a simplified character:
 * Noto CJK SC has one glyph for ⼾ and 户, and a PDF writer that names each glyph
 * by one of its code points may name it by the radical (NFKC would give 戶).
 */
const SIMPLIFIED_RADICAL_IDEOGRAPHS = new Map([['⼾', '户']]);

/**
 * Kangxi radicals, CJK radical supplements and compatibility ideographs, which
 * some PDFs map ordinary characters to, turned into the ideographs they stand
 * for (NFKC, and the tables above where NFKC has none or, on a page set in
 * simplified characters, another); everything else (full-width punctuation
 * above all) as printed.
 */
export function normalizeGlyphs(s: string, simplified = false): string {
  return s.replace(
    /[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g,
    (c) => (simplified ? SIMPLIFIED_RADICAL_IDEOGRAPHS.get(c) : undefined) ?? RADICAL_IDEOGRAPHS.get(c) ?? c.normalize('NFKC'),
  );
}

/** A page set in simplified characters: hardly any of its ideographs is a traditional form. */
export function setInSimplified(texts: string[]): boolean {
  let ideographs = 0;
  let traditional = 0;
  for (const t of texts) {
    for (const ch of t) {
      if (ch < '\u4e00' || ch > '\u9fff') continue;
      ideographs++;
      if (foldChar(ch) !== ch) traditional++;
    }
  }
  return ideographs > 0 && traditional <= ideographs * 0.01;
}

/** Every page of a PDF with its text items. A PDF without a text layer gives pages with no items. */
export async function readPdfPages(bytes: Uint8Array, path: string): Promise<PdfPage[]> {
  const { getDocument, OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, verbosity: 0, isEvalSupported: false }).promise;
  } catch (e) {
    throw new DecodeError(path, `is not a PDF pdf.js can read (${(e as Error).message})`);
  }
  const pages: PdfPage[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const items: PdfItem[] = [];
    const simplified = setInSimplified(content.items.map((it) => ('str' in it ? it.str : '')));
    content.items.forEach((it, index) => {
      if (!('str' in it) || it.str === '') return;
      const [a, b, , d, e, f] = it.transform as number[];
      const size = Math.hypot(a, b) || Math.abs(d) || it.height;
      items.push({
        index,
        raw: it.str,
        text: normalizeGlyphs(it.str, simplified),
        x0: e,
        x1: e + it.width,
        // the baseline is f from the bottom; ascent ≈ 0.88 em, descent ≈ 0.12 em for CJK faces
        y0: height - f - size * 0.88,
        y1: height - f + size * 0.12,
        size,
        font: it.fontName,
      });
    });
    const boxes = paintedBoxes(await page.getOperatorList(), OPS, height);
    pages.push({ number: n, width, height, items, boxes });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}

type Matrix = [number, number, number, number, number, number];
const times = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/**
 * The painted paths' bounding boxes, from the operator list: the current
 * transform followed through save/restore, each path's extent (pdf.js gives
 * it in user space) mapped to the page, with its paint and colour.
 */
export function paintedBoxes(list: { fnArray: number[]; argsArray: unknown[] }, OPS: Record<string, number>, height: number): PdfBox[] {
  const boxes: PdfBox[] = [];
  const stack: Array<{ ctm: Matrix; fill: number; stroke: number }> = [];
  let state = { ctm: [1, 0, 0, 1, 0, 0] as Matrix, fill: 0, stroke: 0 };
  const fills = new Set([OPS.fill, OPS.eoFill, OPS.fillStroke, OPS.eoFillStroke, OPS.closeFillStroke, OPS.closeEOFillStroke]);
  const strokes = new Set([OPS.stroke, OPS.closeStroke]);
  list.fnArray.forEach((fn, i) => {
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push({ ...state });
    else if (fn === OPS.restore) state = stack.pop() ?? state;
    else if (fn === OPS.transform) state = { ...state, ctm: times(state.ctm, args as Matrix) };
    else if (fn === OPS.setFillRGBColor) state = { ...state, fill: lightness(args[0]) };
    else if (fn === OPS.setStrokeRGBColor) state = { ...state, stroke: lightness(args[0]) };
    else if (fn === OPS.constructPath) {
      const [paint, , minMax] = args as [number, unknown, ArrayLike<number> | null];
      if (!minMax || !(fills.has(paint) || strokes.has(paint))) return;
      const corners = [
        [minMax[0], minMax[1]],
        [minMax[2], minMax[3]],
      ].map(([x, y]) => [state.ctm[0] * x + state.ctm[2] * y + state.ctm[4], state.ctm[1] * x + state.ctm[3] * y + state.ctm[5]]);
      const fill = fills.has(paint);
      boxes.push({
        paint: fill ? 'fill' : 'stroke',
        lightness: fill ? state.fill : state.stroke,
        x0: Math.min(corners[0][0], corners[1][0]),
        x1: Math.max(corners[0][0], corners[1][0]),
        y0: height - Math.max(corners[0][1], corners[1][1]),
        y1: height - Math.min(corners[0][1], corners[1][1]),
      });
    }
  });
  return boxes;
}

/** `#rrggbb` (how pdf.js gives colours) → 0 black … 1 white. */
function lightness(c: unknown): number {
  if (typeof c !== 'string' || !/^#[0-9a-f]{6}$/i.test(c)) return 0;
  const [r, g, b] = [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16) / 255);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}
