import type { PageRoot } from '../tree/types.js';
import { PageFile } from '../file/page-file.js';
import { toLines } from '../parse/to-lines.js';
import { decode } from '../parse/decode.js';
import { deinterleaved } from '../parse/deinterleave-columns.js';
import type { Transform } from './stage.js';
import { reflow } from '../stages/reflow/reflow.js';
import { detectMasthead } from '../stages/masthead/detect-masthead.js';
import { segmentArticles } from '../stages/segment/segment-articles.js';
import { linkArticles } from '../stages/link/link-articles.js';
import { toRecords, type PageRecord } from '../project/to-records.js';

export const STAGE_NAMES = ['lines', 'reflow', 'masthead', 'segment', 'link'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** The default stages, in order, by name. */
export function defaultStages(): Array<[Exclude<StageName, 'lines'>, Transform]> {
  return [
    ['reflow', reflow()],
    ['masthead', detectMasthead()],
    ['segment', segmentArticles()],
    ['link', linkArticles()],
  ];
}

/** Runs the stages over a decoded page, stopping after `until` if given. */
export function runPipeline(file: PageFile, until: StageName = 'link'): PageRoot {
  let tree = toLines(file.source);
  if (until === 'lines') return tree;
  for (const [name, stage] of defaultStages()) {
    tree = stage(tree, file);
    if (name === until) break;
  }
  return tree;
}

/** Bytes of one page text → its records. Throws `DecodeError` for bytes that are not text. */
export function parsePage(bytes: Uint8Array, path: string, pageName = path): { tree: PageRoot; file: PageFile; record: PageRecord } {
  const file = pageFileOf(bytes, path);
  const tree = runPipeline(file);
  return { tree, file, record: toRecords(tree, file, pageName) };
}

/**
 * Bytes of one page text → the page as the stages read it (what parse and
 * inspect both start from). Throws `DecodeError` for bytes that are not text.
 */
export function pageFileOf(bytes: Uint8Array, path: string, name = path): PageFile {
  const decoded = decode(bytes, path);
  // pdftotext's default mode interleaves side-by-side columns line by line: the stages read them put back together
  // (the page's source is then that derived text, as a PDF's is its laid-out text)
  const columns = deinterleaved(decoded.text);
  const file = new PageFile(name, columns ? columns.text : decoded.text, decoded.encoding);
  if (decoded.guessed) file.message('decode/guessed-encoding', 'info', { params: { encoding: decoded.encoding } });
  if (decoded.cutShort) {
    const end = file.text.length;
    file.message('decode/cut-short', 'warning', { place: file.source.position(end, end), params: { bytes: decoded.cutShort } });
  }
  if (columns) file.message('decode/columns-deinterleaved', 'info', { params: { lines: columns.lines.length, columns: columns.columns, period: columns.period } });
  return file;
}

/** A page's text, already decoded, → its records. */
export function parseText(text: string, pageName = '<text>'): { tree: PageRoot; file: PageFile; record: PageRecord } {
  const file = new PageFile(pageName, text);
  const tree = runPipeline(file);
  return { tree, file, record: toRecords(tree, file, pageName) };
}
