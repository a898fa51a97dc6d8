// The text layer of a PDF page: every text item with where it sits, how big
// its type is and its font, from pdfjs-dist (legacy build, for Node).
import { DecodeError } from '../parse/decode.js';

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
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  items: PdfItem[];
}

/**
 * Kangxi radicals, CJK radical supplements and compatibility ideographs, which
 * some PDFs map ordinary characters to, NFKC-normalized to the ideographs they
 * stand for; everything else (full-width punctuation above all) as printed.
 */
export function normalizeGlyphs(s: string): string {
  return s.replace(/[\u2e80-\u2fdf\uf900-\ufaff]|\ud87e[\udc00-\ude1f]/g, (c) => c.normalize('NFKC'));
}

/** Every page of a PDF with its text items. A PDF without a text layer gives pages with no items. */
export async function readPdfPages(bytes: Uint8Array, path: string): Promise<PdfPage[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
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
    content.items.forEach((it, index) => {
      if (!('str' in it) || it.str === '') return;
      const [a, b, , d, e, f] = it.transform as number[];
      const size = Math.hypot(a, b) || Math.abs(d) || it.height;
      items.push({
        index,
        raw: it.str,
        text: normalizeGlyphs(it.str),
        x0: e,
        x1: e + it.width,
        // the baseline is f from the bottom; ascent ≈ 0.88 em, descent ≈ 0.12 em for CJK faces
        y0: height - f - size * 0.88,
        y1: height - f + size * 0.12,
        size,
        font: it.fontName,
      });
    });
    pages.push({ number: n, width, height, items });
    page.cleanup();
  }
  await doc.destroy();
  return pages;
}
