// PDF pages in: each page's text items laid out (reading order from the page
// itself), written as marked text, and parsed by the same stages as text
// pages, into the same records. The running head goes to the page's `other`.
// Scans (images, PDFs without a text layer) take the same path with --ocr,
// their items read by tesseract.
import type { PageRecord } from '../project/to-records.js';
import { parseText } from '../pipeline/run-pipeline.js';
import { DecodeError } from '../parse/decode.js';
import { ocrPages } from '../ocr/ocr-page.js';
import { readPdfPages, type PdfPage } from './pdf-items.js';
import { pdfPageToText, type PdfText } from './pdf-to-text.js';

export interface ParsedPdfPage extends PdfText {
  /** 1-based page number in the PDF */
  number: number;
  record: PageRecord;
}

export interface ScanOptions {
  /** read scans (images, PDFs without a text layer) with tesseract */
  ocr?: boolean;
}

/** The file name endings read as scanned images. */
export const IMAGE_FILE = /\.(png|jpe?g|tiff?)$/i;

/** Every page of a PDF parsed. A page with no text layer is read by OCR when asked, else an error that says what to do. */
export async function parsePdf(bytes: Uint8Array, path: string, pageName = path, options: ScanOptions = {}): Promise<ParsedPdfPage[]> {
  const pages = await readPdfPages(bytes, path);
  if (pages.every((p) => p.items.length === 0)) {
    if (!options.ocr) throw new DecodeError(path, 'is a PDF without a text layer (a scan): run with --ocr to read it with tesseract');
    return parseLaidOut(ocrPages(bytes, path), pageName, 'ocr');
  }
  return parseLaidOut(pages, pageName, 'pdf');
}

/** A scanned page image, read by OCR. */
export function parseScan(bytes: Uint8Array, path: string, pageName = path, options: ScanOptions = {}): ParsedPdfPage[] {
  if (!options.ocr) throw new DecodeError(path, 'is an image: run with --ocr to read it with tesseract');
  return parseLaidOut(ocrPages(bytes, path), pageName, 'ocr');
}

export function parseLaidOut(pages: PdfPage[], pageName: string, encoding: string): ParsedPdfPage[] {
  return pages.map((page) => {
    const laid = pdfPageToText(page);
    const name = pages.length > 1 ? `${pageName}#${page.number}` : pageName;
    const { record } = parseText(laid.text, name);
    record.other = [...laid.furniture, ...(page.marks ?? []).map((m) => m.text), ...record.other];
    record.encoding = encoding;
    return { ...laid, number: page.number, record };
  });
}
