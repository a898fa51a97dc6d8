// PDF pages in: each page's text items laid out (reading order from the page
// itself), written as marked text, and parsed by the same stages as text
// pages, into the same records. The running head goes to the page's `other`.
import type { PageRecord } from '../project/to-records.js';
import { parseText } from '../pipeline/run-pipeline.js';
import { DecodeError } from '../parse/decode.js';
import { readPdfPages } from './pdf-items.js';
import { pdfPageToText, type PdfText } from './pdf-to-text.js';

export interface ParsedPdfPage extends PdfText {
  /** 1-based page number in the PDF */
  number: number;
  record: PageRecord;
}

/** Every page of a PDF parsed. A page with no text layer is an error that says what to do. */
export async function parsePdf(bytes: Uint8Array, path: string, pageName = path): Promise<ParsedPdfPage[]> {
  const pages = await readPdfPages(bytes, path);
  if (pages.every((p) => p.items.length === 0)) throw new DecodeError(path, 'is a PDF without a text layer (a scan); OCR is not supported yet');
  return pages.map((page) => {
    const laid = pdfPageToText(page);
    const name = pages.length > 1 ? `${pageName}#${page.number}` : pageName;
    const { record } = parseText(laid.text, name);
    record.other = [...laid.furniture, ...record.other];
    record.encoding = 'pdf';
    return { ...laid, number: page.number, record };
  });
}
