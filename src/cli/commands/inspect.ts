import { parseArgs } from 'node:util';
import { basename } from 'node:path';
import { DecodeError } from '../../parse/decode.js';
import { readPdfPages } from '../../pdf/pdf-items.js';
import { pdfPageToText } from '../../pdf/pdf-to-text.js';
import { IMAGE_FILE } from '../../pdf/parse-pdf.js';
import { ocrPages } from '../../ocr/ocr-page.js';
import type { PdfPage } from '../../pdf/pdf-items.js';
import { PageFile } from '../../file/page-file.js';
import { pageFileOf, runPipeline, STAGE_NAMES, type StageName } from '../../pipeline/run-pipeline.js';
import { formatTree } from '../../tree/format-tree.js';
import { readPage } from '../../parse/read-page.js';
import { UsageError, type Io } from '../io.js';

export const INSPECT_HELP = `banmian inspect <file> [--until lines|reflow|masthead|segment|link] [--leaves] [--json] [--ocr]

Prints the page tree after a stage: blocks with their kinds, spans with their
roles, and with --leaves every leaf (text, joined breaks, dropped gaps and why).
Messages (the parser's doubts) follow the tree. A PDF is inspected page by page:
its laid-out text (reading order, headline stacks marked with #) is the source.
With --ocr, a scan (an image, or a PDF without a text layer) is read by
tesseract first; the lines it read as marks, not text, are listed after.`;

export async function inspectCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      until: { type: 'string', short: 'u', default: 'link' },
      leaves: { type: 'boolean' },
      json: { type: 'boolean' },
      ocr: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.out(INSPECT_HELP);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one page file to inspect');
  const until = values.until as StageName;
  if (!STAGE_NAMES.includes(until)) throw new UsageError(`--until must be one of ${STAGE_NAMES.join(', ')}, not "${values.until}"`);
  const path = positionals[0];
  const bytes = readPage(path);
  // a text page is read as parse reads it (its columns put back together where pdftotext interleaved them)
  const sources = /\.pdf$/i.test(path) || IMAGE_FILE.test(path) ? await laidOutPages(bytes, path, values.ocr ?? false) : [{ name: basename(path), file: pageFileOf(bytes, path, basename(path)), marks: [] }];
  const inspected = sources.map(({ name, file, marks }) => ({ name, tree: runPipeline(file, until), messages: file.messages, marks }));
  if (values.json) io.out(JSON.stringify(sources.length === 1 ? { tree: inspected[0].tree, messages: inspected[0].messages, marks: inspected[0].marks } : { pages: inspected }, null, 1));
  else {
    for (const { name, tree, messages, marks } of inspected) {
      if (sources.length > 1) io.out(`== ${name}`);
      io.out(formatTree(tree, { leaves: values.leaves }));
      for (const m of messages) io.out(`${m.severity} ${m.code}${m.place ? ` ${m.place.start.line}:${m.place.start.column}` : ''}: ${m.text}`);
      if (marks.length) io.out(`marks read as text, kept as the page's other: ${marks.map((t) => JSON.stringify(t)).join(' ')}`);
    }
  }
  return 0;
}

/** A PDF's pages, or a scan's read by OCR, as the text the stages read: laid out from the page itself. */
async function laidOutPages(bytes: Uint8Array, path: string, ocr: boolean): Promise<Array<{ name: string; file: PageFile; marks: string[] }>> {
  let pages: PdfPage[] = IMAGE_FILE.test(path) ? [] : await readPdfPages(bytes, path);
  const scan = pages.every((p) => p.items.length === 0);
  if (scan && !ocr) throw new DecodeError(path, `is ${IMAGE_FILE.test(path) ? 'an image' : 'a PDF without a text layer (a scan)'}: run with --ocr to read it with tesseract`);
  if (scan) pages = ocrPages(bytes, path);
  return pages.map((page) => {
    const name = pages.length > 1 ? `${basename(path)}#${page.number}` : basename(path);
    return { name, file: new PageFile(name, pdfPageToText(page).text, scan ? 'ocr' : 'pdf'), marks: (page.marks ?? []).map((m) => m.text) };
  });
}
