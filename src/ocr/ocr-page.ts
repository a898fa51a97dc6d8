// Scanned pages: images, or PDF pages without a text layer, read by the
// system's tesseract (chi_sim) into the same text items a PDF gives, with
// positions from tesseract's TSV, so that they take the same layout path.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { tmpdir } from 'node:os';
import { DecodeError } from '../parse/decode.js';
import type { PdfBox, PdfItem, PdfPage } from '../pdf/pdf-items.js';
import { scanBoxes } from './scan-boxes.js';
import { rereadHeadlines } from './reread-headlines.js';
import { jpegPdf, pngPdf } from './image-pdf.js';

export const INSTALL_OCR = 'install tesseract with its Simplified Chinese model (Debian/Ubuntu: apt-get install tesseract-ocr tesseract-ocr-chi-sim; macOS: brew install tesseract tesseract-lang)';
/** the resolution scans are rendered and read at */
const DPI = 300;

let unavailable: string | null | undefined;

/** Why OCR cannot run here, or null when tesseract with chi_sim is installed (asked once per process). */
export function ocrUnavailable(): string | null {
  if (unavailable !== undefined) return unavailable;
  let langs: string;
  try {
    langs = execFileSync('tesseract', ['--list-langs'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    return (unavailable = `tesseract is not installed: ${INSTALL_OCR}`);
  }
  return (unavailable = /^chi_sim$/m.test(langs) ? null : `tesseract has no chi_sim model: ${INSTALL_OCR}`);
}

/** A row of tesseract's TSV output. */
export interface TsvRow {
  level: number;
  block: number;
  par: number;
  line: number;
  left: number;
  top: number;
  width: number;
  height: number;
  conf: number;
  text: string;
}

export function parseTsv(tsv: string): TsvRow[] {
  return tsv
    .split('\n')
    .slice(1)
    .filter((l) => l.trim())
    .map((l) => {
      const c = l.split('\t');
      return { level: +c[0], block: +c[2], par: +c[3], line: +c[4], left: +c[6], top: +c[7], width: +c[8], height: +c[9], conf: +c[10], text: c[11] ?? '' };
    });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * Tesseract's lines as text items in points (at `dpi`): the words of a line
 * joined (a space only between Latin words or figures), its box, and the
 * type size of its line box's height (glyph ink being about 0.9 em) — or of
 * its median word, where that is lower (a line box that took in a mark from
 * the next line). Tesseract's word boxes are too ragged to go by alone: on
 * one line of body type they are 37 or 58 px high, one 418 px wide.
 */
export function tsvToPage(rows: TsvRow[], number: number, dpi = DPI): PdfPage {
  const pt = 72 / dpi;
  const pageRow = rows.find((r) => r.level === 1);
  const lines = new Map<string, TsvRow[]>();
  const lineHeight = new Map<string, number>();
  for (const r of rows) if (r.level === 4) lineHeight.set(`${r.block}/${r.par}/${r.line}`, r.height);
  for (const w of rows.filter((r) => r.level === 5 && r.text.trim())) {
    const key = `${w.block}/${w.par}/${w.line}`;
    lines.set(key, [...(lines.get(key) ?? []), w]);
  }
  // each line's size, then those near the commonest size snapped to it: ink heights jitter, type sizes do not
  // (of its ideographs: figures and Latin letters stand lower)
  const height = (key: string, ws: TsvRow[]) => {
    const han = ws.filter((w) => /\p{Script=Han}/u.test(w.text));
    return Math.min(lineHeight.get(key) ?? Infinity, median((han.length ? han : ws).map((w) => w.height)));
  };
  const runs = [...lines].flatMap(([key, ws]) => splitAtGutters(ws).map((run) => ({ ws: run, size: (height(key, run) / 0.9) * pt })));
  const count = new Map<number, number>();
  for (const r of runs) count.set(Math.round(r.size * 2) / 2, (count.get(Math.round(r.size * 2) / 2) ?? 0) + r.ws.length);
  const body = [...count].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const items: PdfItem[] = [];
  const marks: PdfItem[] = [];
  let last: { block: number; raw: number; size: number } | null = null;
  for (const { ws, size: raw } of runs) {
    // a short run (`说。`) has too few glyphs to tell its size by: body type unless it is far bigger
    let size = nearBody(raw / body, ws.length) ? body : Math.round(raw * 2) / 2;
    // … or the size of the line above it in its block, when it is about as big (a headline's short last line, `休养活动启动`)
    if (ws.length <= 3 && last && last.block === ws[0].block && last.size !== body && Math.abs(raw / last.raw - 1) < 0.12) size = last.size;
    last = { block: ws[0].block, raw, size };
    const top = median(ws.map((w) => w.top)) * pt;
    let text = '';
    for (const w of ws) text += (/[A-Za-z0-9]$/.test(text) && /^[A-Za-z0-9]/.test(w.text) ? ' ' : '') + w.text;
    (markNotText(ws) ? marks : items).push({
      index: items.length + marks.length,
      text: fullWidthPunctuation(text),
      raw: ws.map((w) => w.text).join(' '),
      x0: Math.min(...ws.map((w) => w.left)) * pt,
      x1: Math.max(...ws.map((w) => w.left + w.width)) * pt,
      y0: top - size * 0.05,
      y1: top + size * 0.95,
      size,
      font: 'ocr',
      confidence: meanConfidence(ws),
    });
  }
  const boxes = scanBoxes(rows, body, pt);
  return { number, width: (pageRow?.width ?? 0) * pt, height: (pageRow?.height ?? 0) * pt, items: joinHeadlinePieces(items, boxes, body), boxes, marks };
}

/**
 * A headline's line that tesseract read as pieces in blocks of their own —
 * apart where it lost a glyph (a quote mark) or where the title was set with
 * a wide space (`跳桥救人小哥彭清林等，` … `一等功！`) — is one line again:
 * pieces in big type of about one size, on one baseline, less than two of
 * their ems apart, with no rule between them — unless the right one is set
 * flush over a column of body type: then it heads that column's story.
 */
function joinHeadlinePieces(items: PdfItem[], boxes: PdfBox[], body: number): PdfItem[] {
  const out: PdfItem[] = [];
  // about one size, one baseline, less than two ems apart (or overlapping a little)
  const sameLine = (o: PdfItem, it: PdfItem) => Math.abs(o.size - it.size) <= Math.max(o.size, it.size) * 0.12 && Math.abs(o.y0 - it.y0) <= it.size * 0.25 && it.x0 - o.x1 < it.size * 2 && it.x0 - o.x1 > -it.size * 0.5;
  const ruledBetween = (o: PdfItem, it: PdfItem) => boxes.some((b) => b.paint === 'fill' && b.x1 - b.x0 <= body && b.x0 >= o.x1 - 1 && b.x1 <= it.x0 + 1 && b.y0 < it.y1 && b.y1 > it.y0);
  // (a piece set flush over a column of body type below it heads that column's story: the next story's title)
  const headsColumn = (it: PdfItem) => items.some((b) => b.size === body && Math.abs(b.x0 - it.x0) < body * 0.6 && b.y0 > it.y1 && b.y0 - it.y1 < body * 12);
  for (const it of [...items].sort((a, b) => a.x0 - b.x0)) {
    const size = it.size;
    const piece = size >= body * 1.3 && !headsColumn(it) && out.find((o) => o.size >= body * 1.3 && sameLine(o, it) && !ruledBetween(o, it));
    if (!piece) {
      out.push({ ...it });
      continue;
    }
    piece.text += it.text;
    piece.raw += ` ${it.raw}`;
    piece.x1 = Math.max(piece.x1, it.x1);
    piece.y0 = Math.min(piece.y0, it.y0);
    piece.y1 = Math.max(piece.y1, it.y1);
    piece.size = Math.max(piece.size, size);
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Below this mean confidence (0–100) a line without figures is taken for marks read as text (`刀\VA`, `不YA`). */
const MARK_CONFIDENCE = 30;

/**
 * Whether tesseract's line is marks it read as characters — bits of glyphs
 * and pictures, a rule read as a bar — rather than text: a bar alone, or a
 * line it is sure of hardly any of. A line of figures is often read that unsurely
 * (`24.5%0。`) and is kept as text.
 */
function markNotText(ws: TsvRow[]): boolean {
  if (ws.every((w) => RULE_READ.test(w.text))) return true;
  const text = ws.map((w) => w.text).join('');
  if (meanConfidence(ws) < MARK_CONFIDENCE && !/\d/.test(text)) return true;
  // a few characters, not sure, Latin letters run into ideographs or alone (`户o`, `日Z斩`, `Jo`)
  return [...text].length <= 4 && meanConfidence(ws) < 70 && /[A-Za-z]/.test(text) && (/\p{Script=Han}[A-Za-z]|[A-Za-z]\p{Script=Han}/u.test(text) || !/\p{Script=Han}/u.test(text));
}

/** How sure tesseract is of a run of words: their mean confidence, 0–100. */
const meanConfidence = (ws: TsvRow[]) => ws.reduce((sum, w) => sum + w.conf, 0) / ws.length;

/**
 * Whether a line whose height is `ratio` times the body's is set in body
 * type. Taller glyphs (`%`, brackets) stretch a body line's box by up to a
 * fifth; a caption or a credit in smaller type is 0.85–0.92 of the body's.
 */
function nearBody(ratio: number, words: number): boolean {
  // (a run of three words or fewer is too short to tell: body type unless far off)
  if (words <= 3) return Math.abs(ratio - 1) < 0.45;
  return ratio < 1.2 && ratio > 0.93;
}

/**
 * The environment tesseract runs in: one OpenMP thread, unless the user says
 * otherwise. With its default of a thread per core, a page took 59 s instead
 * of 14 s on a two-core machine, the threads spinning in the kernel (same
 * TSV either way; `npm run bench` measures both).
 */
export function tesseractEnv(env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...env, OMP_THREAD_LIMIT: env.OMP_THREAD_LIMIT ?? '1' };
}

/** Tesseract's arguments for one image read as TSV. */
export function tesseractArgs(file: string, dpi?: number): string[] {
  return [file, 'stdout', '-l', 'chi_sim', '--psm', '3', ...(dpi ? ['--dpi', String(dpi)] : []), 'tsv'];
}

/** OCR of one image file: tesseract's TSV, as a page. `dpi` when known (a rendered PDF page); an image's own is read from it. */
export function ocrImage(file: string, number: number, dpi?: number): PdfPage {
  const tsv = execFileSync('tesseract', tesseractArgs(file, dpi), {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 256 * 2 ** 20,
    env: tesseractEnv(),
  });
  return tsvToPage(parseTsv(tsv), number, dpi);
}

/**
 * The resolution big type is read again at. Tesseract reads headlines
 * better from fewer pixels (`中共计江省委#定…` at 300 dpi, right at 150):
 * on the shared pages printed to images, headline lines re-read at 150 dpi
 * took the titles score from 0.347 to 0.499 (README).
 */
const HEADLINE_DPI = 150;

/** The pages of a scan: an image (PNG, JPEG, TIFF) or a PDF without a text layer (its pages rendered by pdftoppm). */
export function ocrPages(bytes: Uint8Array, path: string): PdfPage[] {
  const missing = ocrUnavailable();
  if (missing) throw new DecodeError(path, `needs OCR, and ${missing}`);
  const dir = mkdtempSync(join(tmpdir(), 'banmian-ocr-'));
  try {
    if (/\.pdf$/i.test(path)) {
      writeFileSync(join(dir, 'scan.pdf'), bytes);
      const pages = renderPages(join(dir, 'scan.pdf'), DPI, 'page', path);
      const small = renderPages(join(dir, 'scan.pdf'), HEADLINE_DPI, 'small', path);
      return pages.map((f, i) => rereadHeadlines(readImage(f, i + 1, DPI, path), small[i] ? readImage(small[i], i + 1, HEADLINE_DPI, path) : null));
    }
    const image = join(dir, `scan${/\.[^.]+$/.exec(path)?.[0] ?? '.png'}`);
    writeFileSync(image, bytes);
    const page = readImage(image, 1, undefined, path);
    // a JPEG or PNG is read again for its big type, through a PDF of it sized as if scanned at DPI
    const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const pdf = /\.jpe?g$/i.test(path) ? jpegPdf(data, DPI) : /\.png$/i.test(path) ? pngPdf(data, DPI) : null;
    if (!pdf) return [page];
    writeFileSync(join(dir, 'half.pdf'), pdf);
    try {
      const [small] = renderPages(join(dir, 'half.pdf'), HEADLINE_DPI, 'small', path);
      return [rereadHeadlines(page, small ? readImage(small, 1, HEADLINE_DPI, path) : null)];
    } catch {
      // (the second reading only mends headlines: without it the page stands as first read)
      return [page];
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** OCR of an image of the scan at `path`; an image tesseract cannot read is a DecodeError naming the scan and why. */
function readImage(file: string, number: number, dpi: number | undefined, path: string): PdfPage {
  try {
    return ocrImage(file, number, dpi);
  } catch (e) {
    const said = String((e as { stderr?: unknown }).stderr ?? '').split('\n').find((l) => l.trim()) ?? '';
    throw new DecodeError(path, `is an image tesseract could not read${said ? ` (${said.trim()})` : ''}`);
  }
}

/** A PDF's pages rendered to PNG images by pdftoppm at `dpi`, in page order. */
function renderPages(pdf: string, dpi: number, prefix: string, path: string): string[] {
  const dir = dirname(pdf);
  try {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', pdf, join(dir, prefix)], { stdio: 'ignore' });
  } catch {
    throw new DecodeError(path, 'is a scanned PDF, and rendering its pages needs pdftoppm (Debian/Ubuntu: apt-get install poppler-utils)');
  }
  const page = new RegExp(`^${prefix}-(\\d+)\\.png$`);
  return readdirSync(dir)
    .filter((f) => page.test(f))
    .sort((a, b) => Number(page.exec(a)![1]) - Number(page.exec(b)![1]))
    .map((f) => join(dir, f));
}

/** A tesseract line that runs across a column gutter (a gap wider than its type height) is two. */
function splitAtGutters(ws: TsvRow[]): TsvRow[][] {
  const height = median(ws.map((w) => w.height));
  const out: TsvRow[][] = [[ws[0]]];
  for (let i = 1; i < ws.length; i++) {
    // (the rule down a gutter read as a bar, `从出口市场来看，| 10.59%，`, stands alone: a mark)
    if (ws[i].left - (ws[i - 1].left + ws[i - 1].width) > height || RULE_READ.test(ws[i].text) || RULE_READ.test(ws[i - 1].text)) out.push([]);
    out[out.length - 1].push(ws[i]);
  }
  return out;
}

/** A word that is only a bar: the rule down a column gutter, read as a character. */
const RULE_READ = /^[|｜]+$/;

const FULL_WIDTH: Record<string, string> = { '!': '！', '?': '？', ':': '：', ';': '；' };
const HAN_SIDE = /[\p{Script=Han}“”‘’（）《》、。，]/u;

/**
 * Tesseract writes the exclamation and question marks, colons and semicolons
 * of Chinese text in their ASCII forms (`致敬!可爱的`); set among Chinese they
 * are the full-width marks, as printed. (Its commas it tells apart: `，` and
 * `,` both come out, as both are printed.) One character for one, so each
 * still traces back to its word.
 */
export function fullWidthPunctuation(text: string): string {
  const chars = [...text];
  return chars.map((c, i) => (FULL_WIDTH[c] && (HAN_SIDE.test(chars[i - 1] ?? '') || HAN_SIDE.test(chars[i + 1] ?? '')) ? FULL_WIDTH[c] : c)).join('');
}
