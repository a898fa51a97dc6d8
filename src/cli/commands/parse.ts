import { mkdirSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parsePage } from '../../pipeline/run-pipeline.js';
import { DecodeError } from '../../parse/decode.js';
import { readPage } from '../../parse/read-page.js';
import { formatText } from '../../project/format-text.js';
import { expandPaths } from '../../archive/ingest.js';
import { writeAtomic } from '../write-atomic.js';
import { IMAGE_FILE, parsePdf, parseScan } from '../../pdf/parse-pdf.js';
import { UsageError, type Io } from '../io.js';

export const PARSE_HELP = `banmian parse <files or folders…> [--out DIR] [--format json|text] [--ocr]

Turns raw page texts and PDF pages into structured articles (a PDF's reading
order comes from its layout: columns, boxes and type sizes). With --ocr, scans
(PNG, JPEG or TIFF images, PDFs without a text layer) are read by tesseract
(chi_sim) and take the same layout path. With --out, writes one
<name>.json (or .txt) per page into DIR; without it, prints one page's JSON,
or one JSON line per page for several. A page that cannot be read is named
on stderr with the reason; the others are still parsed; the exit code is 1.`;

export function stemOf(path: string): string {
  return basename(path).replace(/\.[^.]+$/, '');
}

export async function parseCommand(argv: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, format: { type: 'string', short: 'f', default: 'json' }, ocr: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.out(PARSE_HELP);
    return 0;
  }
  const format = values.format;
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text, not "${format}"`);
  if (positionals.length === 0) throw new UsageError('give one or more page files or folders to parse');
  if (values.out) makeOutputFolder(values.out);

  const inputs = expandPaths(positionals, values.ocr ? /\.(txt|pdf|png|jpe?g|tiff?)$/i : /\.(txt|pdf)$/i, values.ocr ? '.txt, .pdf, .png, .jpg, .tif' : '.txt, .pdf');
  let failed = 0;
  let done = 0;
  for (const input of inputs) {
    try {
      if (input.problem) throw new DecodeError(input.path, input.problem);
      // a PDF is one page per PDF page: NAME.json, or NAME-2.json … when it has several
      const scan = { ocr: values.ocr };
      const laidOut = /\.pdf$/i.test(input.path)
        ? await parsePdf(readPage(input.path), input.path, basename(input.path), scan)
        : IMAGE_FILE.test(input.path)
          ? parseScan(readPage(input.path), input.path, basename(input.path), scan)
          : null;
      const records = laidOut
        ? laidOut.map((p, i, all) => ({ record: p.record, stem: all.length > 1 ? `${stemOf(input.path)}-${i + 1}` : stemOf(input.path) }))
        : [{ record: parsePage(readPage(input.path), input.path, basename(input.path)).record, stem: stemOf(input.path) }];
      for (const { record, stem } of records) {
        const body = format === 'json' ? JSON.stringify(record, null, values.out || inputs.length === 1 ? 1 : 0) : formatText(record);
        if (values.out) writeAtomic(join(values.out, `${stem}.${format === 'json' ? 'json' : 'txt'}`), body + '\n');
        else {
          io.out(body);
          // (a reader slower than the parse holds it back; one that stops, stops it)
          await io.drained?.();
        }
        done++;
      }
    } catch (e) {
      if (!(e instanceof DecodeError)) throw e;
      failed++;
      io.err(`banmian: ${e.path}: ${e.problem}`);
    }
  }
  if (values.out) io.err(`parsed ${done} page${done === 1 ? '' : 's'} into ${values.out}${failed ? `; ${failed} failed` : ''}`);
  return failed ? 1 : 0;
}

/** The --out folder, made where it is not there; a file of that name, or a folder that cannot be made, is the user's to fix. */
function makeOutputFolder(out: string): void {
  const cannot = (e: unknown) => new UsageError(`--out ${out}: cannot make that folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  let existing;
  try {
    existing = statSync(out, { throwIfNoEntry: false });
  } catch (e) {
    throw cannot(e); // a file where a folder on the way should be (ENOTDIR)
  }
  if (existing?.isDirectory()) return;
  if (existing) throw new UsageError(`--out ${out} is a file; give a folder to write the parsed pages into`);
  try {
    // (recursive only where the parent is missing: Node's recursive mkdir never returns under /proc)
    mkdirSync(out, { recursive: !statSync(dirname(out), { throwIfNoEntry: false }) });
  } catch (e) {
    throw cannot(e);
  }
}
